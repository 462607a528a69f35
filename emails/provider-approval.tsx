import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface ProviderApprovalProps {
  payerName: string;
  /** The contact at the provider's office, as the billing user named them. */
  contactName: string;
  requesterName: string;
  requesterEmail: string;
  billingOrganizationName: string;
  /** As people see it, e.g. "41-9876543". */
  billingTaxId: string;
  providerName: string;
  providerTaxId: string;
  /** "All NPIs" or each NPI with its name. */
  npis: string[];
  /** "December 27, 2026". */
  expiresOn: string;
  /** The request in the portal, with the chosen answer preselected; opening it changes nothing. */
  approveUrl: string;
  denyUrl: string;
  /** Set for the reminders sent 7 and 3 days before the request expires. */
  reminderDaysLeft?: number;
}

export function providerApprovalSubject({ payerName, billingOrganizationName, providerName, reminderDaysLeft }: Pick<ProviderApprovalProps, "payerName" | "billingOrganizationName" | "providerName" | "reminderDaysLeft">): string {
  const prefix = reminderDaysLeft ? `Reminder: ${reminderDaysLeft} days left to answer: ` : "";
  return `${prefix}${billingOrganizationName} asks for access to ${providerName} | ${payerName} Provider Portal`;
}

/**
 * Asks a delegate at the provider's office to approve or deny a billing organization's access.
 * Both buttons open the request in the portal: the answer is given there, signed in, so a mail
 * scanner following the links approves nothing.
 */
export default function ProviderApproval(props: ProviderApprovalProps) {
  const { payerName, contactName, requesterName, requesterEmail, billingOrganizationName, billingTaxId, providerName, providerTaxId, npis, expiresOn, approveUrl, denyUrl, reminderDaysLeft } = props;
  return (
    <EmailLayout payerName={payerName} preview={`${billingOrganizationName} asks for access to ${providerName} (${providerTaxId}). Answer by ${expiresOn}.`}>
      <Heading as="h1" style={emailStyles.heading}>
        {reminderDaysLeft ? "A billing organization is still waiting for your answer" : "A billing organization asks for access to your Tax ID"}
      </Heading>
      <Text style={emailStyles.text}>Hello {contactName},</Text>
      <Text style={emailStyles.text}>
        {requesterName} ({requesterEmail}) of <strong>{billingOrganizationName}</strong> (Tax ID {billingTaxId}) asks to use the {payerName} Provider
        Portal for your organization and named you as the contact who approves it. They will see:
      </Text>
      <Section style={{ margin: "0 0 16px" }}>
        <Text style={{ ...emailStyles.text, margin: "0 0 8px" }}>
          <strong>
            {providerName} (Tax ID {providerTaxId})
          </strong>
          : {npis.join(", ")}
        </Text>
      </Section>
      <Text style={emailStyles.text}>
        Please answer by <strong>{expiresOn}</strong>
        {reminderDaysLeft ? ` (${reminderDaysLeft} days from now)` : ""}. After that the request expires and they have to ask again.
      </Text>
      <Section style={{ margin: "0 0 8px" }}>
        <Button href={approveUrl} style={{ ...emailStyles.button, marginRight: "12px" }}>
          Approve
        </Button>
        <Button href={denyUrl} style={{ ...emailStyles.button, backgroundColor: "#9b1c1c" }}>
          Deny
        </Button>
      </Section>
      <Text style={{ ...emailStyles.muted, marginTop: "16px" }}>
        Each button opens the request in the portal, where you sign in and confirm your answer. Nothing changes until you do. Or copy this link into your
        browser:{" "}
        <Link href={approveUrl} style={emailStyles.link}>
          {approveUrl}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>
        Only your organization&apos;s portal delegates can answer. You can also find this request, and every billing organization with access to your
        Tax IDs, under Tax ID &amp; NPI access. If you don&apos;t work with {billingOrganizationName}, deny the request.
      </Text>
    </EmailLayout>
  );
}

ProviderApproval.PreviewProps = {
  payerName: "HealthPartners",
  contactName: "Pat Morgan",
  requesterName: "Jamie Cruz",
  requesterEmail: "jamie.cruz@accuratebilling.example",
  billingOrganizationName: "Accurate Billing Services",
  billingTaxId: "41-9876543",
  providerName: "Northside Pediatrics",
  providerTaxId: "41-2345678",
  npis: ["All NPIs"],
  expiresOn: "December 27, 2026",
  approveUrl: "http://localhost:3000/access/requests/00000000-0000-4000-8000-000000000000?answer=approve&token=preview",
  denyUrl: "http://localhost:3000/access/requests/00000000-0000-4000-8000-000000000000?answer=deny&token=preview",
} satisfies ProviderApprovalProps;
