import { z } from "zod";
import { EmailSchema, FirstNameSchema, LastNameSchema, PasswordSchema, PhoneSchema } from "@/lib/validation";
import { refinePasswordStrength } from "@/lib/validation/password-strength";
import { DEPARTED_REASONS } from "./departed-reasons";
import { SubmissionIdSchema } from "@/lib/forms/submission-id";

/** The follow-up fields every provider registration form carries (empty until asked). */
export const REGISTRATION_ANSWER_FIELDS = ["departedReason", "departedNote", "confirmOwnName"] as const;
export type RegistrationAnswerField = (typeof REGISTRATION_ANSWER_FIELDS)[number];

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * "Why can't the delegate assist?" and "Are you Ann Rivera, MD?": optional until the first
 * submit asks them. A reason of "other" needs a few words.
 */
export const registrationAnswerShape = {
  departedReason: z.preprocess(emptyToUndefined, z.enum(DEPARTED_REASONS, { error: "Choose why the delegate can't help you." }).optional()),
  departedNote: z.preprocess(emptyToUndefined, z.string().trim().max(500, "Use at most 500 characters.").optional()),
  confirmOwnName: z.preprocess(emptyToUndefined, z.literal("yes").optional()),
};

type AnswerValues = { departedReason?: (typeof DEPARTED_REASONS)[number]; departedNote?: string; confirmOwnName?: "yes" };

/** Adds the "other needs a note" rule to an object schema that includes registrationAnswerShape. */
export function refineAnswers(value: AnswerValues, context: z.RefinementCtx): void {
  if (value.departedReason === "other" && !value.departedNote) {
    context.addIssue({ code: "custom", path: ["departedNote"], message: "Tell us in a few words why the delegate can't help you." });
  }
}

/**
 * The rules across a registrant's fields: the follow-up answers, and a password that is neither
 * guessable nor made of the person's own name or email.
 */
export function refineRegistrant(value: AnswerValues & { password?: unknown; firstName?: unknown; lastName?: unknown; email?: unknown }, context: z.RefinementCtx): void {
  refineAnswers(value, context);
  refinePasswordStrength(value, context);
}

/** The parsed answers, in the shape the registration use cases take. */
export function answersFrom(value: AnswerValues) {
  return {
    departed: value.departedReason ? { reason: value.departedReason, note: value.departedNote ?? null } : null,
    confirmedOwnName: value.confirmOwnName === "yes",
  };
}

/** The registrant's own details and the form's one-time id, then the follow-up answers: every provider registration form ends with these. */
export const REGISTRANT_FIELDS = ["firstName", "lastName", "email", "phone", "password", "submissionId", ...REGISTRATION_ANSWER_FIELDS] as const;

export const registrantShape = {
  firstName: FirstNameSchema,
  lastName: LastNameSchema,
  email: EmailSchema,
  phone: PhoneSchema,
  password: PasswordSchema,
  submissionId: SubmissionIdSchema,
  ...registrationAnswerShape,
};

/** The registrant's own details and answers, as the registration use cases take them (every registration form's transform ends with these). */
export function registrantFrom(value: AnswerValues & { firstName: string; lastName: string; email: string; phone: string; password: string; submissionId: string }) {
  return {
    firstName: value.firstName,
    lastName: value.lastName,
    email: value.email,
    phone: value.phone,
    password: value.password,
    submissionId: value.submissionId,
    answers: answersFrom(value),
  };
}
