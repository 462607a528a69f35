import "server-only";
import { render } from "@react-email/render";
import { createElement } from "react";
import type { LetterAddress } from "@/db/schema";
import PinLetter from "@/emails/pin-letter";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { formatPin, formatTaxId } from "@/lib/validation";

export interface LetterToRender {
  taxId: string;
  address: LetterAddress;
  letterDate: Date;
  expiresAt: Date;
  registrant: { firstName: string; lastName: string };
}

/** The letter as HTML and plain text, rendered like the emails (the same React Email renderer). */
export async function renderPinLetter(letter: LetterToRender, pin: string): Promise<{ html: string; text: string }> {
  const config = env();
  const node = createElement(PinLetter, {
    payerName: config.PAYER_NAME,
    payerPhone: config.PAYER_PHONE,
    signInUrl: `${config.APP_URL}/signin`,
    letterDate: formatDate(letter.letterDate),
    expiresOn: formatDate(letter.expiresAt),
    address: letter.address,
    registrantName: `${letter.registrant.firstName} ${letter.registrant.lastName}`,
    taxId: formatTaxId(letter.taxId),
    pin: formatPin(pin),
  });
  const [html, text] = await Promise.all([render(node), render(node, { plainText: true })]);
  return { html, text };
}
