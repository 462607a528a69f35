import { npiWithCheckDigit } from "../../lib/validation/npi";
/**
 * The demo's hospital system: one Tax ID with 5,000 NPIs (its own organization NPI and 4,999
 * clinicians), and the delegate who registered it, so that /access shows a large practice as a
 * count with a searchable, paged list. Generated, not listed: the same values on every run.
 * docs/demo-data.md lists these beside the demo's other values.
 */
export const LARGE_PRACTICE_NPI_COUNT = 5000;

export const largePracticeTaxId = {
  taxId: "416543210",
  legalName: "Summit Health System",
  addressLine1: "600 Summit Ave",
  city: "Saint Paul",
  state: "MN",
  postalCode: "55102",
} as const;

export const largePracticeCheck = { checkNumber: "7001005", vendorNumber: "100500", taxId: "416543210", npi: "1700000007", amountCents: 512000, daysAgo: 8 } as const;

/** Demo-only credentials, like demoAccounts: they exist in this seed and nowhere in the application code. */
export const largePracticeAccount = {
  firstName: "Casey",
  lastName: "Holt",
  email: "casey.holt@summithealth.example",
  phone: "6515550177",
  password: "summit-demo-pass",
  taxId: "416543210",
  checkNumber: "7001005",
} as const;

const FIRST_NAMES = [
  "Avery", "Blake", "Carmen", "Dana", "Elena", "Farah", "Gabriel", "Hana", "Isaac", "Jada",
  "Kofi", "Lena", "Marcus", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Samir", "Tessa",
  "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Adrian", "Bianca", "Caleb", "Daria",
  "Emil", "Fiona", "Grant", "Helena", "Ivan", "Julia", "Kenji", "Layla", "Mateo", "Nora",
  "Oscar", "Paula", "Rafael", "Sofia", "Tomas", "Vera", "Wyatt", "Yara", "Zane", "Alma",
];
const LAST_NAMES = [
  "Abbott", "Baker", "Chen", "Diaz", "Ellis", "Fischer", "Garcia", "Hughes", "Ibrahim", "Jensen",
  "Kim", "Lopez", "Murphy", "Nguyen", "Olsen", "Patel", "Quinlan", "Rivera", "Singh", "Torres",
  "Underwood", "Vance", "Walsh", "Xu", "Young", "Zimmerman", "Anders", "Brooks", "Castillo", "Dahl",
  "Eriksen", "Flores", "Gupta", "Hansen", "Iverson", "Johnson", "Khan", "Larsen", "Moreno", "Novak",
  "Ortiz", "Park", "Reyes", "Schmidt", "Tanaka", "Ueda", "Vargas", "Wong", "Yilmaz", "Zhou",
  "Alvarez", "Bennett", "Cruz", "Dunn", "Evans", "Foster", "Gomez", "Hayes", "Ito", "James",
  "Keller", "Lund", "Mendez", "Nash", "Owens", "Perez", "Ramos", "Sato", "Thompson", "Ulrich",
  "Voss", "Ward", "Yoder", "Zamora", "Ahmed", "Berg", "Cole", "Dixon", "Engel", "Ford",
  "Grant", "Holm", "Irwin", "Jacobs", "Kaur", "Lindqvist", "Meyer", "Nilsen", "Oakes", "Price",
  "Rasmussen", "Shah", "Tran", "Urban", "Vogel", "Webb", "Yates", "Zeller", "Acosta", "Bauer",
];
const CREDENTIALS = ["MD", "DO", "NP", "PA-C", "CRNA"];


/** The hospital's NPIs: 1700000007 is the organization; the clinicians follow (1700000015, 1700000023, …) */
export function largePracticeNpis(): Array<{ npi: string; type: "individual" | "organization"; name: string; taxIds: string[] }> {
  const taxIds = [largePracticeTaxId.taxId];
  return Array.from({ length: LARGE_PRACTICE_NPI_COUNT }, (_, i) => {
    const npi = npiWithCheckDigit(String(170000000 + i));
    if (i === 0) return { npi, type: "organization" as const, name: largePracticeTaxId.legalName, taxIds };
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!;
    return { npi, type: "individual" as const, name: `${first} ${last}, ${CREDENTIALS[i % CREDENTIALS.length]}`, taxIds };
  });
}
