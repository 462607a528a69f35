import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { PinLetterPanel } from "@/components/pin-letters/pin-letter-panel";
import { requireUser } from "@/lib/auth/dal";
import { env } from "@/lib/env";
import { pendingPinLetters } from "@/lib/pin-letters/pending-letters";

export const metadata: Metadata = { title: "Enter a PIN" };

/** "Enter a PIN" for an account that already uses the portal and asked for another Tax ID by mail. */
export default async function EnterPinPage() {
  const user = await requireUser("/access/pin");
  const { letters } = await pendingPinLetters(user.userId);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/access">Tax ID &amp; NPI access</Link> <span aria-hidden="true">›</span> <span aria-current="page">Enter a PIN</span>
      </nav>
      <PageHeading title="Enter a PIN" lead="The PIN letters you asked for. Enter each PIN when its letter arrives." />
      {letters.length === 0 ? (
        <Notice title="No PIN letters are waiting.">
          <p>
            To add a Tax ID by mail, <Link href="/access/add/mail">ask for a PIN letter</Link>.
          </p>
        </Notice>
      ) : (
        <div className="space-y-10">
          {letters.map((letter) => (
            <PinLetterPanel key={letter.grantId} letter={letter} payerPhone={env().PAYER_PHONE} headingLevel={2} />
          ))}
        </div>
      )}
    </>
  );
}
