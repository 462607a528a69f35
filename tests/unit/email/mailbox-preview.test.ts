import { describe, expect, it } from "vitest";
import { MAILBOX_FRAME_SANDBOX, mailboxPreviewHtml } from "@/lib/email/mailbox-preview";
import { renderEmail } from "@/lib/email/templates";

const verifyUrl = "http://portal.test/verify-email?token=abcDEF123_-xyz";

describe("the dev mailbox's email frame", () => {
  it("gives the email no scripts, no origin of its own and no pop-ups: only a click may navigate the tab", () => {
    const tokens = MAILBOX_FRAME_SANDBOX.split(/\s+/);
    expect(tokens).toEqual(["allow-top-navigation-by-user-activation"]);
    for (const refused of ["allow-scripts", "allow-same-origin", "allow-popups", "allow-top-navigation", "allow-forms"]) expect(tokens).not.toContain(refused);
  });

  it("opens the confirmation email's links in the same tab", async () => {
    const email = await renderEmail({ template: "verify-email", to: "jordan@lakeside.example", props: { payerName: "HealthPartners", firstName: "Jordan", verifyUrl, expiresInHours: 24 } });
    // React Email's Button and Link open a new window, which the sandbox blocks: why the button did nothing.
    expect(email.html).toContain('target="_blank"');
    const preview = mailboxPreviewHtml(email.html);
    // The only target left is the base's.
    expect(preview.match(/\starget=/gi)).toHaveLength(1);
    expect(preview.match(/<a\b[^>]*>/gi)?.every((tag) => !/\starget=/i.test(tag))).toBe(true);
    expect(preview).toMatch(/<head[^>]*><base target="_top">/);
    expect(preview.match(/<base\b/gi)).toHaveLength(1);
    // Every link is still there, with its address.
    expect(preview.match(new RegExp(`href="${verifyUrl.replace(/[.?]/g, "\\$&")}"`, "g"))?.length).toBe(email.html.match(/href="http:\/\/portal\.test\/verify-email/g)?.length);
    expect(preview).toContain("Confirm my email address");
  });

  it("handles any quoting of the target, drops a base of the email's own, and works without a head", () => {
    expect(mailboxPreviewHtml(`<p><a href="/a" target='_blank'>A</a> <a target=_new href="/b">B</a> <abbr target="x">C</abbr></p>`)).toBe(
      `<base target="_top"><p><a href="/a">A</a> <a href="/b">B</a> <abbr target="x">C</abbr></p>`,
    );
    expect(mailboxPreviewHtml(`<html><head lang="en"><base href="https://elsewhere.example/"></head><body></body></html>`)).toBe(
      `<html><head lang="en"><base target="_top"></head><body></body></html>`,
    );
  });
});
