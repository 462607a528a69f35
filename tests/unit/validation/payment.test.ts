import { describe, expect, it } from "vitest";
import { CheckNumberSchema, NoticeNumberSchema, VendorNumberSchema } from "@/lib/validation";
import { messagesFor } from "./issues";

describe("CheckNumberSchema", () => {
  it.each([
    ["7001001", "7001001"],
    ["#7001001", "7001001"],
    [" 7001 001 ", "7001001"],
    ["7001-001", "7001001"],
    ["1234", "1234"],
    ["123456789012", "123456789012"],
  ])("accepts %j as %s", (input, expected) => {
    expect(CheckNumberSchema.parse(input)).toBe(expected);
  });

  it.each(["123", "1234567890123", "70O1001", "##7001001", "7001001a"])("refuses %j", (input) => {
    expect(messagesFor(CheckNumberSchema, input)).toEqual(["Enter the check number as printed on the check: 4 to 12 digits."]);
  });

  it("asks for a value when empty", () => {
    expect(messagesFor(CheckNumberSchema, "")).toEqual(["Enter the check number."]);
  });
});

describe("VendorNumberSchema", () => {
  it.each([
    ["100234", "100234"],
    [" 100 234 ", "100234"],
    ["100-234", "100234"],
  ])("accepts %j as %s", (input, expected) => {
    expect(VendorNumberSchema.parse(input)).toBe(expected);
  });

  it.each(["123", "1002341002341", "V100234", "#100234"])("refuses %j", (input) => {
    expect(messagesFor(VendorNumberSchema, input)).toEqual(["Enter the vendor number as printed on the check: 4 to 12 digits."]);
  });

  it("asks for a value when empty", () => {
    expect(messagesFor(VendorNumberSchema, " ")).toEqual(["Enter the vendor number."]);
  });
});

describe("NoticeNumberSchema", () => {
  it.each([
    ["NP4400123", "NP4400123"],
    ["np4400123", "NP4400123"],
    [" NP 4400 123 ", "NP4400123"],
    ["np-4400-123", "NP4400123"],
    ["4400123", "4400123"],
  ])("accepts %j as %s (verification says when the NP is missing)", (input, expected) => {
    expect(NoticeNumberSchema.parse(input)).toBe(expected);
  });

  it.each(["NX4400123", "NP123", "123", "NP4400123A", "N#P4400123"])("refuses %j", (input) => {
    expect(messagesFor(NoticeNumberSchema, input)).toEqual(['Enter the notice number with its "NP" in front, like NP4400123.']);
  });

  it("asks for a value when empty", () => {
    expect(messagesFor(NoticeNumberSchema, "")).toEqual(["Enter the number on the non-payment notice."]);
  });
});
