"use client";

import Link from "next/link";
import { useEffect, useState, useSyncExternalStore } from "react";
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

/**
 * Whether this browser is signed in: a visitor without a session cookie is answered at once; with
 * one, the server says whether the session is still good and past the second step (/api/session).
 */
export function useSignedIn(): boolean {
  const hint = useSignedInHint();
  const [confirmed, setConfirmed] = useState<boolean | null>(null);
  useEffect(() => {
    if (!hint) return;
    let current = true;
    fetch("/api/session", { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ signedIn?: unknown }>) : { signedIn: false }))
      .then((answer) => {
        if (current) setConfirmed(answer.signedIn === true);
      })
      .catch(() => {
        if (current) setConfirmed(false);
      });
    return () => {
      current = false;
    };
  }, [hint]);
  return hint && confirmed === true;
}

/** The public header's account links: Sign in and Register for visitors, the way back in for someone signed in. */
export function AccountLinks() {
  const signedIn = useSignedIn();
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
