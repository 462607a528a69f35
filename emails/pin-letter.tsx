import { Body, Container, Head, Heading, Hr, Html, Link, Section, Text } from "@react-email/components";

export interface PinLetterProps {
  payerName: string;
  payerPhone: string;
  signInUrl: string;
  /** Already formatted for people, e.g. "May 4, 2026". */
  letterDate: string;
  expiresOn: string;
  /** The practice's name and address of record. */
  address: { name: string; addressLine1: string; addressLine2: string | null; city: string; state: string; postalCode: string };
  registrantName: string;
  taxId: string;
  /** Grouped for reading, e.g. "ABCD-EFGH". */
  pin: string;
}

const ink = "#1f2933";
const muted = "#52606d";
const brand = "#0b5394";
const text = { fontSize: "15px", lineHeight: "23px", color: ink, margin: "0 0 14px" };
const small = { fontSize: "13px", lineHeight: "19px", color: muted, margin: "0" };

/**
 * A letter printed on paper and mailed to the practice's address of record (not an email):
 * letterhead, date, the window-envelope address block, then the PIN. Letter-sized: 8.5in wide.
 */
export default function PinLetter({ payerName, payerPhone, signInUrl, letterDate, expiresOn, address, registrantName, taxId, pin }: PinLetterProps) {
  return (
    <Html lang="en">
      <Head>
        <title>{`${payerName} Provider Portal: your registration PIN`}</title>
      </Head>
      <Body style={{ backgroundColor: "#ffffff", fontFamily: "Georgia, 'Times New Roman', serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: "680px", padding: "40px 56px", border: "1px solid #d9e2ec" }}>
          <Section style={{ borderBottom: `3px solid ${brand}`, paddingBottom: "12px", marginBottom: "28px" }}>
            <Text style={{ fontFamily: "Helvetica, Arial, sans-serif", fontSize: "24px", fontWeight: 700, color: brand, margin: 0 }}>{payerName}</Text>
            <Text style={{ ...small, fontFamily: "Helvetica, Arial, sans-serif" }}>
              Provider Services · {payerPhone}
            </Text>
          </Section>

          <Text style={text}>{letterDate}</Text>

          <Section style={{ margin: "8px 0 32px" }}>
            <Text style={{ ...text, margin: 0 }}>{`Attn: ${registrantName}`}</Text>
            <Text style={{ ...text, margin: 0 }}>{address.name}</Text>
            <Text style={{ ...text, margin: 0 }}>{address.addressLine1}</Text>
            {address.addressLine2 ? <Text style={{ ...text, margin: 0 }}>{address.addressLine2}</Text> : null}
            <Text style={{ ...text, margin: 0 }}>
              {`${address.city}, ${address.state} ${address.postalCode}`}
            </Text>
          </Section>

          <Heading as="h1" style={{ fontSize: "20px", lineHeight: "28px", color: ink, margin: "0 0 16px" }}>
            Your PIN to finish registering for the {payerName} Provider Portal
          </Heading>
          <Text style={text}>Dear {registrantName},</Text>
          <Text style={text}>
            You asked to register for the {payerName} Provider Portal for {address.name} (Tax ID {taxId}). To prove that you work at
            this practice, we mailed this PIN to the address we have on file for it.
          </Text>

          <Section style={{ border: `2px solid ${ink}`, borderRadius: "6px", padding: "16px", margin: "8px 0 20px", textAlign: "center" as const }}>
            <Text style={{ ...small, textTransform: "uppercase" as const, letterSpacing: "1px" }}>Your PIN</Text>
            <Text style={{ fontFamily: "'Courier New', Courier, monospace", fontSize: "40px", lineHeight: "52px", fontWeight: 700, letterSpacing: "6px", color: ink, margin: "4px 0 0" }}>
              {pin}
            </Text>
          </Section>

          <Text style={text}>
            <strong>To use it:</strong> sign in at{" "}
            <Link href={signInUrl} style={{ color: brand }}>
              {signInUrl}
            </Link>{" "}
            with the email address and password you registered with, and enter the PIN. Capital or small letters and the dash
            don&apos;t matter.
          </Text>
          <Text style={text}>
            <strong>The PIN works once, until {expiresOn}.</strong> After 5 wrong entries it stops working; you can then ask for a new
            letter when you sign in.
          </Text>
          <Hr style={{ borderColor: "#d9e2ec", margin: "24px 0" }} />
          <Text style={text}>
            <strong>If you did not ask for this</strong>, someone may be trying to register in your practice&apos;s name. Please call us at{" "}
            <strong>{payerPhone}</strong> and don&apos;t share the PIN.
          </Text>
          <Text style={small}>{payerName} Provider Services</Text>
        </Container>
      </Body>
    </Html>
  );
}

PinLetter.PreviewProps = {
  payerName: "HealthPartners",
  payerPhone: "1-800-555-0199",
  signInUrl: "http://localhost:3000/signin",
  letterDate: "May 4, 2026",
  expiresOn: "Jun 3, 2026",
  address: { name: "Birchwood Clinic", addressLine1: "500 Birch Ln", addressLine2: null, city: "Bloomington", state: "MN", postalCode: "55420" },
  registrantName: "Morgan Lee",
  taxId: "41-5678901",
  pin: "ABCD-EFGH",
} satisfies PinLetterProps;
