import { describe, expect, it } from "vitest";
import CaseReply from "@/emails/case-reply";
import { renderEmail } from "@/lib/email/templates";

describe("renderEmail: case-reply", () => {
  it("gives the case number, the representative's message line by line and how to answer", async () => {
    const email = await renderEmail({ template: "case-reply", to: "jamie@maplegrove.example", props: CaseReply.PreviewProps });
    expect(email.subject).toBe("About your case C-1042 | HealthPartners Provider Portal");
    expect(email.text).toContain("Riley R., a representative of the HealthPartners Provider Portal team, wrote to you:");
    expect(email.text).toContain("We found Maple Grove Family Medicine in our provider files and added it.");
    expect(email.text).toContain("You can register now.");
    expect(email.text).toMatch(/use Contact us in the Help Center and give your case number, C-1042/);
    expect(email.html).toContain('href="https://portal.example/help"');
  });

  it("escapes what the representative typed", async () => {
    const email = await renderEmail({ template: "case-reply", to: "jamie@maplegrove.example", props: { ...CaseReply.PreviewProps, message: "<a href=x>click</a>" } });
    expect(email.html).not.toContain("<a href=x>");
    expect(email.html).toContain("&lt;a href=x&gt;click&lt;/a&gt;");
  });
});
