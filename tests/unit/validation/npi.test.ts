import { describe, expect, it } from "vitest";
import { demoNpis } from "@/db/seed/demo-records";
import { hasValidNpiCheckDigit, NpiSchema } from "@/lib/validation";
import { messagesFor } from "./issues";

const CHECK_DIGIT_MESSAGE = "That NPI isn't valid: check each digit (the last one is a check digit).";

describe("hasValidNpiCheckDigit (Luhn over 80840 + the first nine digits)", () => {
  it("accepts the CMS example 1234567893 and refuses 1234567890", () => {
    expect(hasValidNpiCheckDigit("1234567893")).toBe(true);
    expect(hasValidNpiCheckDigit("1234567890")).toBe(false);
  });

  it.each(demoNpis.map((record) => record.npi))("accepts the demo NPI %s", (npi) => {
    expect(hasValidNpiCheckDigit(npi)).toBe(true);
  });

  it("catches every single-digit typo in a valid NPI", () => {
    const valid = "1234567893";
    for (let position = 0; position < 10; position += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        if (String(digit) === valid[position]) continue;
        const typo = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
        expect(hasValidNpiCheckDigit(typo), typo).toBe(false);
      }
    }
  });

  it("refuses anything but 10 digits", () => {
    expect(hasValidNpiCheckDigit("123456789")).toBe(false);
    expect(hasValidNpiCheckDigit("12345678930")).toBe(false);
    expect(hasValidNpiCheckDigit("12345678a3")).toBe(false);
  });
});

describe("NpiSchema", () => {
  it("accepts a valid NPI, with spaces or dashes removed", () => {
    expect(NpiSchema.parse("1234567893")).toBe("1234567893");
    expect(NpiSchema.parse(" 1234-567-893 ")).toBe("1234567893");
    expect(NpiSchema.parse("1600 123 453")).toBe("1600123453");
  });

  it("names the problem: length first, then the check digit", () => {
    expect(messagesFor(NpiSchema, "")).toEqual(["Enter the NPI."]);
    expect(messagesFor(NpiSchema, "123456789")).toEqual(["An NPI is 10 digits."]);
    expect(messagesFor(NpiSchema, "12345678ab")).toEqual(["An NPI is 10 digits."]);
    expect(messagesFor(NpiSchema, "1234567890")).toEqual([CHECK_DIGIT_MESSAGE]);
  });
});
