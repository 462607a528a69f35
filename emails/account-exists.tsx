import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface AccountExistsProps {
  payerName: string;
  firstName: string;
  signInUrl: string;
}

export function accountExistsSubject({ payerName }: Pick<AccountExistsProps, "payerName">): string {
  return `Someone tried to register your email with the ${payerName} Provider Portal`;
}

/**
 * Sent instead of a second account when someone registers with an email that already has
 * one: the registration page looks the same either way, so it reveals nothing.
 */
export default function AccountExists({ payerName, firstName, signInUrl }: AccountExistsProps) {
  return (
    <EmailLayout payerName={payerName} preview="You already have a provider portal account.">
      <Heading as="h1" style={emailStyles.heading}>
        You already have an account
      </Heading>
      <Text style={emailStyles.text}>Hello {firstName},</Text>
      <Text style={emailStyles.text}>
        Someone just tried to register a new {payerName} Provider Portal account with this email address. Each email address
        can have one account, so no new account was created.
      </Text>
      <Text style={emailStyles.text}>If it was you, sign in with your existing account:</Text>
      <Button href={signInUrl} style={emailStyles.button}>
        Sign in
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: "24px" }}>
        If it wasn&apos;t you, you don&apos;t need to do anything: your account has not changed.
      </Text>
    </EmailLayout>
  );
}

AccountExists.PreviewProps = {
  payerName: "HealthPartners",
  firstName: "Pat",
  signInUrl: "http://localhost:3000/signin",
} satisfies AccountExistsProps;
