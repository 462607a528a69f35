import type { Metadata } from "next";
import Link from "next/link";
import { ReauthForm } from "@/components/mfa/reauth-form";
import { ButtonLink } from "@/components/ui/button";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { factorsOf, requireUser } from "@/lib/auth/dal";
import { isFreshSecondStep, secondStepRequired } from "@/lib/auth/mfa/policy";
import { formatDate } from "@/lib/format";
import { newRecoveryCodesAction, removeAuthenticatorAction } from "./actions";

export const metadata: Metadata = { title: "Security" };

const DONE: Record<string, string> = {
  "authenticator-removed": "The authenticator app is removed from your account.",
};

/** How the person signs in: the authenticator app, passkeys and recovery codes. */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/account/security");
  const done = (await searchParams).done;
  const factors = await factorsOf(user.userId);
  const required = secondStepRequired(user.accountType);
  const fresh = isFreshSecondStep(user.mfaVerifiedAt);
  const onlyFactor = factors.passkeyCount === 0;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/account" prefetch={false}>Account settings</Link> <span aria-hidden="true">›</span> <span aria-current="page">Security</span>
      </nav>
      <PageHeading
        title="Security"
        lead={
          required
            ? "After your password, you confirm it's you with a second step: a code from an authenticator app, or a passkey. Your account needs one of them."
            : "After your password, you can confirm it's you with a second step: a code from an authenticator app, or a passkey."
        }
      />
      {typeof done === "string" && DONE[done] ? (
        <FocusOnArrival className="mb-6">
          <Notice tone="success" title={DONE[done]} />
        </FocusOnArrival>
      ) : null}

      <div className="space-y-8">
        <section aria-labelledby="authenticator-heading" className="rounded-lg border border-line bg-surface p-6">
          <h2 id="authenticator-heading" className="text-xl font-semibold text-ink">
            Authenticator app
          </h2>
          {factors.totpConfirmedAt ? (
            <>
              <p className="mt-2 text-ink">
                <strong>On</strong> since {formatDate(factors.totpConfirmedAt)}.
              </p>
              {required && onlyFactor ? (
                <p className="mt-3 text-muted">It is your account&apos;s only second step, so it can&apos;t be removed. To switch phones, add a passkey first.</p>
              ) : (
                <ReauthForm id="remove-authenticator" action={removeAuthenticatorAction} needsCode={!fresh} label="Remove the authenticator app" pendingLabel="Removing…" />
              )}
            </>
          ) : (
            <>
              <p className="mt-2 text-ink">
                <strong>Off.</strong> Get a new 6-digit code on your phone each time you sign in.
              </p>
              <ButtonLink href="/account/security/authenticator" className="mt-4">
                Set up an authenticator app
              </ButtonLink>
            </>
          )}
        </section>

        <section aria-labelledby="passkeys-heading" className="rounded-lg border border-line bg-surface p-6">
          <h2 id="passkeys-heading" className="text-xl font-semibold text-ink">
            Passkeys
          </h2>
          <p className="mt-2 text-ink">
            {factors.passkeyCount === 0 ? "None yet." : `${factors.passkeyCount} passkey${factors.passkeyCount === 1 ? "" : "s"}.`} A passkey lets you confirm it&apos;s you
            with your fingerprint, face or device PIN.
          </p>
          <p className="mt-3">
            <Link href="/account/security/passkeys" prefetch={false}>Manage passkeys</Link>
          </p>
        </section>

        <section aria-labelledby="recovery-heading" className="rounded-lg border border-line bg-surface p-6">
          <h2 id="recovery-heading" className="text-xl font-semibold text-ink">
            Recovery codes
          </h2>
          {factors.totpConfirmedAt || factors.passkeyCount > 0 ? (
            <>
              <p className="mt-2 text-ink">
                <strong>
                  {factors.recoveryCodesLeft} of 10 left.
                </strong>{" "}
                Each code lets you sign in once if you can&apos;t use your app or passkey. Making new codes stops the old ones working.
              </p>
              <ReauthForm id="new-codes" action={newRecoveryCodesAction} needsCode={!fresh} label="Make new codes" pendingLabel="Making codes…" />
            </>
          ) : (
            <p className="mt-2 text-ink">You get 10 recovery codes when you set up an authenticator app or a passkey.</p>
          )}
        </section>
      </div>
    </>
  );
}
