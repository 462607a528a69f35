import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface AccessRequestAnsweredProps {
  payerName: string;
  firstName: string;
  /** approved and denied answer the person's request; revoked means the provider took access back later. */
  outcome: "approved" | "denied" | "revoked";
  providerName: string;
  providerTaxId: string;
  /** "All NPIs" or each NPI with its name. */
  npis: string[];
  /** Who at the provider's office answered, e.g. "Pat Morgan". */
  answeredBy: string;
  accessUrl: string;
}

const headings: Record<AccessRequestAnsweredProps["outcome"], string> = {
  approved: "Your access request was approved",
  denied: "Your access request was denied",
  revoked: "A provider removed your organization's access",
};

export function accessRequestAnsweredSubject({ payerName, outcome, providerName }: Pick<AccessRequestAnsweredProps, "payerName" | "outcome" | "providerName">): string {
  const what = { approved: "approved your access request", denied: "denied your access request", revoked: "removed your organization's access" }[outcome];
  return `${providerName} ${what} | ${payerName} Provider Portal`;
}

/** Tells the billing user what the provider's office answered (or that it took access back). */
export default function AccessRequestAnswered({ payerName, firstName, outcome, providerName, providerTaxId, npis, answeredBy, accessUrl }: AccessRequestAnsweredProps) {
  return (
    <EmailLayout payerName={payerName} preview={`${headings[outcome]}: ${providerName} (${providerTaxId}).`}>
      <Heading as="h1" style={emailStyles.heading}>
        {headings[outcome]}
      </Heading>
      <Text style={emailStyles.text}>Hello {firstName},</Text>
      {outcome === "approved" ? (
        <Text style={emailStyles.text}>
          {answeredBy} at {providerName} approved your request. You can now use the portal for <strong>Tax ID {providerTaxId}</strong> ({npis.join(", ")}). Your
          organization&apos;s delegate can give your co-workers access to it too.
        </Text>
      ) : outcome === "denied" ? (
        <Text style={emailStyles.text}>
          {answeredBy} at {providerName} denied your request for Tax ID {providerTaxId}. If you think this is a mistake, contact the provider&apos;s office; you
          can send a new request from Tax ID &amp; NPI access.
        </Text>
      ) : (
        <Text style={emailStyles.text}>
          {answeredBy} at {providerName} removed your billing organization&apos;s access to Tax ID {providerTaxId}. Nobody in your organization can use the portal
          for it any more. If you think this is a mistake, contact the provider&apos;s office.
        </Text>
      )}
      <Button href={accessUrl} style={emailStyles.button}>
        Open Tax ID &amp; NPI access
      </Button>
    </EmailLayout>
  );
}

AccessRequestAnswered.PreviewProps = {
  payerName: "HealthPartners",
  firstName: "Jamie",
  outcome: "approved",
  providerName: "Northside Pediatrics",
  providerTaxId: "41-2345678",
  npis: ["All NPIs"],
  answeredBy: "Pat Morgan",
  accessUrl: "http://localhost:3000/access",
} satisfies AccessRequestAnsweredProps;
