import { z } from "zod";
import { NoticeNumberSchema, NpiSchema, TaxIdSchema } from "@/lib/validation";
import { answersFrom, REGISTRANT_FIELDS, refineRegistrant, registrantShape } from "./answers-schema";

/** The FAQ's words: the one hint a registrant gets when the number lacks its prefix. */
export const MISSING_NP_MESSAGE = "Include the NP in front of the number";

/** The fields of "Register with a non-payment notice", as the form sends them. */
export const NOTICE_REGISTRATION_FIELDS = ["taxId", "npi", "noticeNumber", ...REGISTRANT_FIELDS] as const;
export type NoticeRegistrationField = (typeof NOTICE_REGISTRATION_FIELDS)[number];

/**
 * Register with a non-payment notice: the Tax ID and NPI it was issued to and its number
 * (with "NP"; the digits alone pass here so that verification can say what is missing).
 */
export const NoticeRegistrationSchema = z
  .object({
    taxId: TaxIdSchema,
    npi: NpiSchema,
    noticeNumber: NoticeNumberSchema,
    ...registrantShape,
  })
  .superRefine(refineRegistrant)
  .transform(({ departedReason, departedNote, confirmOwnName, ...value }) => ({
    ...value,
    answers: answersFrom({ departedReason, departedNote, confirmOwnName }),
  }));

export type NoticeRegistration = z.output<typeof NoticeRegistrationSchema>;
