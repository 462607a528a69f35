import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { VERIFICATION_HOURS } from "@/lib/auth/email-verification";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <div className="max-w-2xl">
      <PageHeading title="Check your email" lead="One more step: confirm your email address." />
      <Notice tone="success" title="We've sent you an email">
        <p>
          We sent a link to the work email address you entered. Open the email and choose <strong>Confirm my email address</strong>.
          Then you can sign in right away.
        </p>
      </Notice>
      <h2 className="mt-8 text-xl font-semibold">Didn&apos;t get the email?</h2>
      <ul className="mt-2 list-disc space-y-2 pl-5">
        <li>It can take a few minutes to arrive. Check your junk or spam folder too.</li>
        <li>The link works once and expires after {VERIFICATION_HOURS} hours.</li>
        <li>
          If the link has expired, <Link href="/signin">sign in</Link> with your email and password and we&apos;ll send you a new one.
        </li>
      </ul>
    </div>
  );
}
