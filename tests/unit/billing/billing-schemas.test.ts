import { describe, expect, it } from "vitest";
import { RequestAccessSchema, RequestedNpisSchema } from "@/lib/billing/request-access-schema";
import { BillingRegistrationSchema } from "@/lib/billing/billing-registration-schema";
import { accurateBillingInput } from "@/tests/factories/billing-registration";

describe("the NPIs of an access request", () => {
  it("reads a list separated by commas, spaces or lines, and nothing as the whole Tax ID", () => {
    expect(RequestedNpisSchema.parse("")).toBeNull();
    expect(RequestedNpisSchema.parse(undefined)).toBeNull();
    expect(RequestedNpisSchema.parse("1450239870, 1234567893\n1450239870")).toEqual(["1234567893", "1450239870"]);
  });

  it("names each NPI that is not valid", () => {
    const result = RequestedNpisSchema.safeParse("1450239870 1234567890 12345");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("1234567890, 12345 aren't valid NPIs: an NPI is 10 digits. Check each digit, or leave this empty.");
  });
});

describe("an access request", () => {
  it("reports every field's error at once", () => {
    const result = RequestAccessSchema.safeParse({ providerTaxId: "41-12", npis: "", contactName: " ", contactEmail: "pat" });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["providerTaxId", "contactName", "contactEmail"]);
  });

  it("lowercases the contact's email", () => {
    expect(RequestAccessSchema.parse({ providerTaxId: "41-2345678", contactName: "Pat Morgan", contactEmail: "Pat.Morgan@Northside.Example" }).contactEmail).toBe("pat.morgan@northside.example");
  });
});

describe("billing registration", () => {
  it("validates the billing Tax ID as a Tax ID and needs the organization's name and address", () => {
    const result = BillingRegistrationSchema.safeParse(accurateBillingInput({ taxId: "00-1234567", organizationName: "", addressLine1: "", state: "ZZ" }));
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["taxId", "organizationName", "addressLine1", "state"]));
  });

  it("gives the organization's details apart from the person's", () => {
    const parsed = BillingRegistrationSchema.parse(accurateBillingInput({ taxId: "419876543", postalCode: "554351234" }));
    expect(parsed.taxId).toBe("419876543");
    expect(parsed.organization).toEqual({ name: "Accurate Billing Services", address: { addressLine1: "900 Ledger Way", addressLine2: "Suite 4", city: "Edina", state: "MN", postalCode: "55435-1234" } });
  });
});
