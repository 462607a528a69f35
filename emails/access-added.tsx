import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface AccessAddedProps {
  payerName: string;
  /** The delegate this copy goes to. */
  firstName: string;
  /** Who added the Tax ID, as they gave their name. */
  personName: string;
  personEmail: string;
  /** As people see it, e.g. "41-3456790". */
  taxId: string;
  organizationName: string;
  /** "a check" or "a non-payment notice". */
  proof: string;
  accessUrl: string;
}

export function accessAddedSubject({ payerName, personName, taxId }: Pick<AccessAddedProps, "payerName" | "personName" | "taxId">): string {
  return `${personName} added Tax ID ${taxId} to their account | ${payerName} Provider Portal`;
}

/**
 * Tells a Tax ID's delegates that someone proved the practice and got access as a user, so a
 * stranger with an old check does not go unnoticed: the delegate knows their co-workers.
 */
export default function AccessAdded({ payerName, firstName, personName, personEmail, taxId, organizationName, proof, accessUrl }: AccessAddedProps) {
  return (
    <EmailLayout payerName={payerName} preview={`${personName} now has access to ${organizationName} (${taxId}).`}>
      <Heading as="h1" style={emailStyles.heading}>
        Someone added your Tax ID to their account
      </Heading>
      <Text style={emailStyles.text}>Hello {firstName},</Text>
      <Text style={emailStyles.text}>
        {personName} ({personEmail}) added Tax ID <strong>{taxId}</strong> ({organizationName}) to their account using {proof}. They can now
        use the portal for this Tax ID as a user. You are still its delegate.
      </Text>
      <Text style={emailStyles.text}>
        If you don&apos;t know them, or they should not have access, tell us: sign in and review your organization&apos;s access, or contact a
        representative through the portal.
      </Text>
      <Button href={accessUrl} style={emailStyles.button}>
        Review Tax ID &amp; NPI access
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: "24px" }}>If you know them and expected this, you don&apos;t need to do anything.</Text>
    </EmailLayout>
  );
}

AccessAdded.PreviewProps = {
  payerName: "HealthPartners",
  firstName: "Pat",
  personName: "Jordan Lee",
  personEmail: "jordan.lee@northside.example",
  taxId: "41-2345678",
  organizationName: "Northside Pediatrics",
  proof: "a check",
  accessUrl: "http://localhost:3000/access",
} satisfies AccessAddedProps;
