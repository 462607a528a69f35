import { describe, expect, it } from "vitest";
import { maskEmail } from "@/lib/delegates/mask-email";
import { maskedName } from "@/lib/registration/departed-delegate";

describe("what a stranger sees of a delegate", () => {
  it("masks an email as its first letter, a fixed mask and the domain", () => {
    expect(maskEmail("pat.morgan@northside.example")).toBe("p•••@northside.example");
    expect(maskEmail("Pat.Morgan@Northside.Example")).toBe("p•••@northside.example");
    expect(maskEmail(" a@b.example ")).toBe("a•••@b.example");
  });

  it("hides how long the name is and keeps nothing after the first letter", () => {
    expect(maskEmail("x@clinic.example")).toBe(maskEmail("xavier.longname.with.dots@clinic.example"));
    expect(maskEmail("jordan.lee+front-desk@lakeside.example")).not.toMatch(/ordan|lee|front/);
  });

  it("masks the first character whole, even outside the basic plane", () => {
    expect(maskEmail("😀smile@example.org")).toBe("😀•••@example.org");
  });

  it("shows nothing but the mask for something that is not an address", () => {
    expect(maskEmail("no-at-sign")).toBe("•••");
    expect(maskEmail("@example.org")).toBe("•••");
    expect(maskEmail("someone@")).toBe("•••");
  });

  it("masks a name as its initials", () => {
    expect(maskedName({ firstName: "Pat", lastName: "Morgan" })).toBe("P. M.");
  });
});
