import type { Executor } from "@/db/client";
import { listNpisForTaxIds } from "@/db/queries/reference";

/** "Ann Rivera, MD" and " ann  RIVERA " compare equal: letters only, credentials after a comma dropped. */
export function comparableName(name: string): string {
  return name
    .split(",")[0]!
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\b(dr|mr|mrs|ms)\.?\s+/g, "")
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/**
 * The individual NPI on a Tax ID whose name is the name typed, if any: the registrant may be
 * that clinician, or may be typing the doctor's name instead of their own.
 */
export async function matchingClinicianName(executor: Executor, taxId: string, firstName: string, lastName: string): Promise<string | null> {
  const typed = comparableName(`${firstName} ${lastName}`);
  const npis = await listNpisForTaxIds(executor, [taxId]);
  const match = npis.find((npi) => npi.type === "individual" && comparableName(npi.name) === typed);
  return match?.name ?? null;
}
