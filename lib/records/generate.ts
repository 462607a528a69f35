import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { US_STATE_CODES } from "@/lib/validation/address";
import { npiCheckDigit } from "@/lib/validation/npi";
import { hasValidTaxIdPrefix } from "@/lib/validation/tax-id";
import { csvLine } from "./import/csv";

/**
 * `npm run records:generate`: a synthetic records folder in the import format, as large as asked
 * (ten million checks is about 600 MB), written line by line with backpressure so nothing but a
 * write buffer is held. Every value is a pure function of (seed, row number), so the same seed and
 * --as-of date give the same files byte for byte, and a check can name an NPI and the Tax ID it
 * bills under without keeping either in memory.
 *
 * Numbers never meet the demo data's nor the sample folder's: Tax IDs avoid the prefixes 41 (the
 * demo) and 27 (db/records-sample); NPIs start with 2 (those start with 1); check numbers are 10
 * digits starting with 3, vendor numbers 6 digits starting with 5, notice numbers NP5 and 8 digits.
 */
export interface GenerateOptions {
  out: string;
  checks: number;
  npis: number;
  taxIds: number;
  notices?: number;
  seed?: number;
  /** Checks are issued and notices dated within the 18 months before this day (YYYY-MM-DD; today by default). */
  asOf?: string;
  progress?: (line: string) => void;
}

export interface GenerateSummary {
  files: Array<{ file: string; rows: number; bytes: number }>;
  seconds: number;
}

/** The Tax ID of a large hospital system gets this many NPIs (when there are enough NPIs). */
export const HOSPITAL_NPIS = 5_000;
/** One NPI in this many also bills under a second Tax ID. */
const SECOND_TAX_ID_EVERY = 20;
const RESERVED_PREFIXES = new Set(["41", "27"]);
const TAX_ID_PREFIXES = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0")).filter((prefix) => hasValidTaxIdPrefix(`${prefix}0000000`) && !RESERVED_PREFIXES.has(prefix));
const MAX_TAX_IDS = TAX_ID_PREFIXES.length * 10_000_000;

const LAST_NAMES = ["Anderson", "Nguyen", "Johnson", "Garcia", "Olson", "Martinez", "Larson", "Kim", "Peterson", "O'Brien", "Hansen", "Lopez", "Schmidt", "Patel", "Carlson", "Okafor"];
const FIRST_NAMES = ["Ann", "Jordan", "Maria", "Sam", "Priya", "Ole", "Grace", "Luis", "Mei", "Ahmed", "Rosa", "Erik", "Fatima", "Noah", "Ingrid", "Kwame"];
const PLACES = ["Lakeside", "Cedar", "Prairie", "Summit", "Riverbend", "Maple", "Northfield", "Pinewood", "Harbor", "Valley", "Birchwood", "Oak Park"];
const KINDS = ["Family Clinic", "Pediatrics", "Orthopedics", "Health Partners", "Medical Group", "Dermatology", "Cardiology Associates", 'Women\'s "Wellness" Center'];
const SUFFIXES = ["", "", ", P.A.", ", LLC", ", P.C."];
const STREETS = ["Main St", "Oak Ave", "Lake St", "River Rd", "Elm St", "2nd Ave N", "Prairie Blvd", "Hwy 61"];
const CITIES = ["Minneapolis", "Saint Paul", "Duluth", "Rochester", "Fargo", "Sioux Falls", "Des Moines", "Madison", "Eau Claire", "Bismarck"];
const DAY_MS = 86_400_000;

function hash32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A uniform 32-bit number for row `index` of a named `stream` of choices. */
function draw(seed: number, stream: number, index: number): number {
  return hash32(hash32(index ^ Math.imul(stream + 1, 0x9e3779b9)) ^ hash32(seed + stream));
}

function pick<T>(list: readonly T[], value: number): T {
  return list[value % list.length]!;
}

export function syntheticTaxId(index: number): string {
  return `${TAX_ID_PREFIXES[index % TAX_ID_PREFIXES.length]}${String(Math.floor(index / TAX_ID_PREFIXES.length)).padStart(7, "0")}`;
}

export function syntheticNpi(index: number): string {
  const firstNine = `2${String(index).padStart(8, "0")}`;
  return `${firstNine}${npiCheckDigit(firstNine)}`;
}

/** Buffers lines into large writes and waits when the file's stream asks it to. */
class FileWriter {
  private buffer = "";
  rows = 0;
  private readonly stream: fs.WriteStream;

  constructor(readonly file: string) {
    this.stream = fs.createWriteStream(file, { encoding: "utf8" });
  }

  write(line: string): Promise<void> | undefined {
    this.buffer += line;
    if (this.buffer.length < 1 << 20) return undefined;
    const ok = this.stream.write(this.buffer);
    this.buffer = "";
    return ok ? undefined : once(this.stream, "drain").then(() => undefined);
  }

  async close(): Promise<number> {
    if (this.buffer) this.stream.write(this.buffer);
    this.buffer = "";
    this.stream.end();
    await finished(this.stream);
    return this.stream.bytesWritten;
  }
}

export async function generateRecords(options: GenerateOptions): Promise<GenerateSummary> {
  const { checks, npis, taxIds } = options;
  const notices = options.notices ?? Math.floor(checks / 100);
  const seed = options.seed ?? 1;
  for (const [name, value, min] of [["--tax-ids", taxIds, 1], ["--npis", npis, 1], ["--checks", checks, 0], ["--notices", notices, 0]] as const) {
    if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}.`);
  }
  if (taxIds > MAX_TAX_IDS) throw new Error(`--tax-ids can be at most ${MAX_TAX_IDS}.`);
  if (npis > 100_000_000 || checks > 1_000_000_000 || notices > 100_000_000) throw new Error("--npis is at most 100,000,000, --checks 1,000,000,000 and --notices 100,000,000.");
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(asOfMs)) throw new Error("--as-of must be a date written YYYY-MM-DD.");

  const started = performance.now();
  fs.mkdirSync(options.out, { recursive: true });
  const hospital = npis >= 2 * HOSPITAL_NPIS && taxIds > 1;
  /** The Tax ID an NPI bills under first: the hospital's for the first 5,000, else any other. */
  const primaryTaxId = (n: number) => (hospital && n < HOSPITAL_NPIS ? 0 : taxIds === 1 ? 0 : (hospital ? 1 : 0) + (draw(seed, 1, n) % (taxIds - (hospital ? 1 : 0))));
  const secondTaxId = (n: number) => {
    if (taxIds < 2 || draw(seed, 2, n) % SECOND_TAX_ID_EVERY !== 0) return null;
    const other = draw(seed, 3, n) % taxIds;
    return other === primaryTaxId(n) ? null : other;
  };
  const daysBack = (stream: number, index: number) => new Date(asOfMs - (draw(seed, stream, index) % 548) * DAY_MS).toISOString().slice(0, 10);
  const practiceName = (t: number) => `${pick(PLACES, draw(seed, 4, t))} ${pick(KINDS, draw(seed, 5, t))}${pick(SUFFIXES, draw(seed, 6, t))}`;
  const summary: GenerateSummary = { files: [], seconds: 0 };

  const writeFile = async (file: string, header: string[], rows: number, row: (index: number) => string | null) => {
    const writer = new FileWriter(path.join(options.out, file));
    await writer.write(csvLine(header));
    for (let index = 0; index < rows; index += 1) {
      const line = row(index);
      if (line === null) continue;
      writer.rows += 1;
      const wait = writer.write(line);
      if (wait) await wait;
      if ((index + 1) % 1_000_000 === 0) options.progress?.(`${file}: ${(index + 1).toLocaleString("en-US")} of ${rows.toLocaleString("en-US")}`);
    }
    summary.files.push({ file, rows: writer.rows, bytes: await writer.close() });
  };

  await writeFile("tax-ids.csv", ["tax_id", "legal_name", "address_line1", "address_line2", "city", "state", "postal_code"], taxIds, (t) => {
    const suite = draw(seed, 7, t) % 10 === 0 ? `Suite ${100 + (draw(seed, 8, t) % 400)}` : "";
    const name = t === 0 && hospital ? "Northstar Health System" : practiceName(t);
    const zip = String(10000 + (draw(seed, 9, t) % 89999));
    const id = syntheticTaxId(t);
    return csvLine([`${id.slice(0, 2)}-${id.slice(2)}`, name, `${1 + (draw(seed, 10, t) % 9999)} ${pick(STREETS, draw(seed, 11, t))}`, suite, pick(CITIES, draw(seed, 12, t)), pick(US_STATE_CODES, draw(seed, 13, t)), zip]);
  });
  await writeFile("npis.csv", ["npi", "type", "name"], npis, (n) => {
    const organization = draw(seed, 14, n) % 10 === 0;
    const name = organization ? practiceName(primaryTaxId(n)) : `${pick(LAST_NAMES, draw(seed, 15, n))}, ${pick(FIRST_NAMES, draw(seed, 16, n))}, MD`;
    return csvLine([syntheticNpi(n), organization ? "organization" : "individual", name]);
  });
  let secondLinks = 0;
  await writeFile("npi-tax-ids.csv", ["npi", "tax_id"], npis, (n) => {
    const npi = syntheticNpi(n);
    const second = secondTaxId(n);
    if (second !== null) secondLinks += 1;
    const first = `${npi},${syntheticTaxId(primaryTaxId(n))}\n`;
    return second === null ? first : `${first}${npi},${syntheticTaxId(second)}\n`;
  });
  summary.files.at(-1)!.rows += secondLinks;
  await writeFile("checks.csv", ["check_number", "vendor_number", "tax_id", "npi", "amount", "issued_on"], checks, (c) => {
    const n = draw(seed, 17, c) % npis;
    const t = primaryTaxId(n);
    const cents = 500 + (draw(seed, 18, c) % 2_500_000);
    return `${3_000_000_000 + c},${500_000 + (t % 500_000)},${syntheticTaxId(t)},${syntheticNpi(n)},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")},${daysBack(19, c)}\n`;
  });
  await writeFile("notices.csv", ["notice_number", "tax_id", "npi", "notice_date"], notices, (k) => {
    const n = draw(seed, 20, k) % npis;
    return `NP${50_000_000 + k},${syntheticTaxId(primaryTaxId(n))},${syntheticNpi(n)},${daysBack(21, k)}\n`;
  });
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
