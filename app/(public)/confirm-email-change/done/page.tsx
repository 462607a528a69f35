import type { Metadata } from "next";
import Link from "next/link";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { currentSession } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Your email address has been changed" };

export default async function EmailChangedPage() {
  const session = await currentSession();
  return (
    <div className="max-w-2xl">
      <PageHeading title="Your email address has been changed" />
      {/* A long address wraps anywhere rather than running off a phone's screen. */}
      <FocusOnArrival className="wrap-anywhere">
        <Notice tone="success" title={session ? `You now sign in with ${session.email}.` : "Sign in with your new email address from now on."}>
          <p>Your password stays the same. You have been signed out on your other devices.</p>
        </Notice>
      </FocusOnArrival>
      <p className="mt-6">{session ? <Link href="/account">Go to account settings</Link> : <Link href="/signin">Sign in</Link>}</p>
    </div>
  );
}
