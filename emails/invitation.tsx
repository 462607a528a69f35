import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface InvitationEmailAccess {
  /** "Northside Pediatrics (Tax ID 41-2345678)" */
  organization: string;
  /** "All NPIs" or "NPI 1450239870 (Northside Pediatrics)" */
  npis: string[];
}

export interface InvitationProps {
  payerName: string;
  firstName: string;
  inviterName: string;
  role: "delegate" | "user";
  access: InvitationEmailAccess[];
  acceptUrl: string;
  expiresInDays: number;
}

export function invitationSubject({ payerName, inviterName }: Pick<InvitationProps, "payerName" | "inviterName">): string {
  return `${inviterName} invited you to the ${payerName} Provider Portal`;
}

/** The link is the only way in: it proves the address, so the person only chooses a password. */
export default function Invitation({ payerName, firstName, inviterName, role, access, acceptUrl, expiresInDays }: InvitationProps) {
  return (
    <EmailLayout payerName={payerName} preview={`${inviterName} gave you access to the provider portal. Set your password to start.`}>
      <Heading as="h1" style={emailStyles.heading}>
        You&apos;re invited to the provider portal
      </Heading>
      <Text style={emailStyles.text}>Hello {firstName},</Text>
      <Text style={emailStyles.text}>
        {inviterName} invited you to use the {payerName} Provider Portal{role === "delegate" ? " as a delegate, who manages the portal accounts of co-workers" : ""}.
        You will be able to see:
      </Text>
      <Section style={{ margin: "0 0 16px" }}>
        {access.map((item) => (
          <Text key={item.organization} style={{ ...emailStyles.text, margin: "0 0 8px" }}>
            <strong>{item.organization}</strong>: {item.npis.join(", ")}
          </Text>
        ))}
      </Section>
      <Button href={acceptUrl} style={emailStyles.button}>
        Accept the invitation
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: "24px" }}>
        Or copy this link into your browser:{" "}
        <Link href={acceptUrl} style={emailStyles.link}>
          {acceptUrl}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>
        The link works once and expires in {expiresInDays} days. If it has expired, ask {inviterName} to send a new invitation.
      </Text>
      <Text style={emailStyles.muted}>If you don&apos;t work with {inviterName}, you can ignore this email: nothing happens unless the link is used.</Text>
    </EmailLayout>
  );
}

Invitation.PreviewProps = {
  payerName: "HealthPartners",
  firstName: "Casey",
  inviterName: "Pat Morgan",
  role: "user",
  access: [{ organization: "Northside Pediatrics (Tax ID 41-2345678)", npis: ["NPI 1450239870 (Northside Pediatrics)"] }],
  acceptUrl: "http://localhost:3000/invitation?token=preview-token",
  expiresInDays: 7,
} satisfies InvitationProps;
