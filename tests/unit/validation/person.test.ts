import { describe, expect, it } from "vitest";
import { EmailSchema, FirstNameSchema, formatPhone, LastNameSchema, NAME_MAX, PhoneSchema } from "@/lib/validation";
import { messagesFor } from "./issues";

describe("EmailSchema", () => {
  it("trims and lowercases", () => {
    expect(EmailSchema.parse("  Pat.Morgan@Northside.EXAMPLE ")).toBe("pat.morgan@northside.example");
    expect(EmailSchema.parse("jordan+billing@lakeside.example")).toBe("jordan+billing@lakeside.example");
  });

  it.each(["pat", "pat@", "@northside.example", "pat morgan@northside.example", "pat@northside", "pat@@northside.example"])(
    "refuses %j",
    (input) => {
      expect(messagesFor(EmailSchema, input)).toEqual(["Enter an email address like name@example.com."]);
    },
  );

  it("asks for a value when empty and limits the length to 254", () => {
    expect(messagesFor(EmailSchema, " ")).toEqual(["Enter your work email address."]);
    const long = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(60)}.example`;
    expect(long.length).toBeGreaterThan(254);
    expect(messagesFor(EmailSchema, long)).toContain("An email address can be at most 254 characters.");
  });
});

describe("FirstNameSchema and LastNameSchema", () => {
  it.each(["Ann", "Mary-Jane", "O'Brien", "José", "Zoë", "St. John", "Nguyễn", "de la Cruz"])("accept %j", (name) => {
    expect(FirstNameSchema.parse(name)).toBe(name);
    expect(LastNameSchema.parse(name)).toBe(name);
  });

  it("trims", () => {
    expect(FirstNameSchema.parse("  Ann  ")).toBe("Ann");
  });

  it.each(["123", "-Ann", "'Ann", "Ann<script>", "Ann2", "Ann_Lee", "Ann@Lee"])("refuse %j with a message naming the field", (name) => {
    expect(messagesFor(FirstNameSchema, name)).toEqual(["Your first name can contain letters, spaces, hyphens, apostrophes and periods."]);
    expect(messagesFor(LastNameSchema, name)).toEqual(["Your last name can contain letters, spaces, hyphens, apostrophes and periods."]);
  });

  it("ask for a value and cap the length", () => {
    expect(messagesFor(FirstNameSchema, "  ")[0]).toBe("Enter your first name.");
    expect(messagesFor(LastNameSchema, "")[0]).toBe("Enter your last name.");
    expect(FirstNameSchema.safeParse("A".repeat(NAME_MAX)).success).toBe(true);
    expect(messagesFor(FirstNameSchema, "A".repeat(NAME_MAX + 1))).toEqual([`Your first name can be at most ${NAME_MAX} characters.`]);
  });
});

describe("PhoneSchema", () => {
  it.each([
    ["612-555-0100", "6125550100"],
    ["(612) 555-0100", "6125550100"],
    ["612.555.0100", "6125550100"],
    ["6125550100", "6125550100"],
    ["+1 612 555 0100", "6125550100"],
    ["1-612-555-0100", "6125550100"],
  ])("normalises %j to %s", (input, digits) => {
    expect(PhoneSchema.parse(input)).toBe(digits);
  });

  it.each(["555-0100", "012-555-0100", "112-555-0100", "612-055-0100", "612-155-0100", "612-555-01000", "2-612-555-0100", "phone"])(
    "refuses %j",
    (input) => {
      expect(messagesFor(PhoneSchema, input)).toEqual(["Enter a 10-digit US phone number, like 612-555-0100."]);
    },
  );

  it("asks for a value when empty", () => {
    expect(messagesFor(PhoneSchema, "")).toEqual(["Enter your work phone number."]);
  });
});

describe("formatPhone", () => {
  it("formats 10 digits and leaves anything else alone", () => {
    expect(formatPhone("6125550100")).toBe("(612) 555-0100");
    expect(formatPhone("555")).toBe("555");
  });
});
