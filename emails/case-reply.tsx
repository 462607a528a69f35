import { Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface CaseReplyProps {
  payerName: string;
  /** The person who opened the case, as they gave their name. */
  name: string;
  /** As people see it, e.g. "C-1042". */
  caseNumber: string;
  /** The representative's first name and last initial: "Riley R." */
  representativeName: string;
  /** What the representative wrote, as typed (line breaks kept). */
  message: string;
  /** Where to write back: the Help Center's Contact us page. */
  contactUrl: string;
}

export function caseReplySubject({ payerName, caseNumber }: Pick<CaseReplyProps, "payerName" | "caseNumber">): string {
  return `About your case ${caseNumber} | ${payerName} Provider Portal`;
}

/** A representative's answer about a case: the number, the message, and how to answer it. */
export default function CaseReply({ payerName, name, caseNumber, representativeName, message, contactUrl }: CaseReplyProps) {
  return (
    <EmailLayout payerName={payerName} preview={`A representative answered about case ${caseNumber}.`}>
      <Heading as="h1" style={emailStyles.heading}>
        About your case {caseNumber}
      </Heading>
      <Text style={emailStyles.text}>Hello {name},</Text>
      <Text style={emailStyles.text}>{representativeName}, a representative of the {payerName} Provider Portal team, wrote to you:</Text>
      <Section style={{ borderLeft: "4px solid #d9e2ec", paddingLeft: "16px", margin: "0 0 16px" }}>
        {message.split(/\r?\n/).map((line, index) => (
          <Text key={index} style={{ ...emailStyles.text, margin: "0 0 8px" }}>
            {line || "\u00a0"}
          </Text>
        ))}
      </Section>
      <Text style={emailStyles.text}>
        <strong>How to answer:</strong> use Contact us in the Help Center and give your case number, <strong>{caseNumber}</strong>, in your message:{" "}
        <Link href={contactUrl} style={emailStyles.link}>
          {contactUrl}
        </Link>
        . This address does not receive replies.
      </Text>
      <Text style={emailStyles.muted}>We will never ask for your password or a PIN by email or phone.</Text>
    </EmailLayout>
  );
}

CaseReply.PreviewProps = {
  payerName: "HealthPartners",
  name: "Jamie Fox",
  caseNumber: "C-1042",
  representativeName: "Riley R.",
  message: "We found Maple Grove Family Medicine in our provider files and added it.\nYou can register now.",
  contactUrl: "https://portal.example/help",
} satisfies CaseReplyProps;
