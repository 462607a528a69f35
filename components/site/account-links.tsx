"use client";

import Link from "next/link";
import { useEffect, useState, useSyncExternalStore } from "react";
import { SignOutButton } from "@/components/mfa/sign-out-button";
import { ButtonLink } from "@/components/ui/button";
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

/** One question to the server at a time: the header and the home page's buttons share its answer. */
let askingServer: Promise<boolean> | null = null;
function askServer(): Promise<boolean> {
  askingServer ??= fetch("/api/session", { cache: "no-store" })
    .then((response) => (response.ok ? (response.json() as Promise<{ signedIn?: unknown }>) : { signedIn: false }))
    .then((answer) => answer.signedIn === true)
    .catch(() => false)
    .finally(() => {
      askingServer = null;
    });
  return askingServer;
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
    void askServer().then((signedIn) => {
      if (current) setConfirmed(signedIn);
    });
    return () => {
      current = false;
    };
  }, [hint]);
  return hint && confirmed === true;
}

/**
 * The public header's account links: Sign in and Register for visitors; for someone signed in, the
 * way back in and Sign out (a POST to the portal's sign-out action, which the layout passes in:
 * the page stays a prerendered shell, and only the browser knows who is signed in).
 */
export function AccountLinks({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const signedIn = useSignedIn();
  return signedIn ? (
    <>
      <li>
        <Link href="/access" className="font-semibold">
          Go to Tax ID &amp; NPI access
        </Link>
      </li>
      <li>
        <SignOutButton action={signOutAction} />
      </li>
    </>
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

/** The home page's main buttons: Sign in and Register for visitors, the way back in for someone signed in. */
export function AccountButtons() {
  const signedIn = useSignedIn();
  return signedIn ? (
    <ButtonLink href="/access">Go to Tax ID &amp; NPI access</ButtonLink>
  ) : (
    <>
      <ButtonLink href="/signin">Sign in</ButtonLink>
      <ButtonLink href="/register" variant="secondary">
        Register for an account
      </ButtonLink>
    </>
  );
}
