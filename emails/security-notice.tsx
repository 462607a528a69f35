import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface SecurityNoticeProps {
  payerName: string;
  firstName: string;
  /** What changed, as one short sentence: "A recovery code was used to sign in to your account." */
  change: string;
  /** When it happened, already formatted for the reader ("Nov 27, 2026, 3:14 PM CT"). */
  when: string;
  /** The device and address it came from, when known ("Chrome on Windows, 203.0.113.7"). */
  from: string | null;
  /** Where the person can review their account (sign-in page or account settings). */
  accountUrl: string;
  /** A subject of its own for a notice people should tell apart in their inbox (a new-device sign-in). */
  subject?: string;
}

export function securityNoticeSubject({ payerName, subject }: Pick<SecurityNoticeProps, "payerName" | "subject">): string {
  return subject ?? `Security notice for your ${payerName} Provider Portal account`;
}

/**
 * Sent to the owner when something about how they sign in changes (a second factor added or
 * removed, a recovery code used, a password changed or reset, a sign-in from a new device), so
 * a change they did not make does not go unnoticed. Never contains a link that changes anything.
 */
export default function SecurityNotice({ payerName, firstName, change, when, from, accountUrl }: SecurityNoticeProps) {
  return (
    <EmailLayout payerName={payerName} preview={change}>
      <Heading as="h1" style={emailStyles.heading}>
        Security notice
      </Heading>
      <Text style={emailStyles.text}>Hello {firstName},</Text>
      <Text style={emailStyles.text}>{change}</Text>
      <Text style={emailStyles.muted}>When: {when}</Text>
      {from ? <Text style={emailStyles.muted}>From: {from}</Text> : null}
      <Text style={emailStyles.text}>If this was you, you don&apos;t need to do anything.</Text>
      <Text style={emailStyles.text}>
        If it wasn&apos;t you, sign in and change your password right away, then call the {payerName} provider service
        center. If you can&apos;t sign in, use &ldquo;Forgot your password?&rdquo; on the sign-in page.
      </Text>
      <Button href={accountUrl} style={emailStyles.button}>
        Review your account
      </Button>
    </EmailLayout>
  );
}

SecurityNotice.PreviewProps = {
  payerName: "HealthPartners",
  firstName: "Pat",
  change: "An authenticator app was added to your account.",
  when: "Nov 27, 2026, 9:14 AM CST",
  from: "Chrome on Windows, 203.0.113.7",
  accountUrl: "http://localhost:3000/account/security",
} satisfies SecurityNoticeProps;
