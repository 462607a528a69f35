import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface PasswordResetProps {
  payerName: string;
  firstName: string;
  resetUrl: string;
  expiresInMinutes: number;
}

export function passwordResetSubject({ payerName }: Pick<PasswordResetProps, "payerName">): string {
  return `Reset your ${payerName} Provider Portal password`;
}

/** Sent only to an existing, confirmed account's address, in answer to "Forgot your password?". */
export default function PasswordReset({ payerName, firstName, resetUrl, expiresInMinutes }: PasswordResetProps) {
  return (
    <EmailLayout payerName={payerName} preview="Choose a new password for the provider portal.">
      <Heading as="h1" style={emailStyles.heading}>
        Choose a new password
      </Heading>
      <Text style={emailStyles.text}>Hello {firstName},</Text>
      <Text style={emailStyles.text}>Someone asked to reset the password of your {payerName} Provider Portal account. If it was you, choose a new one:</Text>
      <Button href={resetUrl} style={emailStyles.button}>
        Choose a new password
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: "24px" }}>
        Or copy this link into your browser:{" "}
        <Link href={resetUrl} style={emailStyles.link}>
          {resetUrl}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>
        The link works once, within {expiresInMinutes} minutes. Setting a new password signs you out everywhere.
      </Text>
      <Text style={emailStyles.muted}>If it wasn&apos;t you, ignore this email: your password stays as it is.</Text>
    </EmailLayout>
  );
}

PasswordReset.PreviewProps = {
  payerName: "HealthPartners",
  firstName: "Pat",
  resetUrl: "http://localhost:3000/reset-password?token=preview-token",
  expiresInMinutes: 60,
} satisfies PasswordResetProps;
