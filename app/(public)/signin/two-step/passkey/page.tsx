import type { Metadata } from "next";
import Link from "next/link";
import { PasskeySignIn } from "@/components/passkeys/passkey-sign-in";
import { PageHeading } from "@/components/ui/page-heading";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { factorsOf, requirePasswordSession } from "@/lib/auth/dal";
import { beginPasskeySignInAction, finishPasskeySignInAction } from "./actions";

export const metadata: Metadata = { title: "Confirm it's you with a passkey" };

export default async function PasskeySecondStepPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePasswordSession();
  const factors = await factorsOf(session.userId);
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const query = `?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <div className="mx-auto max-w-md">
      <PageHeading title="Confirm it's you" lead="Use the passkey you added to your account: your browser will ask for this device's fingerprint, face or screen lock, or your security key." />
      <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
        <PasskeySignIn begin={beginPasskeySignInAction} finish={finishPasskeySignInAction} callbackUrl={callbackUrl} />
      </div>
      <nav aria-labelledby="other-ways" className="mt-8">
        <h2 id="other-ways" className="text-lg font-semibold text-ink">
          Other ways to confirm it&apos;s you
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {factors.totpConfirmedAt ? (
            <li>
              <Link href={`/signin/two-step${query}`} prefetch={false}>Use a code from your authenticator app instead</Link>
            </li>
          ) : null}
          <li>
            <Link href={`/signin/two-step/recovery${query}`} prefetch={false}>Use a recovery code</Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
