import { env } from "@/lib/env";
import { describeWait, pairKey, type LimitName } from "@/lib/rate-limit";

/**
 * Who a pause on check and notice verification holds back. "client": this browser or network
 * (per address, or this Tax ID from this address): the organization's own staff elsewhere go on.
 * "tax_id": the ceiling for one Tax ID from everywhere, against guessing spread over many addresses.
 */
export type VerificationPauseScope = "client" | "tax_id";

/**
 * The limits one check or notice verification counts against (registration and adding a Tax ID):
 * per client address, per (Tax ID, client address), and the much higher per-Tax-ID ceiling.
 * A stranger guessing from one address pauses only that address, never the organization.
 */
export function verificationLimits(taxId: string, clientAddress: string | null): Array<[LimitName, string | null]> {
  return [
    ["verificationByClient", clientAddress],
    ["verificationByTaxIdAndClient", pairKey(taxId, clientAddress)],
    ["verificationByTaxId", taxId],
  ];
}

export function verificationPauseScope(limit: LimitName): VerificationPauseScope {
  return limit === "verificationByTaxId" ? "tax_id" : "client";
}

/**
 * What the person is told. A client pause says it is this device or network that waits, not the
 * organization; the Tax ID ceiling says what still works (US Mail, or a call).
 */
export function verificationPauseMessage(scope: VerificationPauseScope, retryAfterSeconds: number): string {
  const wait = describeWait(retryAfterSeconds);
  if (scope === "tax_id") {
    return `There have been many unsuccessful attempts to verify this Tax ID from different places. For your security, verifying it with a check or notice is paused for ${wait}. You can register by US Mail instead, or call us at ${env().PAYER_PHONE}.`;
  }
  return `There have been too many unsuccessful verification attempts from this device or network. For your security, attempts from here are paused for ${wait}. Then check the numbers against your check or notice and try again.`;
}
