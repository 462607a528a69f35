import { randomUUID } from "node:crypto";
import { NoticeRegistrationSchema, type NoticeRegistration } from "@/lib/registration/notice-registration-schema";
import { uniqueEmail } from "./check-registration";

/** The notice registration form's fields as the browser sends them (all strings). */
export type NoticeRegistrationInput = {
  taxId: string;
  npi: string;
  noticeNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  password: string;
  submissionId: string;
  departedReason?: string;
  departedNote?: string;
  confirmOwnName?: string;
};

/** Prairie Health Partners, proved with non-payment notice NP4400123 (demo data). */
export function prairieByNoticeInput(overrides: Partial<NoticeRegistrationInput> = {}): NoticeRegistrationInput {
  return {
    taxId: "41-4567890",
    npi: "1823456706",
    noticeNumber: "NP4400123",
    firstName: "Morgan",
    lastName: "Ellis",
    email: uniqueEmail("Morgan.Ellis", "Prairie.Example"),
    phone: "507-555-0142",
    password: "prairie health front office",
    submissionId: randomUUID(),
    ...overrides,
  };
}

export function parseNoticeRegistration(input: NoticeRegistrationInput): NoticeRegistration {
  return NoticeRegistrationSchema.parse(input);
}

export const prairieByNotice = (overrides: Partial<NoticeRegistrationInput> = {}) => parseNoticeRegistration(prairieByNoticeInput(overrides));
