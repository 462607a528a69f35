import { describe, expect, it } from "vitest";
import { CheckRegistrationSchema } from "@/lib/registration/check-registration-schema";
import { lakesideByVendorInput, northsideByVendorInput, riverbendByNpiInput } from "@/tests/factories/check-registration";

function fieldErrors(input: unknown): Record<string, string[]> {
  const result = CheckRegistrationSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
  return errors;
}

describe("CheckRegistrationSchema", () => {
  it("with proof 'vendor' keeps the vendor number and ignores the NPI field", () => {
    const input = lakesideByVendorInput({ email: "Jordan.Lee@Lakeside.Example", npi: "not an npi", submissionId: "5b0b4a3e-8a52-4d6e-9a3c-0b7c6a1f2e11" });
    expect(CheckRegistrationSchema.parse(input)).toEqual({
      taxId: "411234567",
      checkNumber: "7001001",
      proof: { kind: "vendor", vendorNumber: "100234" },
      firstName: "Jordan",
      lastName: "Lee",
      email: "jordan.lee@lakeside.example",
      phone: "6125550101",
      password: "lakeside clinic front desk",
      submissionId: "5b0b4a3e-8a52-4d6e-9a3c-0b7c6a1f2e11",
      answers: { departed: null, confirmedOwnName: false },
    });
  });

  it("carries the follow-up answers, and needs a note when the reason is 'other'", () => {
    const answered = CheckRegistrationSchema.parse(northsideByVendorInput({ departedReason: "left_organization", departedNote: " ", confirmOwnName: "yes" }));
    expect(answered.answers).toEqual({ departed: { reason: "left_organization", note: null }, confirmedOwnName: true });
    const other = CheckRegistrationSchema.safeParse(northsideByVendorInput({ departedReason: "other", departedNote: "" }));
    expect(other.success).toBe(false);
    expect(other.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["departedNote", "Tell us in a few words why the delegate can't help you."]]);
    expect(CheckRegistrationSchema.safeParse(northsideByVendorInput({ departedReason: "bored" })).success).toBe(false);
  });

  it("with proof 'npi' keeps the NPI and ignores the vendor number field", () => {
    const parsed = CheckRegistrationSchema.parse(riverbendByNpiInput({ vendorNumber: "garbage", npi: "1600-123-453", checkNumber: "#7001003" }));
    expect(parsed.proof).toEqual({ kind: "npi", npi: "1600123453" });
    expect(parsed.taxId).toBe("413456789");
    expect(parsed.checkNumber).toBe("7001003");
    expect(parsed).not.toHaveProperty("vendorNumber");
    expect(parsed).not.toHaveProperty("npi");
  });

  it("puts a missing or bad vendor number on vendorNumber only", () => {
    expect(fieldErrors(lakesideByVendorInput({ vendorNumber: "" }))).toEqual({ vendorNumber: ["Enter the vendor number."] });
    expect(fieldErrors(lakesideByVendorInput({ vendorNumber: "12a" }))).toEqual({
      vendorNumber: ["Enter the vendor number as printed on the check: 4 to 12 digits."],
    });
  });

  it("puts a missing or bad NPI on npi only", () => {
    expect(fieldErrors(riverbendByNpiInput({ npi: "1234567890" }))).toEqual({
      npi: ["That NPI isn't valid: check each digit (the last one is a check digit)."],
    });
    expect(fieldErrors(riverbendByNpiInput({ npi: "" }))).toEqual({ npi: ["Enter the NPI."] });
  });

  it("treats an absent vendorNumber/npi field as empty", () => {
    const { vendorNumber: _vendor, npi: _npi, ...withoutProofFields } = lakesideByVendorInput();
    expect(fieldErrors(withoutProofFields)).toEqual({ vendorNumber: ["Enter the vendor number."] });
  });

  it("refuses an unknown proof choice on the proof field", () => {
    expect(fieldErrors(lakesideByVendorInput({ proof: "pin" }))).toEqual({
      proof: ["Choose whether you will enter the vendor number or an NPI."],
    });
  });

  it("reports each invalid field under its own name", () => {
    const errors = fieldErrors(
      lakesideByVendorInput({ taxId: "07-1234567", checkNumber: "12", email: "nope", phone: "555", password: "qwerty123456", firstName: "J0rdan", submissionId: "x" }),
    );
    expect(errors).toEqual({
      taxId: ["That isn't a valid Tax ID: check the first two digits."],
      checkNumber: ["Enter the check number as printed on the check: 4 to 12 digits."],
      email: ["Enter an email address like name@example.com."],
      phone: ["Enter a 10-digit US phone number, like 612-555-0100."],
      password: [expect.stringMatching(/^That password is too easy to guess\. This is a commonly used password\. Use a longer passphrase of unrelated words/)],
      firstName: ["Your first name can contain letters, spaces, hyphens, apostrophes and periods."],
      submissionId: ["This form has expired. Reload the page and try again."],
    });
  });

  it("reports a missing vendor number together with the other fields' errors", () => {
    expect(fieldErrors(lakesideByVendorInput({ vendorNumber: "", password: "short", lastName: "" }))).toEqual({
      vendorNumber: ["Enter the vendor number."],
      password: ["Use at least 12 characters. A short phrase of a few words is easy to remember."],
      lastName: ["Enter your last name."],
    });
  });

  it("gives an empty field one message, not one per rule", () => {
    expect(fieldErrors(lakesideByVendorInput({ firstName: "", password: "", taxId: "" }))).toEqual({
      firstName: ["Enter your first name."],
      password: ["Choose a password."],
      taxId: ["Enter your organization's Tax ID."],
    });
  });
});
