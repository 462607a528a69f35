import { z } from "zod";
import { AccessChoicesSchema } from "@/lib/users/access-form";
import { NAME_MAX } from "@/lib/validation";

function theirName(label: string) {
  return z
    .string({ error: `Enter their ${label}.` })
    .trim()
    .min(1, { message: `Enter their ${label}.`, abort: true })
    .max(NAME_MAX, `A ${label} can be at most ${NAME_MAX} characters.`)
    .regex(/^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u, `A ${label} can contain letters, spaces, hyphens, apostrophes and periods.`);
}

/** The delegate types a co-worker's details: the messages say "their", not "your". */
export const InviteSchema = z.object({
  firstName: theirName("first name"),
  lastName: theirName("last name"),
  email: z
    .string({ error: "Enter their work email address." })
    .trim()
    .min(1, { message: "Enter their work email address.", abort: true })
    .max(254, "An email address can be at most 254 characters.")
    .toLowerCase()
    .pipe(z.email("Enter an email address like name@example.com.")),
  role: z.enum(["user", "delegate"], { error: "Choose whether they are a user or a delegate." }),
  access: AccessChoicesSchema,
  /** The billing organization they join (a billing delegate's form only; re-checked on the server). */
  organizationId: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.uuid({ error: "Choose the organization they join." }).optional()),
  submissionId: z.uuid({ error: "Reload the page and try again." }),
});

export const INVITE_FIELDS = ["firstName", "lastName", "email", "role", "access", "organizationId", "submissionId"] as const;
export type InviteField = (typeof INVITE_FIELDS)[number];
