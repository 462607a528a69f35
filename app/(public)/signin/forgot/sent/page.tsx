import type { Metadata } from "next";
import Link from "next/link";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";

export const metadata: Metadata = { title: "Check your email" };

/** The one answer to "Forgot your password?", for every address: it tells nobody whether an account exists. */
export default function ResetLinkSentPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageHeading title="Check your email" />
      <FocusOnArrival className="space-y-4">
        <Notice tone="success" title="If an account uses that address, we've sent it a link to choose a new password.">
          <p>The link works once, for 1 hour.</p>
        </Notice>
      </FocusOnArrival>
      <h2 className="mt-8 text-xl font-semibold text-ink">Didn&apos;t get it?</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>It can take a few minutes to arrive. Check your spam or junk folder too.</li>
        <li>Make sure you typed the address you sign in with.</li>
        <li>
          Still nothing? <Link href="/signin/forgot">Send a new link</Link>.
        </li>
      </ul>
      <p className="mt-6">
        <Link href="/signin">Go back to sign in</Link>
      </p>
    </div>
  );
}
