import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/email/templates";

describe("account emails", () => {
  it("renders password-reset with its link, how long it works, and what to do if it wasn't you", async () => {
    const resetUrl = "http://portal.test/reset-password?token=abcDEF123_-xyz";
    const email = await renderEmail({ template: "password-reset", to: "pat@northside.example", props: { payerName: "HealthPartners", firstName: "Pat", resetUrl, expiresInMinutes: 60 } });
    expect(email.subject).toBe("Reset your HealthPartners Provider Portal password");
    expect(email.html).toContain(`href="${resetUrl}"`);
    expect(email.text).toContain(resetUrl);
    expect(email.text).toMatch(/works once, within 60 minutes/);
    expect(email.text).toContain("If it wasn't you, ignore this email");
  });

  it("renders email-change with the new address and its confirmation link", async () => {
    const confirmUrl = "http://portal.test/confirm-email-change?token=abcDEF123_-xyz";
    const email = await renderEmail({
      template: "email-change",
      to: "pat@new.example",
      props: { payerName: "HealthPartners", firstName: "Pat", newEmail: "pat@new.example", confirmUrl, expiresInHours: 24 },
    });
    expect(email.subject).toBe("Confirm your new email address for the HealthPartners Provider Portal");
    expect(email.html).toContain(`href="${confirmUrl}"`);
    expect(email.text).toContain("pat@new.example");
    expect(email.text).toMatch(/within 24 hours/);
  });
});
