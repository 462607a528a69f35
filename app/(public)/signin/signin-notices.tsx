"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useSignedIn } from "@/components/site/account-links";
import { Notice } from "@/components/ui/notice";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";

/**
 * What the address says about how the person got here (email just confirmed, signed out, sent
 * here to sign in), read in the browser so that the sign-in page stays one prerendered shell.
 */
export function SignInNotices() {
  const params = useSearchParams();
  const signedIn = useSignedIn();
  const confirmed = params.get("confirmed") === "1";
  const signedOut = params.get("signedOut") === "1";
  return (
    <>
      {confirmed ? (
        <FocusOnArrival>
          <Notice tone="success" title="Your email address is confirmed">
            <p>Sign in to continue.</p>
          </Notice>
        </FocusOnArrival>
      ) : null}
      {signedOut ? (
        <FocusOnArrival>
          <Notice tone="success" title="You have signed out." />
        </FocusOnArrival>
      ) : null}
      {params.has("callbackUrl") && !confirmed && !signedOut ? (
        <Notice tone="info" title="Please sign in to continue.">
          <p>For your security, sessions end after 30 minutes without activity.</p>
        </Notice>
      ) : signedIn && !signedOut ? (
        <Notice tone="info" title="You are already signed in.">
          <p>
            <Link href="/access">Go to Tax ID &amp; NPI access</Link>, or sign in below as someone else.
          </p>
        </Notice>
      ) : null}
    </>
  );
}

/** The page to go to after signing in, from the address (the action keeps only a path on this site). */
export function CallbackUrlInput() {
  const params = useSearchParams();
  return <input type="hidden" name="callbackUrl" value={params.get("callbackUrl") ?? ""} />;
}
