import { caseStatusEnum, caseTypeEnum } from "@/db/schema/cases";

export const CASE_TYPES = caseTypeEnum.enumValues;
export const CASE_STATUSES = caseStatusEnum.enumValues;
export type CaseTypeValue = (typeof CASE_TYPES)[number];
export type CaseStatusValue = (typeof CASE_STATUSES)[number];

export const caseTypeLabels: Record<CaseTypeValue, string> = {
  provider_not_listed: "Provider not listed",
  contact_us: "Contact us",
  departed_delegate_review: "Departed-delegate review",
  delegate_dispute: "Delegate dispute",
};

export const caseStatusLabels: Record<CaseStatusValue, string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
};

export const caseStatusTones = { open: "warning", in_progress: "info", resolved: "success" } as const satisfies Record<CaseStatusValue, string>;

/** Labels of the fields a form saved in a case's details, in the order they are shown. */
export const detailLabels: Record<string, string> = {
  organizationName: "Organization",
  taxId: "Tax ID",
  npi: "NPI",
  addressLine1: "Address",
  addressLine2: "Address line 2",
  city: "City",
  state: "State",
  postalCode: "ZIP code",
  practicePhone: "Practice phone",
  topic: "Topic",
  reasonLabel: "Reason",
  note: "Note",
  previousDelegates: "Delegates at the time",
  reviewCase: "Review case",
  message: "Message",
};

/** "3 days", "5 hours", "just now": how long a case has waited. */
export function describeAge(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? "" : "s"}`;
}

/** "3 days ago", "just now". */
export function describeAgo(from: Date, now: Date): string {
  const age = describeAge(from, now);
  return age === "just now" ? age : `${age} ago`;
}
