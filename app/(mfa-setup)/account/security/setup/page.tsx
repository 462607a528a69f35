import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthenticatorEnrollment } from "@/components/mfa/authenticator-enrollment";
import { PageHeading } from "@/components/ui/page-heading";
import { confirmAuthenticatorAction } from "@/app/(portal)/account/security/actions";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requireEnrollingUser, secondStepDueNow } from "@/lib/auth/dal";
import { authenticatorSetup } from "@/lib/auth/mfa/authenticator";

export const metadata: Metadata = { title: "Set up two-step sign-in" };

/**
 * Right after the password, for an account that must have a second step and has none: set up an
 * authenticator app (or a passkey). Confirming the first factor completes the sign-in.
 */
export default async function SecondStepSetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const person = await requireEnrollingUser(callbackUrl);
  if ((await secondStepDueNow()) !== "setup") redirect("/account/security");
  const setup = await authenticatorSetup(person);
  if (!setup) redirect(callbackUrl);

  return (
    <div className="max-w-2xl">
      <PageHeading
        title="Set up two-step sign-in"
        lead="To protect members' health information, your account needs a second step after your password. It takes about two minutes, once."
      />
      <section aria-labelledby="app-heading" className="rounded-lg border border-line bg-surface p-6">
        <h2 id="app-heading" className="mb-4 text-xl font-semibold text-ink">
          Use an authenticator app on your phone
        </h2>
        <AuthenticatorEnrollment action={confirmAuthenticatorAction} qrSvg={setup.qrSvg} groupedSecret={setup.groupedSecret} callbackUrl={callbackUrl} />
      </section>
      <section aria-labelledby="passkey-heading" className="mt-8 rounded-lg border border-line bg-surface p-6">
        <h2 id="passkey-heading" className="text-xl font-semibold text-ink">
          Or use a passkey
        </h2>
        <p className="mt-2 text-ink">Sign in with your fingerprint, face or device PIN instead of typing codes, if this computer supports it.</p>
        <p className="mt-3">
          <Link href={`/account/security/passkeys?callbackUrl=${encodeURIComponent(callbackUrl)}`} prefetch={false}>Set up a passkey</Link>
        </p>
      </section>
    </div>
  );
}
