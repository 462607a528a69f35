import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface EmailChangeProps {
  payerName: string;
  firstName: string;
  newEmail: string;
  confirmUrl: string;
  expiresInHours: number;
}

export function emailChangeSubject({ payerName }: Pick<EmailChangeProps, "payerName">): string {
  return `Confirm your new email address for the ${payerName} Provider Portal`;
}

/** Sent to the new address of an email change: the change happens only when this link is used. */
export default function EmailChange({ payerName, firstName, newEmail, confirmUrl, expiresInHours }: EmailChangeProps) {
  return (
    <EmailLayout payerName={payerName} preview="Confirm this address to sign in with it from now on.">
      <Heading as="h1" style={emailStyles.heading}>
        Confirm your new email address
      </Heading>
      <Text style={emailStyles.text}>Hello {firstName},</Text>
      <Text style={emailStyles.text}>
        You asked to sign in to the {payerName} Provider Portal with {newEmail} from now on. Confirm it to finish the change:
      </Text>
      <Button href={confirmUrl} style={emailStyles.button}>
        Confirm my new email address
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: "24px" }}>
        Or copy this link into your browser:{" "}
        <Link href={confirmUrl} style={emailStyles.link}>
          {confirmUrl}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>The link works once, within {expiresInHours} hours. Until then you keep signing in with your current address.</Text>
      <Text style={emailStyles.muted}>If you didn&apos;t ask for this, ignore this email: nothing changes.</Text>
    </EmailLayout>
  );
}

EmailChange.PreviewProps = {
  payerName: "HealthPartners",
  firstName: "Pat",
  newEmail: "pat.morgan@new.example",
  confirmUrl: "http://localhost:3000/confirm-email-change?token=preview-token",
  expiresInHours: 24,
} satisfies EmailChangeProps;
