import { describe, expect, it } from "vitest";
import { PracticePhoneSchema, StateSchema, ZipSchema } from "@/lib/validation/address";

describe("address validators", () => {
  it.each([
    ["55401", "55401"],
    [" 55401-1234 ", "55401-1234"],
    ["554011234", "55401-1234"],
  ])("accepts the ZIP %j as %j", (input, output) => {
    expect(ZipSchema.parse(input)).toBe(output);
  });

  it.each(["", "5540", "55401-12", "ABCDE", "55401 1234"])("refuses the ZIP %j", (input) => {
    expect(ZipSchema.safeParse(input).success).toBe(false);
  });

  it("accepts state codes in any case and refuses the rest", () => {
    expect(StateSchema.parse(" mn ")).toBe("MN");
    expect(StateSchema.safeParse("ZZ").success).toBe(false);
    expect(StateSchema.safeParse("").error?.issues[0]?.message).toBe("Choose the state.");
  });

  it("reads the practice phone as 10 digits with its own wording", () => {
    expect(PracticePhoneSchema.parse("1 (763) 555-0100")).toBe("7635550100");
    expect(PracticePhoneSchema.safeParse("").error?.issues[0]?.message).toBe("Enter the practice's phone number.");
    expect(PracticePhoneSchema.safeParse("555-0100").success).toBe(false);
  });
});
