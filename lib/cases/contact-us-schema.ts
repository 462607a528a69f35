import { z } from "zod";
import { EmailSchema, NpiSchema, PhoneSchema, TaxIdSchema } from "@/lib/validation";
import { SubmissionIdSchema } from "@/lib/forms/submission-id";

/** The topics of Contact us: the form's values (also ?topic= in links) and how each is named. */
export const CONTACT_TOPICS = [
  { value: "add-tax-id", label: "Add a Tax ID without a check", hint: "You have no check or non-payment notice for a Tax ID you need." },
  { value: "pin-letter", label: "My PIN letter did not arrive", hint: "You registered or asked for a Tax ID by US Mail and the letter hasn't come." },
  { value: "delegate-left", label: "My delegate left", hint: "The person who registered your organization has left and can't help you." },
  { value: "other", label: "Something else", hint: "Any other question about registering or access." },
] as const;
export type ContactTopic = (typeof CONTACT_TOPICS)[number]["value"];
const TOPIC_VALUES = CONTACT_TOPICS.map((topic) => topic.value) as [ContactTopic, ...ContactTopic[]];

export function isContactTopic(value: unknown): value is ContactTopic {
  return typeof value === "string" && (TOPIC_VALUES as string[]).includes(value);
}

export function contactTopicLabel(topic: ContactTopic): string {
  return CONTACT_TOPICS.find((entry) => entry.value === topic)!.label;
}

export const CONTACT_US_FIELDS = ["topic", "taxId", "npi", "message", "name", "email", "phone", "submissionId"] as const;
export type ContactUsField = (typeof CONTACT_US_FIELDS)[number];
export const CONTACT_US_MESSAGE_MAX = 2000;

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * Contact us: what it is about, the Tax ID concerned (needed for every topic but "something
 * else", where it is optional), the message and how to reach the person.
 */
export const ContactUsSchema = z.preprocess(
  // The Tax ID is optional only for "something else": a blank one is dropped there, and kept
  // (so that TaxIdSchema asks for it) for every other topic. Done before parsing so that this
  // error comes with every other field's, not after them.
  (raw) => {
    if (typeof raw !== "object" || raw === null) return raw;
    const input = raw as Record<string, unknown>;
    const blank = typeof input.taxId !== "string" || input.taxId.trim() === "";
    if (!blank) return input;
    return { ...input, taxId: input.topic === "other" ? undefined : "" };
  },
  z.object({
    topic: z.enum(TOPIC_VALUES, { error: "Choose what your message is about." }),
    taxId: TaxIdSchema.optional(),
    npi: z.preprocess(emptyToUndefined, NpiSchema.optional()),
    message: z
      .string({ error: "Tell us in a few words how we can help." })
      .trim()
      .min(1, { message: "Tell us in a few words how we can help.", abort: true })
      .max(CONTACT_US_MESSAGE_MAX, `Use at most ${CONTACT_US_MESSAGE_MAX.toLocaleString("en-US")} characters.`),
    name: z
      .string({ error: "Enter your name." })
      .trim()
      .min(1, { message: "Enter your name.", abort: true })
      .max(101, "Use at most 101 characters.")
      .refine((value) => /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u.test(value), { message: "Your name can contain letters, spaces, hyphens, apostrophes and periods." }),
    email: EmailSchema,
    phone: z.preprocess(emptyToUndefined, PhoneSchema.optional()),
    submissionId: SubmissionIdSchema,
  }),
);
export type ContactUsRequest = z.output<typeof ContactUsSchema>;
