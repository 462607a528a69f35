import { z } from "zod";
import type { AccessChoice } from "./delegate-organizations";

/**
 * How the access picker names its inputs: a checkbox (or hidden input) "org" per grantable
 * unit, whose value is the unit's key; a radio "scope-<key>" (all, chosen NPIs, or none) and
 * checkboxes "npi-<key>". A unit whose scope is "none" is left out: no access to it. The
 * action folds them into one JSON field, "access", so validatedAction parses (and echoes
 * back) a single value.
 */
export function accessFromForm(formData: FormData): AccessChoice[] {
  return formData
    .getAll("org")
    .filter((value): value is string => typeof value === "string")
    .filter((key) => formData.get(`scope-${key}`) !== "none")
    .map((key) => ({
      key,
      npis: formData.get(`scope-${key}`) === "chosen" ? formData.getAll(`npi-${key}`).filter((value): value is string => typeof value === "string") : null,
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
      .array(z.object({ key: z.uuid({ error: "Choose the Tax IDs again." }), npis: z.array(z.string().regex(/^\d{10}$/)).max(500).nullable() }))
      .max(200, "Choose fewer Tax IDs."),
  );
// Whether at least one Tax ID is needed depends on the organization (a billing co-worker may
// join before any provider approved): resolveAccessChoices' callers decide.

/** Reads the JSON the action wrote back into the values, to put the picker back as it was. */
export function parseAccessValue(value: string | undefined): AccessChoice[] | null {
  if (!value) return null;
  const parsed = AccessChoicesSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
