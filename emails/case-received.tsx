import { Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface CaseReceivedProps {
  payerName: string;
  name: string;
  /** As people see it, e.g. "C-1042". */
  caseNumber: string;
  /** What the case is about, in a few words: "Your provider is not listed". */
  topic: string;
  summary: string;
}

export function caseReceivedSubject({ payerName, caseNumber }: Pick<CaseReceivedProps, "payerName" | "caseNumber">): string {
  return `We received your request (case ${caseNumber}) | ${payerName} Provider Portal`;
}

/** The acknowledgement of a case opened from a form: its number and what happens next. */
export default function CaseReceived({ payerName, name, caseNumber, topic, summary }: CaseReceivedProps) {
  return (
    <EmailLayout payerName={payerName} preview={`Your case number is ${caseNumber}. A representative will contact you.`}>
      <Heading as="h1" style={emailStyles.heading}>
        We received your request
      </Heading>
      <Text style={emailStyles.text}>Hello {name},</Text>
      <Text style={emailStyles.text}>
        Thank you for contacting the {payerName} Provider Portal team about: <strong>{topic}</strong>.
      </Text>
      <Text style={emailStyles.text}>{summary}</Text>
      <Text style={{ ...emailStyles.text, fontSize: "18px" }}>
        Your case number is <strong>{caseNumber}</strong>.
      </Text>
      <Text style={emailStyles.text}>A representative will contact you, usually within two business days. Please have your case number ready.</Text>
      <Text style={emailStyles.muted}>If you did not contact us, you can ignore this email.</Text>
    </EmailLayout>
  );
}

CaseReceived.PreviewProps = {
  payerName: "HealthPartners",
  name: "Jordan Lee",
  caseNumber: "C-1042",
  topic: "Your provider is not listed",
  summary: "You asked us to add Maple Grove Family Medicine (Tax ID 41-7654321) to our records so that you can register.",
} satisfies CaseReceivedProps;
