import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface VerifyEmailProps {
  payerName: string;
  firstName: string;
  verifyUrl: string;
  expiresInHours: number;
}

export function verifyEmailSubject({ payerName }: Pick<VerifyEmailProps, "payerName">): string {
  return `Confirm your email to finish registering with the ${payerName} Provider Portal`;
}

export default function VerifyEmail({ payerName, firstName, verifyUrl, expiresInHours }: VerifyEmailProps) {
  return (
    <EmailLayout payerName={payerName} preview="Confirm your email address to start using the provider portal.">
      <Heading as="h1" style={emailStyles.heading}>
        Confirm your email address
      </Heading>
      <Text style={emailStyles.text}>Hello {firstName},</Text>
      <Text style={emailStyles.text}>
        Thank you for registering with the {payerName} Provider Portal. Confirm that this is your email address and you can sign
        in right away.
      </Text>
      <Button href={verifyUrl} style={emailStyles.button}>
        Confirm my email address
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: "24px" }}>
        Or copy this link into your browser:{" "}
        <Link href={verifyUrl} style={emailStyles.link}>
          {verifyUrl}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>
        The link works once and expires in {expiresInHours} hours. If it has expired, sign in with your email and password and we
        will send you a new one.
      </Text>
      <Text style={emailStyles.muted}>If you did not register, you can ignore this email: the account can’t be used until this address is confirmed.</Text>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  payerName: "HealthPartners",
  firstName: "Jordan",
  verifyUrl: "http://localhost:3000/verify-email?token=preview-token",
  expiresInHours: 24,
} satisfies VerifyEmailProps;
