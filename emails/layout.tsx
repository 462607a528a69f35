import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export interface EmailLayoutProps {
  payerName: string;
  preview: string;
  children: ReactNode;
}

const colors = { ink: "#1f2933", muted: "#52606d", brand: "#0b5394", line: "#d9e2ec", page: "#f5f7fa" };

export const emailStyles = {
  heading: { fontSize: "22px", lineHeight: "30px", color: colors.ink, margin: "0 0 16px" },
  text: { fontSize: "16px", lineHeight: "24px", color: colors.ink, margin: "0 0 16px" },
  muted: { fontSize: "14px", lineHeight: "22px", color: colors.muted, margin: "0 0 12px" },
  button: {
    backgroundColor: colors.brand,
    borderRadius: "6px",
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
    display: "inline-block",
  },
  link: { color: colors.brand, wordBreak: "break-all" as const },
};

/** The frame every portal email shares: the payer's name, the message, and a footer. */
export function EmailLayout({ payerName, preview, children }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", border: `1px solid ${colors.line}`, borderRadius: "8px", maxWidth: "560px", padding: "32px" }}>
          <Text style={{ ...emailStyles.muted, color: colors.brand, fontWeight: 700, fontSize: "16px" }}>{payerName} Provider Portal</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: colors.line, margin: "24px 0" }} />
          <Text style={emailStyles.muted}>
            This message was sent by the {payerName} Provider Portal. Please don&apos;t reply to it: replies aren&apos;t read.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
