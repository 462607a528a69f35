import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/email/templates";

const verifyUrl = "http://portal.test/verify-email?token=abcDEF123_-xyz";

describe("renderEmail", () => {
  it("renders verify-email as HTML and text, both with the link", async () => {
    const email = await renderEmail({
      template: "verify-email",
      to: "jordan.lee@lakeside.example",
      props: { payerName: "HealthPartners", firstName: "Jordan", verifyUrl, expiresInHours: 24 },
    });
    expect(email.template).toBe("verify-email");
    expect(email.to).toBe("jordan.lee@lakeside.example");
    expect(email.subject).toBe("Confirm your email to finish registering with the HealthPartners Provider Portal");
    expect(email.html).toMatch(/^<!DOCTYPE html/i);
    expect(email.html).toContain(`href="${verifyUrl}"`);
    expect(email.html).toContain("Confirm your email address");
    expect(email.html).toContain("Jordan");
    expect(email.html).toMatch(/expires in (<!-- -->)?24(<!-- -->)? hours/);
    expect(email.text).toContain(verifyUrl);
    expect(email.text).not.toContain("<");
    expect(email.text).toMatch(/Hello Jordan/);
  });

  it("renders account-exists with the sign-in link and no confirmation link", async () => {
    const email = await renderEmail({
      template: "account-exists",
      to: "pat.morgan@northside.example",
      props: { payerName: "Acme Health", firstName: "Pat", signInUrl: "http://portal.test/signin" },
    });
    expect(email.subject).toBe("Someone tried to register your email with the Acme Health Provider Portal");
    expect(email.html).toContain('href="http://portal.test/signin"');
    expect(email.html).toContain("You already have an account");
    expect(email.html).not.toContain("verify-email");
    expect(email.text).toContain("http://portal.test/signin");
    expect(email.text).toContain("no new account was created");
  });

  it("escapes what the person typed", async () => {
    const email = await renderEmail({
      template: "verify-email",
      to: "x@example.org",
      props: { payerName: "HealthPartners", firstName: "<b>Jo</b>", verifyUrl, expiresInHours: 24 },
    });
    expect(email.html).not.toContain("<b>Jo</b>");
    expect(email.html).toContain("&lt;b&gt;Jo&lt;/b&gt;");
  });
});
