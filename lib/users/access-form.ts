import { z } from "zod";
import type { AccessChoice } from "./delegate-organizations";

/**
 * How the access picker names its inputs: a checkbox "org" per Tax ID, a radio "scope-<id>"
 * (all or chosen NPIs) and checkboxes "npi-<id>". The action folds them into one JSON field,
 * "access", so validatedAction parses (and echoes back) a single value.
 */
export function accessFromForm(formData: FormData): AccessChoice[] {
  return formData
    .getAll("org")
    .filter((value): value is string => typeof value === "string")
    .map((organizationId) => ({
      organizationId,
      npis: formData.get(`scope-${organizationId}`) === "chosen" ? formData.getAll(`npi-${organizationId}`).filter((value): value is string => typeof value === "string") : null,
    }));
}

/** A copy of the form data with the picker's inputs folded into "access". */
export function withAccessField(formData: FormData): FormData {
  const copy = new FormData();
  for (const [key, value] of formData.entries()) copy.append(key, value);
  copy.set("access", JSON.stringify(accessFromForm(formData)));
  return copy;
}

export const AccessChoicesSchema = z
  .string()
  .transform((value, context) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: "Choose the Tax IDs and NPIs again." });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(z.object({ organizationId: z.uuid({ error: "Choose the Tax IDs again." }), npis: z.array(z.string().regex(/^\d{10}$/)).max(500).nullable() }))
      .min(1, "Choose at least one Tax ID this person may see."),
  );

/** Reads the JSON the action wrote back into the values, to put the picker back as it was. */
export function parseAccessValue(value: string | undefined): AccessChoice[] | null {
  if (!value) return null;
  const parsed = AccessChoicesSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
