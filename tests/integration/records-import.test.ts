import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, nonpaymentNotices, npis, npiTaxIds, paymentChecks, providerTaxIds } from "@/db/schema";
import { parseCsvText } from "@/lib/records/import/csv";
import { generateRecords } from "@/lib/records/generate";
import { importRecordsFolder, type ImportOptions, type ImportSummary } from "@/lib/records/import/import-folder";
import { asOwner } from "@/tests/support/owner";
import { countRows } from "@/tests/support/queries";

const SAMPLE = path.join(import.meta.dirname, "../../db/records-sample");
let workDir: string;

beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), "records-import-"));
});
afterAll(async () => {
  await fs.rm(workDir, { recursive: true, force: true });
});

function runImport(folder: string, options: ImportOptions = {}): Promise<ImportSummary> {
  return asOwner((owner) => importRecordsFolder(owner, folder, options));
}

/** Writes a records folder: file name → lines (a header first). */
async function folderWith(name: string, files: Record<string, string[]>, eol = "\n"): Promise<string> {
  const folder = path.join(workDir, name);
  await fs.mkdir(folder, { recursive: true });
  for (const [file, lines] of Object.entries(files)) await fs.writeFile(path.join(folder, file), lines.join(eol) + eol);
  return folder;
}

async function readReport(file: string) {
  const [header, ...rows] = parseCsvText(await fs.readFile(file, "utf8"));
  expect(header?.fields).toEqual(["file", "line", "reason", "raw"]);
  return rows.map((row) => ({ file: row.fields![0], line: Number(row.fields![1]), reason: row.fields![2]!, raw: row.fields![3] }));
}

function fileSummary(summary: ImportSummary, file: string) {
  const found = summary.files.find((entry) => entry.file === file);
  if (!found) throw new Error(`No summary for ${file}`);
  return found;
}

describe("importing the sample folder", () => {
  let summary: ImportSummary;
  const report = () => path.join(workDir, "sample-report.csv");

  beforeAll(async () => {
    summary = await runImport(SAMPLE, { reportFile: report() });
  });

  it("rejects each bad row with its line number and reason, and loads the good rows of the same file", async () => {
    const rejected = await readReport(report());
    const expected: Array<[string, number, RegExp]> = [
      ["tax-ids.csv", 5, /^tax_id: "07-1000004" starts with 07, a prefix the IRS never assigns$/],
      ["tax-ids.csv", 6, /^tax_id: "27-10005" is not 9 digits/],
      ["tax-ids.csv", 7, /^legal_name: missing$/],
      ["tax-ids.csv", 8, /^state: "XX" is not a US state/],
      ["tax-ids.csv", 9, /^postal_code: "7330" is not a ZIP code/],
      ["tax-ids.csv", 10, /^expected 7 columns, found 8$/],
      ["tax-ids.csv", 11, /quote inside an unquoted field/],
      ["tax-ids.csv", 12, /quoted field that never ends/],
      ["npis.csv", 6, /^npi: "1500000010" has a wrong check digit$/],
      ["npis.csv", 7, /^npi: "150000006" is not 10 digits$/],
      ["npis.csv", 8, /^type: "doctor" is neither individual nor organization$/],
      ["npi-tax-ids.csv", 7, /^npi: not in the records/],
      ["npi-tax-ids.csv", 8, /^tax_id: not in the records/],
      ["checks.csv", 5, /^amount: "2,015.00" is not an amount/],
      ["checks.csv", 6, /^issued_on: "2025-02-30" is not a real date$/],
      ["checks.csv", 7, /^issued_on: "03\/01\/2025" is not a date written YYYY-MM-DD$/],
      ["checks.csv", 8, /^amount: must be more than zero$/],
      ["checks.csv", 9, /^amount: "12.345" is not an amount/],
      ["checks.csv", 10, /^tax_id: not in the records/],
      ["checks.csv", 11, /^npi: not in the records/],
      ["checks.csv", 12, /^check_number: "81" is not 4 to 12 digits$/],
      ["checks.csv", 13, /^expected 6 columns, found 5$/],
      ["notices.csv", 4, /^notice_number: "8800003" lacks its NP prefix/],
      ["notices.csv", 5, /^npi: not in the records/],
    ];
    const sorted = [...rejected].sort((a, b) => (a.file === b.file ? a.line - b.line : 0));
    expect(sorted.map(({ file, line }) => [file, line])).toEqual(expected.map(([file, line]) => [file, line]));
    for (const [index, [, , reason]] of expected.entries()) expect(sorted[index]!.reason).toMatch(reason);
    // The raw line is the record as written.
    expect(sorted.find((row) => row.file === "checks.csv" && row.line === 5)?.raw).toBe('8100004,200003,27-1000003,1500000033,"2,015.00",2025-03-12');

    expect(summary.ok).toBe(true);
    expect(fileSummary(summary, "tax-ids.csv")).toMatchObject({ status: "loaded", read: 11, loaded: 3, inserted: 3, rejected: 8 });
    expect(fileSummary(summary, "checks.csv")).toMatchObject({ status: "loaded", read: 12, loaded: 3, inserted: 3, rejected: 9 });
    expect(summary.rejected).toBe(expected.length);

    const taxIds = await db.select({ taxId: providerTaxIds.taxId, state: providerTaxIds.state, postalCode: providerTaxIds.postalCode }).from(providerTaxIds).orderBy(asc(providerTaxIds.taxId));
    expect(taxIds).toEqual([
      { taxId: "271000001", state: "MN", postalCode: "55369" },
      { taxId: "271000002", state: "ND", postalCode: "58102-1234" },
      { taxId: "271000003", state: "CO", postalCode: "80202" },
    ]);
    expect(await db.select({ checkNumber: paymentChecks.checkNumber, amountCents: paymentChecks.amountCents, issuedOn: paymentChecks.issuedOn }).from(paymentChecks).orderBy(asc(paymentChecks.checkNumber))).toEqual([
      { checkNumber: "8100001", amountCents: 123456, issuedOn: "2025-01-15" },
      { checkNumber: "8100002", amountCents: 7500, issuedOn: "2025-02-01" },
      { checkNumber: "8100003", amountCents: 50, issuedOn: "2025-03-10" },
    ]);
    expect(await db.select({ noticeNumber: nonpaymentNotices.noticeNumber }).from(nonpaymentNotices).orderBy(asc(nonpaymentNotices.noticeNumber))).toEqual([
      { noticeNumber: "NP8800001" },
      { noticeNumber: "NP8800002" },
    ]);
    expect(await countRows(npiTaxIds)).toBe(5);
    // What a rejected row referred to was not loaded either.
    expect(await countRows(paymentChecks, inArray(paymentChecks.checkNumber, ["8100009", "8100010"]))).toBe(0);
  });

  it("keeps commas and doubled quotes inside quoted names", async () => {
    const names = await db.select({ legalName: providerTaxIds.legalName }).from(providerTaxIds).orderBy(asc(providerTaxIds.taxId));
    expect(names.map((row) => row.legalName)).toEqual(["Maple Grove Family Medicine, P.A.", 'The "Healthy Kids" Clinic', "Summit Surgical Associates"]);
    const [lee] = await db.select({ name: npis.name, type: npis.type }).from(npis).where(eq(npis.npi, "1500000025"));
    expect(lee).toEqual({ name: "Lee, Jordan, MD", type: "individual" });
  });

  it("records one audit event for the run, with its counts", async () => {
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "records.imported")).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ outcome: "success", reason: "records_import_command", details: { rejected: 24, "checks.csv": "read 12, inserted 3, updated 0, unchanged 0, rejected 9" } });
  });

  it("is idempotent: a second run changes nothing and duplicates nothing", async () => {
    const before = await Promise.all([providerTaxIds, npis, npiTaxIds, paymentChecks, nonpaymentNotices].map((table) => countRows(table)));
    const again = await runImport(SAMPLE);
    expect(await Promise.all([providerTaxIds, npis, npiTaxIds, paymentChecks, nonpaymentNotices].map((table) => countRows(table)))).toEqual(before);
    for (const file of again.files) expect(file).toMatchObject({ status: "loaded", inserted: 0, updated: 0 });
    expect(fileSummary(again, "checks.csv")).toMatchObject({ loaded: 3, rejected: 9 });
    expect(again.rejected).toBe(24);
  });

  it("updates a changed legal name and address, and says so", async () => {
    const folder = await folderWith("renamed", {
      "tax-ids.csv": ["tax_id,legal_name,address_line1,city,state,postal_code", '27-1000001,"Maple Grove Family Medicine, LLC",14 Maple Ave,Maple Grove,MN,55369'],
    });
    const summary = await runImport(folder);
    expect(fileSummary(summary, "tax-ids.csv")).toMatchObject({ read: 1, loaded: 1, inserted: 0, updated: 1 });
    expect(fileSummary(summary, "npis.csv")).toMatchObject({ status: "missing" });
    const [row] = await db.select().from(providerTaxIds).where(eq(providerTaxIds.taxId, "271000001"));
    expect(row).toMatchObject({ legalName: "Maple Grove Family Medicine, LLC", addressLine1: "14 Maple Ave", addressLine2: null });
    expect(await countRows(providerTaxIds)).toBe(3);
  });
});

describe("reading the files", () => {
  it("reads CRLF files with a byte-order mark, columns in any order, and quoted line breaks as one record", async () => {
    const folder = await folderWith(
      "crlf",
      {
        "tax-ids.csv": [
          "\ufeffstate,postal_code,city,address_line1,legal_name,tax_id",
          'TX,73301,Austin,1 Congress Ave,"Capitol Care, ""East""",27-2000001',
          'TX,73301,Austin,2 Congress Ave,"Two\nLines",27-2000002',
          "TX,73301,Austin,3 Congress Ave,After The Break,27-2000003",
        ],
      },
      "\r\n",
    );
    const summary = await runImport(folder, { reportFile: path.join(workDir, "crlf-report.csv") });
    expect(fileSummary(summary, "tax-ids.csv")).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
    const [rejected] = await readReport(path.join(workDir, "crlf-report.csv"));
    expect(rejected).toMatchObject({ line: 3, reason: "legal_name: contains a line break or another control character" });
    const rows = await db.select({ taxId: providerTaxIds.taxId, legalName: providerTaxIds.legalName }).from(providerTaxIds).where(inArray(providerTaxIds.taxId, ["272000001", "272000002", "272000003"])).orderBy(asc(providerTaxIds.taxId));
    expect(rows).toEqual([
      { taxId: "272000001", legalName: 'Capitol Care, "East"' },
      { taxId: "272000003", legalName: "After The Break" },
    ]);
  });

  it("refuses a file whose header is wrong, loading none of it, and goes on with the others", async () => {
    const folder = await folderWith("bad-header", {
      "tax-ids.csv": ["27-3000001,No Header Clinic,1 Main St,,Austin,TX,73301"],
      "npis.csv": ["npi,type,name", "1500000074,individual,Header Fine"],
    });
    const summary = await runImport(folder);
    expect(fileSummary(summary, "tax-ids.csv")).toMatchObject({ status: "refused", loaded: 0 });
    expect(fileSummary(summary, "tax-ids.csv").message).toMatch(/unknown column/);
    expect(fileSummary(summary, "npis.csv")).toMatchObject({ status: "loaded", inserted: 1 });
    expect(await countRows(providerTaxIds, eq(providerTaxIds.taxId, "273000001"))).toBe(0);
  });
});

describe("a failure in the middle of a file", () => {
  it("rolls that file back entirely, keeps the files before it, and reads none after it", async () => {
    const checks = ["check_number,vendor_number,tax_id,npi,amount,issued_on"];
    for (let i = 0; i < 20; i += 1) checks.push(`${9100000 + i},300001,27-4000001,1500000082,10.00,2025-05-01`);
    const folder = await folderWith("interrupted", {
      "tax-ids.csv": ["tax_id,legal_name,address_line1,city,state,postal_code", "27-4000001,Interrupted Clinic,1 Main St,Austin,TX,73301"],
      "npis.csv": ["npi,type,name", "1500000082,organization,Interrupted Clinic"],
      "checks.csv": checks,
      "notices.csv": ["notice_number,tax_id,npi,notice_date", "NP9900001,27-4000001,1500000082,2025-05-02"],
    });
    const controller = new AbortController();
    let merged = 0;
    const summary = await runImport(folder, {
      chunkRows: { postgres: 5, pglite: 5 },
      signal: controller.signal,
      progressEveryRows: 1,
      // Interrupt once checks.csv has merged two chunks (10 rows) inside its transaction.
      progress: (line) => {
        if (line.startsWith("checks.csv") && ++merged === 2) controller.abort();
      },
    });
    expect(summary.ok).toBe(false);
    expect(fileSummary(summary, "checks.csv")).toMatchObject({ status: "failed" });
    expect(summary.files.map((file) => [file.file, file.status])).toEqual([["tax-ids.csv", "loaded"], ["npis.csv", "loaded"], ["npi-tax-ids.csv", "missing"], ["checks.csv", "failed"]]);
    expect(await countRows(paymentChecks, eq(paymentChecks.taxId, "274000001"))).toBe(0);
    expect(await countRows(nonpaymentNotices, eq(nonpaymentNotices.taxId, "274000001"))).toBe(0);
    expect(await countRows(providerTaxIds, eq(providerTaxIds.taxId, "274000001"))).toBe(1);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "records.imported")).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ outcome: "failure", details: { "checks.csv": "failed", "tax-ids.csv": expect.stringMatching(/^read 1, inserted 1/) } });

    // Run again without interruption: the whole file loads, once.
    const again = await runImport(folder, { chunkRows: { postgres: 5, pglite: 5 } });
    expect(fileSummary(again, "checks.csv")).toMatchObject({ status: "loaded", read: 20, inserted: 20 });
    expect(await countRows(paymentChecks, eq(paymentChecks.taxId, "274000001"))).toBe(20);
    expect(await countRows(nonpaymentNotices, eq(nonpaymentNotices.taxId, "274000001"))).toBe(1);
  });

  it("rolls the file back when the database refuses a row after earlier chunks were written", async () => {
    const checks = ["check_number,vendor_number,tax_id,npi,amount,issued_on"];
    for (let i = 0; i < 20; i += 1) checks.push(`${9300000 + i},300001,27-4000001,1500000082,10.00,2025-05-01`);
    const folder = await folderWith("refused-by-database", { "checks.csv": checks });
    // A stand-in for any failure of the database in the third chunk (a full disk, a lost connection...).
    await asOwner(async (owner) => {
      await owner.execute(sql.raw(`CREATE FUNCTION records_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.check_number = '9300013' THEN RAISE EXCEPTION 'the disk is full'; END IF; RETURN NEW; END $$`));
      await owner.execute(sql.raw("CREATE TRIGGER records_test_fail BEFORE INSERT ON payment_checks FOR EACH ROW EXECUTE FUNCTION records_test_fail()"));
    });
    try {
      const summary = await runImport(folder, { chunkRows: { postgres: 5, pglite: 5 } });
      expect(summary.ok).toBe(false);
      expect(fileSummary(summary, "checks.csv")).toMatchObject({ status: "failed", message: "rolled back: checks.csv: the disk is full" });
      expect(await countRows(paymentChecks, sql`${paymentChecks.checkNumber} LIKE '93000%'`)).toBe(0);
    } finally {
      await asOwner(async (owner) => {
        await owner.execute(sql.raw("DROP TRIGGER records_test_fail ON payment_checks"));
        await owner.execute(sql.raw("DROP FUNCTION records_test_fail()"));
      });
    }
    const again = await runImport(folder, { chunkRows: { postgres: 5, pglite: 5 } });
    expect(fileSummary(again, "checks.csv")).toMatchObject({ status: "loaded", inserted: 20 });
  });

  it("loads a key repeated in one file once, with its last line's values", async () => {
    const folder = await folderWith("repeated", {
      "checks.csv": ["check_number,vendor_number,tax_id,npi,amount,issued_on", "9200001,300001,27-4000001,1500000082,10.00,2025-05-01", "9200001,300001,27-4000001,1500000082,11.00,2025-05-01"],
    });
    const summary = await runImport(folder);
    expect(fileSummary(summary, "checks.csv")).toMatchObject({ read: 2, loaded: 2, inserted: 1, rejected: 0 });
    const [row] = await db.select({ amountCents: paymentChecks.amountCents }).from(paymentChecks).where(eq(paymentChecks.checkNumber, "9200001"));
    expect(row?.amountCents).toBe(1100);
  });
});

describe("a generated folder", () => {
  it("imports whole, without a rejection", async () => {
    const out = path.join(workDir, "generated");
    await generateRecords({ out, checks: 400, npis: 60, taxIds: 12, notices: 9, seed: 5, asOf: "2026-06-30" });
    const summary = await runImport(out, { chunkRows: { postgres: 150, pglite: 100 } });
    expect(summary).toMatchObject({ ok: true, rejected: 0 });
    expect(fileSummary(summary, "checks.csv")).toMatchObject({ read: 400, loaded: 400, inserted: 400 });
    expect(await countRows(paymentChecks, eq(paymentChecks.vendorNumber, "500000"))).toBeGreaterThan(0);
    expect(await countRows(nonpaymentNotices)).toBeGreaterThanOrEqual(9);
  });
});
