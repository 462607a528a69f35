import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface DelegateReplacedProps {
  payerName: string;
  /** The delegate this email goes to. */
  firstName: string;
  /** The person who registered in their place, as they gave it: "Chris Park". */
  registrantName: string;
  /** As people read it: "41-2345678". */
  taxId: string;
  organizationName: string;
  /** The reason they chose, as it reads mid-sentence: "they have left the organization". */
  reason: string;
  disputeUrl: string;
  expiresInDays: number;
}

export function delegateReplacedSubject({ payerName, organizationName }: Pick<DelegateReplacedProps, "payerName" | "organizationName">): string {
  return `Someone registered for ${organizationName} saying you can't assist | ${payerName} Provider Portal`;
}

/**
 * To each delegate of a Tax ID when someone registered saying they can't assist: what was said,
 * and a single-use link to tell us it is wrong (a representative reviews either way).
 */
export default function DelegateReplaced({ payerName, firstName, registrantName, taxId, organizationName, reason, disputeUrl, expiresInDays }: DelegateReplacedProps) {
  return (
    <EmailLayout payerName={payerName} preview={`${registrantName} registered for ${organizationName} and said you are unable to assist.`}>
      <Heading as="h1" style={emailStyles.heading}>
        Someone registered in your place
      </Heading>
      <Text style={emailStyles.text}>Hello {firstName},</Text>
      <Text style={emailStyles.text}>
        {registrantName} registered for Tax ID {taxId} ({organizationName}) and said you are unable to assist: {reason}. If this is wrong, tell us.
      </Text>
      <Text style={emailStyles.text}>
        {registrantName} is now a delegate too, and a representative will review the registration. You keep your own access.
      </Text>
      <Button href={disputeUrl} style={emailStyles.button}>
        Tell us this is wrong
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: "24px" }}>
        Or copy this link into your browser:{" "}
        <Link href={disputeUrl} style={emailStyles.link}>
          {disputeUrl}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>
        The link works once and expires in {expiresInDays} days. Opening it changes nothing until you press the button on the page. If it is
        right that you can no longer assist, you don&apos;t need to do anything.
      </Text>
    </EmailLayout>
  );
}

DelegateReplaced.PreviewProps = {
  payerName: "HealthPartners",
  firstName: "Pat",
  registrantName: "Chris Park",
  taxId: "41-2345678",
  organizationName: "Northside Pediatrics",
  reason: "they have left the organization",
  disputeUrl: "http://localhost:3000/cases/dispute?token=preview-token",
  expiresInDays: 30,
} satisfies DelegateReplacedProps;
