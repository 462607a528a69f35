import type { REGISTRANT_FIELDS } from "@/lib/registration/answers-schema";

/** How the error summary names the registrant's own fields, on every provider registration form. */
export const REGISTRANT_FIELD_LABELS: Record<(typeof REGISTRANT_FIELDS)[number], string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Work email",
  phone: "Work phone",
  password: "Password",
  submissionId: "Form",
  departedReason: "Why the delegate can't help",
  departedNote: "Anything we should know",
  confirmOwnName: "Your own name",
};
