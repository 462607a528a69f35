import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CodeForm } from "@/components/mfa/code-form";
import { SignOutButton } from "@/components/mfa/sign-out-button";
import { PageHeading } from "@/components/ui/page-heading";
import { signOutAction } from "@/app/(portal)/actions";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { factorsOf, requirePasswordSession, secondStepDueNow } from "@/lib/auth/dal";
import { secondStepPath } from "@/lib/auth/mfa/policy";
import { verifyAuthenticatorCodeAction } from "./actions";

export const metadata: Metadata = { title: "Confirm it's you" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The second step of signing in. Every sign-in lands here: it asks for a code when the account
 * has a factor, sends a session that must set one up to /account/security/setup, and lets the
 * others through to where they were going.
 */
export default async function TwoStepPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const session = await requirePasswordSession(callbackUrl);
  const due = await secondStepDueNow();
  if (due === "none") redirect(callbackUrl);
  if (due === "setup") redirect(secondStepPath("setup", callbackUrl));
  const factors = await factorsOf(session.userId);
  const query = `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  // An account whose only factors are passkeys goes straight to the passkey (no code to type here).
  if (!factors.totpConfirmedAt && factors.passkeyCount > 0) redirect(`/signin/two-step/passkey${query}`);

  return (
    <div className="mx-auto max-w-md">
      <PageHeading
        title="Confirm it's you"
        lead={factors.totpConfirmedAt ? "Your password is right. Now type the code from your authenticator app." : "Your password is right. Now use your passkey."}
      />
      {factors.totpConfirmedAt ? (
        <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
          <CodeForm action={verifyAuthenticatorCodeAction} callbackUrl={callbackUrl} kind="totp" />
        </div>
      ) : null}
      <h2 className="mt-8 text-lg font-semibold text-ink">Other ways to confirm</h2>
      <ul className="mt-2 list-disc space-y-2 pl-5">
        {factors.passkeyCount > 0 ? (
          <li>
            <Link href={`/signin/two-step/passkey${query}`} prefetch={false}>Use a passkey</Link>
          </li>
        ) : null}
        <li>
          <Link href={`/signin/two-step/recovery${query}`}>Use a recovery code</Link>
        </li>
      </ul>
      <p className="mt-4 text-sm text-muted">Lost your phone and your recovery codes? Ask your organization&apos;s delegate or call us for help.</p>
      <div className="mt-8 flex items-center gap-3 border-t border-line pt-6">
        <span className="text-sm text-muted">
          Not {session.firstName} {session.lastName}, or stopping here?
        </span>
        <SignOutButton action={signOutAction} />
      </div>
    </div>
  );
}
