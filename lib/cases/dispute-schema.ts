import { z } from "zod";

export const DISPUTE_FIELDS = ["token", "message"] as const;
export type DisputeField = (typeof DISPUTE_FIELDS)[number];

/** "Tell us this is wrong": the link's token and an optional short message. */
export const DisputeSchema = z.object({
  token: z.string({ error: "This link is incomplete. Open the link from your email again." }).trim().min(1, "This link is incomplete. Open the link from your email again."),
  message: z
    .string()
    .trim()
    .max(1000, "Use at most 1,000 characters.")
    .optional()
    .transform((value) => value || null),
});

/** What to tell a delegate whose link can't be used, and what to do instead. */
export const disputeLinkMessages = {
  invalid: "This link is incomplete or not one we sent. Open the link from your email again, or copy the whole link into your browser.",
  used: "This link has already been used: we have your answer, and a representative will contact you. You don't need to do anything else.",
  expired: "This link has expired (links work for 30 days). If the registration is still wrong, sign in and use Contact us in the Help Center.",
} as const;
