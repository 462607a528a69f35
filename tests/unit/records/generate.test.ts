import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoChecks, demoNotices, demoNpis, demoTaxIds } from "@/db/seed/demo-records";
import { parseCsvText } from "@/lib/records/import/csv";
import { readHeader, RECORDS_FILES, rowReader } from "@/lib/records/import/files";
import { generateRecords, HOSPITAL_NPIS, syntheticNpi, syntheticTaxId } from "@/lib/records/generate";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "records-generate-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const options = { checks: 3_000, npis: 12_000, taxIds: 300, notices: 50, seed: 42, asOf: "2026-06-30" };

async function read(folder: string, file: string) {
  return parseCsvText(await fs.readFile(path.join(folder, file), "utf8"));
}

describe("records:generate", () => {
  it("writes every file in the import format, each row valid, with the counts asked for", async () => {
    const out = path.join(dir, "a");
    const summary = await generateRecords({ ...options, out });
    expect(summary.files.map((file) => [file.file, file.rows])).toEqual([
      ["tax-ids.csv", 300],
      ["npis.csv", 12_000],
      ["npi-tax-ids.csv", expect.any(Number)],
      ["checks.csv", 3_000],
      ["notices.csv", 50],
    ]);
    for (const spec of RECORDS_FILES) {
      const [header, ...rows] = await read(out, spec.file);
      const parsed = readHeader(spec, header!.fields!);
      if (!parsed.ok) throw new Error(parsed.error);
      const readRow = rowReader(spec, parsed);
      for (const row of rows) expect(readRow(row.fields!), `${spec.file} line ${row.line}: ${row.raw}`).toMatchObject({ ok: true });
    }
  });

  it("is the same for a seed, and differs for another", async () => {
    await generateRecords({ ...options, out: path.join(dir, "b") });
    await generateRecords({ ...options, out: path.join(dir, "c"), seed: 43 });
    const [a, b, c] = await Promise.all(["a", "b", "c"].map((name) => fs.readFile(path.join(dir, name, "checks.csv"), "utf8")));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it("names only Tax IDs and NPIs it wrote, each check's NPI billing under its Tax ID; a hospital system has 5,000 NPIs", async () => {
    const out = path.join(dir, "a");
    const taxIds = new Set((await read(out, "tax-ids.csv")).slice(1).map((row) => row.fields![0]!.replace("-", "")));
    const npis = new Set((await read(out, "npis.csv")).slice(1).map((row) => row.fields![0]));
    const links = (await read(out, "npi-tax-ids.csv")).slice(1).map((row) => `${row.fields![0]}|${row.fields![1]}`);
    expect(new Set(links).size).toBe(links.length);
    for (const link of links) {
      const [npi, taxId] = link.split("|");
      expect(npis.has(npi) && taxIds.has(taxId!)).toBe(true);
    }
    const linked = new Set(links);
    for (const row of (await read(out, "checks.csv")).slice(1)) expect(linked.has(`${row.fields![3]}|${row.fields![2]}`)).toBe(true);
    const hospital = links.filter((link) => link.endsWith(`|${syntheticTaxId(0)}`)).length;
    expect(hospital).toBeGreaterThanOrEqual(HOSPITAL_NPIS);
    // Within 18 months before --as-of.
    for (const row of (await read(out, "notices.csv")).slice(1)) expect(row.fields![3]! >= "2024-12-30" && row.fields![3]! <= "2026-06-30").toBe(true);
  });

  it("never uses the demo data's Tax IDs, NPIs, check or notice numbers", async () => {
    const out = path.join(dir, "a");
    const text = await Promise.all(RECORDS_FILES.map((spec) => fs.readFile(path.join(out, spec.file), "utf8")));
    const all = text.join("\n");
    for (const { taxId } of demoTaxIds) expect(all).not.toContain(`${taxId.slice(0, 2)}-${taxId.slice(2)}`);
    for (const { npi } of demoNpis) expect(all).not.toContain(npi);
    for (const { checkNumber } of demoChecks) expect(all).not.toMatch(new RegExp(`^${checkNumber},`, "m"));
    for (const { noticeNumber } of demoNotices) expect(all).not.toContain(noticeNumber);
    expect(syntheticNpi(0)).toMatch(/^2\d{9}$/);
    expect(Array.from({ length: 1000 }, (_, i) => syntheticTaxId(i * 997)).every((id) => !id.startsWith("41") && !id.startsWith("27"))).toBe(true);
  });
});
