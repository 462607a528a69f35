import { z } from "zod";

/**
 * A form's one-time id (components/form/submission-id-input.tsx makes it in the browser): a
 * double submit with the same id makes one record. A form sent without JavaScript has none, and
 * gets a fresh one here; anything else that isn't an id is refused.
 */
export const SubmissionIdSchema = z
  .union([z.literal(""), z.uuid({ error: "This form has expired. Reload the page and try again." })])
  .optional()
  .transform((value) => value || crypto.randomUUID());
