import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { endGrant, INLINE_NPI_LIMIT, insertGrant, listAccessForUser, pageGrantNpis } from "@/db/queries/access";
import { users } from "@/db/schema";
import { LARGE_PRACTICE_NPI_COUNT, largePracticeAccount, largePracticeNpis } from "@/scripts/seed/large-practice";
import { grantNpiList, parseNpiListQuery } from "@/lib/access/npi-list";
import { hasValidNpiCheckDigit } from "@/lib/validation";
import { confirmedAccount } from "@/tests/factories/add-access";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";

const SUMMIT = largePracticeAccount.taxId;
const hospital = largePracticeNpis();
const inNpiOrder = hospital.map((row) => row.npi).sort();
let casey: string;

beforeAll(async () => {
  await seedDemo();
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, largePracticeAccount.email));
  casey = row!.id;
});

const page = (userId: string, options: { search?: string | null; page?: number; pageSize?: number } = {}) =>
  pageGrantNpis(db, { userId, taxId: SUMMIT, search: options.search ?? null, page: options.page ?? 1, pageSize: options.pageSize ?? 50 });

describe("the demo's hospital system", () => {
  it("has 5,000 distinct NPIs with valid check digits, and a delegate with access to all of them", async () => {
    expect(hospital).toHaveLength(LARGE_PRACTICE_NPI_COUNT);
    expect(new Set(inNpiOrder).size).toBe(LARGE_PRACTICE_NPI_COUNT);
    expect(hospital.every((row) => hasValidNpiCheckDigit(row.npi))).toBe(true);
    const [row] = await listAccessForUser(db, casey);
    expect(row).toMatchObject({ taxId: SUMMIT, organizationName: "Summit Health System", role: "delegate", status: "active", allNpis: true, npiCount: 5000, npis: [] });
  });

  it("seeding again changes nothing", async () => {
    await seedDemo();
    const rows = await listAccessForUser(db, casey);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.npiCount).toBe(5000);
  });
});

describe("listAccessForUser", () => {
  it("keeps listing a small practice's NPIs inline, with its count", async () => {
    const pat = await demoDelegate();
    const rows = await listAccessForUser(db, pat.id);
    expect(rows).toMatchObject([{ taxId: "412345678", npiCount: 1, npis: [{ npi: "1450239870", name: "Northside Pediatrics", type: "organization" }] }]);
  });

  it("lists individuals before organizations, and only the chosen NPIs of a chosen-NPI grant", async () => {
    const person = await confirmedAccount({ firstName: "Quinn", lastName: "Abara" });
    await insertGrant(db, { userId: person.userId, taxId: "411234567", method: "representative", status: "active", now: new Date() });
    await insertGrant(db, { userId: person.userId, taxId: SUMMIT, method: "delegate", status: "active", npis: inNpiOrder.slice(10, 13), now: new Date() });
    const rows = await listAccessForUser(db, person.userId);
    const lakeside = rows.find((row) => row.taxId === "411234567")!;
    expect(lakeside.npis.map((npi) => npi.npi)).toEqual(["1045678012", "1234567893"]);
    const summit = rows.find((row) => row.taxId === SUMMIT)!;
    expect(summit).toMatchObject({ allNpis: false, npiCount: 3 });
    expect(summit.npis.map((npi) => npi.npi).sort()).toEqual(inNpiOrder.slice(10, 13));
  });

  it("puts a practice's NPIs in order for people, not in NPI order: individuals by name, then the organization", async () => {
    // The hospital system's organization NPI is its lowest, and its clinicians' names are not in NPI order.
    const chosen = hospital.slice(0, 8);
    const expected = [...chosen.slice(1)].sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0)).concat(chosen[0]!);
    expect(expected.map((row) => row.npi)).not.toEqual(chosen.map((row) => row.npi).sort());
    const person = await confirmedAccount({ firstName: "Sol", lastName: "Haddad" });
    await insertGrant(db, { userId: person.userId, taxId: SUMMIT, method: "delegate", status: "active", npis: chosen.map((row) => row.npi), now: new Date() });
    const [summit] = await listAccessForUser(db, person.userId);
    expect(summit!.npiCount).toBe(8);
    expect(summit!.npis).toEqual(expected.map(({ npi, name, type }) => ({ npi, name, type })));
  });

  it("shows a count only once a grant covers more than the inline limit", async () => {
    const person = await confirmedAccount({ firstName: "Rene", lastName: "Okafor" });
    await insertGrant(db, { userId: person.userId, taxId: SUMMIT, method: "delegate", status: "active", npis: inNpiOrder.slice(0, INLINE_NPI_LIMIT + 1), now: new Date() });
    const [summit] = await listAccessForUser(db, person.userId);
    expect(summit).toMatchObject({ npiCount: INLINE_NPI_LIMIT + 1, npis: [] });
  });
});

describe("pageGrantNpis", () => {
  it("pages 5,000 NPIs 50 at a time, in NPI order", async () => {
    const first = await page(casey);
    expect(first).toMatchObject({ taxId: SUMMIT, organizationName: "Summit Health System", allNpis: true, total: 5000, page: 1, pageCount: 100 });
    expect(first!.npis.map((npi) => npi.npi)).toEqual(inNpiOrder.slice(0, 50));
    expect(first!.npis[0]).toEqual({ npi: "1700000007", name: "Summit Health System", type: "organization" });

    const second = await page(casey, { page: 2 });
    expect(second!.npis.map((npi) => npi.npi)).toEqual(inNpiOrder.slice(50, 100));
    const last = await page(casey, { page: 100 });
    expect(last!.npis.map((npi) => npi.npi)).toEqual(inNpiOrder.slice(4950));
  });

  it("shows the last page for a page past the end, and the first for nonsense", async () => {
    expect(await page(casey, { page: 101 })).toMatchObject({ page: 100, pageCount: 100 });
    expect((await page(casey, { page: 9999 }))!.npis).toHaveLength(50);
    expect(await page(casey, { page: 0 })).toMatchObject({ page: 1 });
    expect(parseNpiListQuery({ page: "-3" })).toEqual({ search: null, page: 1 });
    expect(parseNpiListQuery({ page: "2.5", q: "  " })).toEqual({ search: null, page: 1 });
    expect(parseNpiListQuery({ page: ["3", "4"], q: "1700 000-01" })).toEqual({ search: "170000001", page: 3 });
  });

  it("searches by the first digits of an NPI or by any part of a name, any case", async () => {
    const byDigits = await page(casey, { search: "17000001" });
    expect(byDigits).toMatchObject({ total: 10, pageCount: 1 });
    expect(byDigits!.npis.every((npi) => npi.npi.startsWith("17000001"))).toBe(true);

    const expected = hospital.filter((row) => row.name.toLowerCase().includes("avery")).map((row) => row.npi).sort();
    const byName = await page(casey, { search: "aVeRy" });
    expect(byName!.total).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(50);
    expect(byName!.npis.map((npi) => npi.npi)).toEqual(expected.slice(0, 50));
    const secondPage = await page(casey, { search: "avery", page: 2 });
    expect(secondPage!.npis.map((npi) => npi.npi)).toEqual(expected.slice(50, 100));

    expect(await page(casey, { search: "%" })).toMatchObject({ total: 0, page: 1, pageCount: 1, npis: [] });
    expect(await page(casey, { search: "_" })).toMatchObject({ total: 0 });
    expect(await page(casey, { search: "2" })).toMatchObject({ total: 0 });
  });

  it("covers only the chosen NPIs of a chosen-NPI grant", async () => {
    const person = await confirmedAccount({ firstName: "Sam", lastName: "Ortega" });
    const chosen = [inNpiOrder[4999]!, inNpiOrder[7]!, inNpiOrder[100]!];
    await insertGrant(db, { userId: person.userId, taxId: SUMMIT, method: "delegate", status: "active", npis: chosen, now: new Date() });
    const list = await page(person.userId);
    expect(list).toMatchObject({ allNpis: false, total: 3, pageCount: 1 });
    expect(list!.npis.map((npi) => npi.npi)).toEqual([...chosen].sort());
    expect((await page(person.userId, { search: inNpiOrder[7]! }))!.npis.map((npi) => npi.npi)).toEqual([inNpiOrder[7]]);
    expect(await page(person.userId, { search: inNpiOrder[8]! })).toMatchObject({ total: 0 });
  });

  it("is null without a live grant for that Tax ID: someone else's, an ended one, a malformed Tax ID", async () => {
    const pat = await demoDelegate();
    expect(await page(pat.id)).toBeNull();
    expect(await grantNpiList(pat.id, SUMMIT, { search: null, page: 1 })).toBeNull();
    expect(await grantNpiList(casey, "41-6543210", { search: null, page: 1 })).toBeNull();
    expect(await grantNpiList(casey, "' or 1=1 --", { search: null, page: 1 })).toBeNull();

    const person = await confirmedAccount({ firstName: "Tove", lastName: "Lind" });
    const grant = await insertGrant(db, { userId: person.userId, taxId: SUMMIT, method: "delegate", status: "active", now: new Date() });
    expect(await page(person.userId)).toMatchObject({ total: 5000 });
    await endGrant(db, grant!.id, { status: "revoked", now: new Date(), reason: "test" });
    expect(await page(person.userId)).toBeNull();
    const [ended] = await listAccessForUser(db, person.userId);
    expect(ended).toMatchObject({ status: "revoked", npiCount: 5000 });
  });
});
