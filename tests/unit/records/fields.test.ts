import { describe, expect, it } from "vitest";
import { amountCents, digits, isoDate, noticeNumber, npi, npiType, optionalText, postalCode, requiredText, RowRejection, stateCode, taxId } from "@/lib/records/import/fields";
import { readHeader, RECORDS_FILES, rowReader } from "@/lib/records/import/files";

function reason(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof RowRejection) return error.message;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("the records files' field readers", () => {
  it("reads Tax IDs with or without the dash and refuses prefixes the IRS never assigns", () => {
    expect(taxId("tax_id", " 41-1234567 ")).toBe("411234567");
    expect(taxId("tax_id", "411234567")).toBe("411234567");
    expect(reason(() => taxId("tax_id", ""))).toBe("tax_id: missing");
    expect(reason(() => taxId("tax_id", "41-123456"))).toMatch(/^tax_id: "41-123456" is not 9 digits/);
    expect(reason(() => taxId("tax_id", "4112-34567"))).toMatch(/is not 9 digits/);
    for (const prefix of ["00", "07", "89", "97"]) expect(reason(() => taxId("tax_id", `${prefix}-1234567`))).toMatch(/a prefix the IRS never assigns/);
  });

  it("checks an NPI's length and check digit", () => {
    expect(npi("npi", "1234567893")).toBe("1234567893");
    expect(reason(() => npi("npi", "1234567890"))).toBe('npi: "1234567890" has a wrong check digit');
    expect(reason(() => npi("npi", "123456789"))).toBe('npi: "123456789" is not 10 digits');
    expect(reason(() => npi("npi", "12345-67893"))).toMatch(/not 10 digits/);
  });

  it("reads an NPI type in any case", () => {
    expect(npiType("type", "Organization")).toBe("organization");
    expect(npiType("type", "individual")).toBe("individual");
    expect(reason(() => npiType("type", "group"))).toBe('type: "group" is neither individual nor organization');
    expect(reason(() => npiType("type", " "))).toBe("type: missing");
  });

  it("turns dollars into cents and refuses zero, negatives, extra decimals and separators", () => {
    expect(amountCents("amount", "1234.56")).toBe(123456);
    expect(amountCents("amount", "75")).toBe(7500);
    expect(amountCents("amount", "0.5")).toBe(50);
    expect(amountCents("amount", "21474836.47")).toBe(2_147_483_647);
    expect(reason(() => amountCents("amount", "0.00"))).toBe("amount: must be more than zero");
    for (const bad of ["-5", "1.234", "1,000.00", "$10", "1e3", "abc"]) expect(reason(() => amountCents("amount", bad))).toMatch(/is not an amount in dollars/);
    expect(reason(() => amountCents("amount", "21474836.48"))).toMatch(/is more than/);
  });

  it("accepts real dates written YYYY-MM-DD only", () => {
    expect(isoDate("issued_on", "2024-02-29")).toBe("2024-02-29");
    expect(reason(() => isoDate("issued_on", "2023-02-29"))).toBe('issued_on: "2023-02-29" is not a real date');
    expect(reason(() => isoDate("issued_on", "2025-13-01"))).toMatch(/not a real date/);
    expect(reason(() => isoDate("issued_on", "1899-12-31"))).toMatch(/not a real date/);
    for (const bad of ["2025-1-05", "01/05/2025", "2025-01-05T00:00"]) expect(reason(() => isoDate("issued_on", bad))).toMatch(/not a date written YYYY-MM-DD/);
  });

  it("reads state codes, ZIP codes, check, vendor and notice numbers", () => {
    expect(stateCode("state", "mn")).toBe("MN");
    expect(reason(() => stateCode("state", "Minnesota"))).toMatch(/not a 2-letter state code/);
    expect(reason(() => stateCode("state", "ZZ"))).toMatch(/not a US state or territory code/);
    expect(postalCode("postal_code", "554011234")).toBe("55401-1234");
    expect(postalCode("postal_code", "55401-1234")).toBe("55401-1234");
    expect(reason(() => postalCode("postal_code", "5540"))).toMatch(/not a ZIP code/);
    expect(digits("check_number", "7001001")).toBe("7001001");
    expect(reason(() => digits("check_number", "123"))).toMatch(/not 4 to 12 digits/);
    expect(reason(() => digits("vendor_number", "1234567890123"))).toMatch(/not 4 to 12 digits/);
    expect(noticeNumber("notice_number", "np4400123")).toBe("NP4400123");
    expect(reason(() => noticeNumber("notice_number", "4400123"))).toMatch(/lacks its NP prefix/);
    expect(reason(() => noticeNumber("notice_number", "NX4400123"))).toMatch(/is not NP and 4 to 12 digits/);
  });

  it("bounds text and refuses control characters", () => {
    expect(requiredText("city", "  Duluth ", 60)).toBe("Duluth");
    expect(reason(() => requiredText("city", "", 60))).toBe("city: missing");
    expect(reason(() => requiredText("city", "x".repeat(61), 60))).toBe("city: longer than 60 characters");
    expect(reason(() => requiredText("legal_name", "two\nlines", 200))).toMatch(/control character/);
    expect(optionalText("address_line2", "  ", 100)).toBeNull();
    expect(optionalText("address_line2", undefined, 100)).toBeNull();
  });
});

describe("a file's header and rows", () => {
  const checks = RECORDS_FILES.find((file) => file.file === "checks.csv")!;
  const taxIds = RECORDS_FILES.find((file) => file.file === "tax-ids.csv")!;

  it("loads the files so that what a row refers to comes first", () => {
    expect(RECORDS_FILES.map((file) => file.file)).toEqual(["tax-ids.csv", "npis.csv", "npi-tax-ids.csv", "checks.csv", "notices.csv"]);
  });

  it("maps columns by name in any order and counts the columns of each row", () => {
    const header = readHeader(checks, ["issued_on", "amount", "NPI", "tax_id", "vendor_number", "check_number"]);
    if (!header.ok) throw new Error(header.error);
    const read = rowReader(checks, header);
    expect(read(["2025-01-02", "10.5", "1234567893", "41-1234567", "100234", "7001001"])).toEqual({ ok: true, values: ["7001001", "100234", "411234567", "1234567893", 1050, "2025-01-02"] });
    expect(read(["2025-01-02", "10.5"])).toEqual({ ok: false, reason: "expected 6 columns, found 2" });
    expect(read(["2025-01-02", "10.5", "1234567890", "41-1234567", "100234", "7001001"])).toEqual({ ok: false, reason: 'npi: "1234567890" has a wrong check digit' });
  });

  it("lets the optional address_line2 column be left out, and refuses unknown, repeated or missing columns", () => {
    const header = readHeader(taxIds, ["tax_id", "legal_name", "address_line1", "city", "state", "postal_code"]);
    if (!header.ok) throw new Error(header.error);
    expect(rowReader(taxIds, header)(["41-1234567", "Lakeside", "100 Lake St", "Minneapolis", "MN", "55401"])).toEqual({ ok: true, values: ["411234567", "Lakeside", "100 Lake St", null, "Minneapolis", "MN", "55401"] });
    expect(readHeader(checks, ["check_number", "vendor", "tax_id", "npi", "amount", "issued_on"])).toMatchObject({ ok: false, error: expect.stringMatching(/unknown column\(s\) "vendor"/) });
    expect(readHeader(checks, ["check_number", "check_number", "vendor_number", "tax_id", "npi", "amount", "issued_on"])).toMatchObject({ ok: false, error: expect.stringMatching(/named twice: check_number/) });
    expect(readHeader(checks, ["check_number", "tax_id", "npi", "amount", "issued_on"])).toMatchObject({ ok: false, error: expect.stringMatching(/missing column\(s\) vendor_number/) });
  });
});
