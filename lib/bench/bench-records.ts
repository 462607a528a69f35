import type { ReferenceRecords } from "@/db/queries/reference";
import { npiWithCheckDigit } from "@/lib/validation/npi";

/** The bench delegate of `npm run bench:pages -- --prepare` (a reserved .example domain: no mail goes anywhere). */
export const BENCH_DELEGATE = {
  email: "bench.delegate@bench.example",
  firstName: "Bench",
  lastName: "Delegate",
  phone: "6515550100",
} as const;

export const BENCH_TAX_IDS = 50;
export const BENCH_NPIS_PER_TAX_ID = 3;

export { npiWithCheckDigit };

/**
 * The bench delegate's practices in the health plan's records, always the same: Tax IDs
 * 27-5550001 … 27-5550050 (a valid IRS prefix; the demo data uses 41-), each with one
 * organization NPI and two individual NPIs 17555xxxx + check digit (none of the demo's), and one
 * check per Tax ID (numbers 97550001 …) that the grants name as their evidence.
 */
export function benchRecords(now = new Date()): Omit<ReferenceRecords, "notices"> & { checks: Array<ReferenceRecords["checks"][number] & { taxId: string }> } {
  const issuedOn = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const taxIds: ReferenceRecords["taxIds"] = [];
  const npis: ReferenceRecords["npis"] = [];
  const checks: Array<ReferenceRecords["checks"][number] & { taxId: string }> = [];
  for (let i = 1; i <= BENCH_TAX_IDS; i += 1) {
    const n = String(i).padStart(2, "0");
    const taxId = `275550${String(i).padStart(3, "0")}`;
    const legalName = `Bench Clinic ${n}`;
    taxIds.push({ taxId, legalName, addressLine1: `${i} Bench St`, city: "Saint Paul", state: "MN", postalCode: "55101" });
    const practiceNpis = Array.from({ length: BENCH_NPIS_PER_TAX_ID }, (_, j) => npiWithCheckDigit(`17555${String((i - 1) * BENCH_NPIS_PER_TAX_ID + j + 1).padStart(4, "0")}`));
    practiceNpis.forEach((npi, j) => {
      npis.push({ npi, type: j === 0 ? ("organization" as const) : ("individual" as const), name: j === 0 ? legalName : `Bench Clinician ${n}-${j}`, taxIds: [taxId] });
    });
    checks.push({ checkNumber: `9755${String(i).padStart(4, "0")}`, vendorNumber: `9755${n}`, taxId, npi: practiceNpis[0]!, amountCents: 10000 + i, issuedOn });
  }
  return { taxIds, npis, checks };
}
