"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { hasSignedInHint } from "@/lib/auth/signed-in-hint";

interface CookieStoreLike {
  addEventListener(type: "change", listener: () => void): void;
  removeEventListener(type: "change", listener: () => void): void;
}

/** Chromium's Cookie Store API says when the hint changes (signed out in another tab); elsewhere the page's load decides. */
function subscribe(onChange: () => void): () => void {
  const store = (window as unknown as { cookieStore?: CookieStoreLike }).cookieStore;
  store?.addEventListener("change", onChange);
  return () => store?.removeEventListener("change", onChange);
}
const signedInNow = () => hasSignedInHint(document.cookie);
// The prerendered HTML is a visitor's: someone signed in sees their link once the page loads.
const signedInOnServer = () => false;

/** Whether this browser holds a session cookie (proxy.ts keeps the hint in step), read after hydration. */
export function useSignedInHint(): boolean {
  return useSyncExternalStore(subscribe, signedInNow, signedInOnServer);
}

/** The public header's account links: Sign in and Register for visitors, the way back in for someone signed in. */
export function AccountLinks() {
  const signedIn = useSignedInHint();
  return signedIn ? (
    <li>
      <Link href="/access" className="font-semibold">
        Go to Tax ID &amp; NPI access
      </Link>
    </li>
  ) : (
    <>
      <li>
        <Link href="/signin" className="font-semibold">
          Sign in
        </Link>
      </li>
      <li>
        <Link href="/register" className="font-semibold">
          Register
        </Link>
      </li>
    </>
  );
}
