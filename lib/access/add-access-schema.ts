import { z } from "zod";
import { CheckNumberSchema, NoticeNumberSchema, NpiSchema, TaxIdSchema, VendorNumberSchema } from "@/lib/validation";

/** The fields of "Add a Tax ID or NPI", as the form sends them. */
export const ADD_ACCESS_FIELDS = ["taxId", "document", "checkNumber", "proof", "vendorNumber", "npi", "noticeNpi", "noticeNumber", "submissionId"] as const;
export type AddAccessField = (typeof ADD_ACCESS_FIELDS)[number];

export const ADD_ACCESS_DOCUMENTS = ["check", "notice"] as const;

const SubmissionIdSchema = z.uuid({ error: "This form has expired. Reload the page and try again." });
const common = { taxId: TaxIdSchema, submissionId: SubmissionIdSchema };
const checkDocument = z.literal("check");
const noticeDocument = z.literal("notice");

/**
 * A check (with its vendor number or the NPI it was paid to) or a non-payment notice (with the
 * NPI it names). The notice's NPI has its own field name because both NPI inputs stay in the
 * form (hidden) while the person switches between documents. Every field's errors are reported
 * together, whichever document is chosen.
 */
export const AddAccessSchema = z
  .discriminatedUnion(
    "document",
    [
      z.discriminatedUnion(
        "proof",
        [
          z.object({ ...common, document: checkDocument, proof: z.literal("vendor"), checkNumber: CheckNumberSchema, vendorNumber: VendorNumberSchema }),
          z.object({ ...common, document: checkDocument, proof: z.literal("npi"), checkNumber: CheckNumberSchema, npi: NpiSchema }),
        ],
        { error: "Choose whether you will enter the vendor number or an NPI." },
      ),
      z.object({ ...common, document: noticeDocument, noticeNpi: NpiSchema, noticeNumber: NoticeNumberSchema }),
    ],
    { error: "Choose whether you have a check or a non-payment notice." },
  )
  .transform((value) => ({
    taxId: value.taxId,
    submissionId: value.submissionId,
    evidence:
      value.document === "notice"
        ? ({ kind: "notice", npi: value.noticeNpi, noticeNumber: value.noticeNumber } as const)
        : ({
            kind: "check",
            checkNumber: value.checkNumber,
            proof: "vendorNumber" in value ? ({ kind: "vendor", vendorNumber: value.vendorNumber } as const) : ({ kind: "npi", npi: value.npi } as const),
          } as const),
  }));

export type AddAccessInput = z.output<typeof AddAccessSchema>;
