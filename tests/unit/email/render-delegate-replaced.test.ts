import { describe, expect, it } from "vitest";
import DelegateReplaced from "@/emails/delegate-replaced";
import { renderEmail } from "@/lib/email/templates";

describe("renderEmail: delegate-replaced", () => {
  it("says who registered, for which Tax ID and why, with the dispute link in HTML and text", async () => {
    const disputeUrl = "http://portal.test/cases/dispute?token=abcDEF123_-xyz";
    const email = await renderEmail({ template: "delegate-replaced", to: "pat.morgan@northside.example", props: { ...DelegateReplaced.PreviewProps, disputeUrl } });
    expect(email.subject).toBe("Someone registered for Northside Pediatrics saying you can't assist | HealthPartners Provider Portal");
    expect(email.html).toContain(`href="${disputeUrl}"`);
    expect(email.text).toContain(
      "Chris Park registered for Tax ID 41-2345678 (Northside Pediatrics) and said you are unable to assist: they have left the organization. If this is wrong, tell us.",
    );
    expect(email.text).toContain(disputeUrl);
    expect(email.text).toMatch(/expires in 30 days/);
  });

  it("escapes the names people typed", async () => {
    const email = await renderEmail({
      template: "delegate-replaced",
      to: "pat.morgan@northside.example",
      props: { ...DelegateReplaced.PreviewProps, registrantName: "<b>Chris</b> Park" },
    });
    expect(email.html).not.toContain("<b>Chris</b>");
    expect(email.html).toContain("&lt;b&gt;Chris&lt;/b&gt;");
  });
});
