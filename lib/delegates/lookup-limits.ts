import { describeWait, pairKey, type LimitName } from "@/lib/rate-limit";

/**
 * Who a pause on "Find my delegate" holds back. "client": this browser or network (per address,
 * or this Tax ID from this address). "tax_id": the short ceiling on one Tax ID from everywhere.
 */
export type LookupPauseScope = "client" | "tax_id";

/**
 * The limits one lookup counts against, in the order they are taken: a request refused by one
 * never reaches the next, so an address that is already paused can't use up the Tax ID's ceiling
 * (it can spend at most its own per-Tax-ID allowance there, and that ceiling's window is short).
 */
export function lookupLimits(taxId: string, clientAddress: string | null): Array<[LimitName, string | null]> {
  return [
    ["delegateLookupByClient", clientAddress],
    ["delegateLookupByTaxIdAndClient", pairKey(taxId, clientAddress)],
    ["delegateLookupByTaxId", taxId],
  ];
}

export function lookupPauseScope(limit: LimitName): LookupPauseScope {
  return limit === "delegateLookupByTaxId" ? "tax_id" : "client";
}

/** What the person is told: who waits, and for how long. */
export function lookupPauseMessage(scope: LookupPauseScope, retryAfterSeconds: number): string {
  const wait = describeWait(retryAfterSeconds);
  if (scope === "tax_id") {
    return `This Tax ID has been looked up many times in the last few minutes. To protect the people registered for it, please try again in ${wait}.`;
  }
  return `There have been many lookups from this device or network. To protect the people registered in the portal, please try again in ${wait}.`;
}
