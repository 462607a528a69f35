import { describe, expect, it } from "vitest";
import { formatTaxId, TaxIdSchema } from "@/lib/validation";
import { messagesFor } from "./issues";

const INVALID_PREFIXES = ["00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97"];
const PREFIX_MESSAGE = "That isn't a valid Tax ID: check the first two digits.";
const SHAPE_MESSAGE = "Enter the Tax ID as 9 digits, like 41-1234567.";

describe("TaxIdSchema", () => {
  it.each([
    ["41-1234567", "411234567"],
    ["411234567", "411234567"],
    ["  41-1234567 ", "411234567"],
    ["41 1234567", "411234567"],
    ["01-0000001", "010000001"],
    ["99-9999999", "999999999"],
  ])("accepts %j as %s", (input, digits) => {
    expect(TaxIdSchema.parse(input)).toBe(digits);
  });

  it.each(INVALID_PREFIXES)("refuses the never-assigned EIN prefix %s", (prefix) => {
    expect(messagesFor(TaxIdSchema, `${prefix}-1234567`)).toEqual([PREFIX_MESSAGE]);
    expect(messagesFor(TaxIdSchema, `${prefix}1234567`)).toEqual([PREFIX_MESSAGE]);
  });

  it("accepts the prefixes next to the refused ones", () => {
    for (const prefix of ["01", "06", "10", "16", "20", "27", "30", "48", "50", "68", "71", "77", "80", "88", "90", "95", "98"]) {
      expect(TaxIdSchema.safeParse(`${prefix}-1234567`).success, prefix).toBe(true);
    }
  });

  it.each(["4112345678", "41-123456", "4-11234567", "411-234567", "41--1234567", "41-12345a7", "AB-CDEFGHI", "41_1234567"])(
    "refuses the malformed %j",
    (input) => {
      expect(messagesFor(TaxIdSchema, input)).toEqual([SHAPE_MESSAGE]);
    },
  );

  // An empty value also gets the format message after this one (zod runs later checks too).
  it("asks for a value first when empty or blank", () => {
    expect(messagesFor(TaxIdSchema, "")[0]).toBe("Enter your organization's Tax ID.");
    expect(messagesFor(TaxIdSchema, "   ")[0]).toBe("Enter your organization's Tax ID.");
    expect(messagesFor(TaxIdSchema, undefined)).toEqual(["Enter your organization's Tax ID."]);
  });
});

describe("formatTaxId", () => {
  it("writes 9 digits as NN-NNNNNNN and leaves anything else alone", () => {
    expect(formatTaxId("411234567")).toBe("41-1234567");
    expect(formatTaxId("4112")).toBe("4112");
  });
});
