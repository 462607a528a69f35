import { describe, expect, it } from "vitest";
import AccessRequestAnswered from "@/emails/access-request-answered";
import ProviderApproval from "@/emails/provider-approval";
import { renderEmail } from "@/lib/email/templates";

describe("billing emails", () => {
  it("renders the approval request with who asks, for what, until when, and Approve / Deny buttons that open the portal", async () => {
    const props = ProviderApproval.PreviewProps;
    const email = await renderEmail({ template: "provider-approval", to: "pat.morgan@northside.example", props });
    expect(email.subject).toBe("Accurate Billing Services asks for access to Northside Pediatrics | HealthPartners Provider Portal");
    expect(email.html).toContain(`href="${props.approveUrl.replaceAll("&", "&amp;")}"`);
    expect(email.html).toContain(`href="${props.denyUrl.replaceAll("&", "&amp;")}"`);
    for (const text of ["Jamie Cruz (jamie.cruz@accuratebilling.example)", "Accurate Billing Services", "(Tax ID 41-9876543)", "Northside Pediatrics (Tax ID 41-2345678)", "All NPIs", "December 27, 2026"]) {
      expect(email.text).toContain(text);
    }
    expect(email.text).toContain("Nothing changes until you do");
  });

  it("says a reminder is one, with the days left", async () => {
    const email = await renderEmail({ template: "provider-approval", to: "pat.morgan@northside.example", props: { ...ProviderApproval.PreviewProps, reminderDaysLeft: 3 } });
    expect(email.subject).toMatch(/^Reminder: 3 days left to answer: /);
    expect(email.text).toMatch(/still waiting for your answer/i);
  });

  it("tells the billing user each answer", async () => {
    const subjects = await Promise.all(
      (["approved", "denied", "revoked"] as const).map(async (outcome) => {
        const email = await renderEmail({ template: "access-request-answered", to: "jamie@accuratebilling.example", props: { ...AccessRequestAnswered.PreviewProps, outcome } });
        return email.subject;
      }),
    );
    expect(subjects).toEqual([
      "Northside Pediatrics approved your access request | HealthPartners Provider Portal",
      "Northside Pediatrics denied your access request | HealthPartners Provider Portal",
      "Northside Pediatrics removed your organization's access | HealthPartners Provider Portal",
    ]);
  });
});
