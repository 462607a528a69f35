import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CodeForm } from "@/components/mfa/code-form";
import { SignOutButton } from "@/components/mfa/sign-out-button";
import { PageHeading } from "@/components/ui/page-heading";
import { signOutAction } from "@/app/(portal)/actions";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requirePasswordSession, secondStepDueNow } from "@/lib/auth/dal";
import { secondStepPath } from "@/lib/auth/mfa/policy";
import { verifyRecoveryCodeAction } from "../actions";

export const metadata: Metadata = { title: "Use a recovery code" };

export default async function RecoveryCodePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const session = await requirePasswordSession(callbackUrl);
  const due = await secondStepDueNow();
  if (due === "none") redirect(callbackUrl);
  if (due === "setup") redirect(secondStepPath("setup", callbackUrl));

  return (
    <div className="mx-auto max-w-md">
      <PageHeading title="Use a recovery code" lead="If you can't use your authenticator app or passkey, type one of your recovery codes instead." />
      <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
        <CodeForm action={verifyRecoveryCodeAction} callbackUrl={callbackUrl} kind="recovery_code" />
      </div>
      <p className="mt-6">
        <Link href={secondStepPath("verify", callbackUrl)}>Back to the other ways to confirm</Link>
      </p>
      <p className="mt-4 text-sm text-muted">After signing in, check how many codes you have left in your account&apos;s security settings.</p>
      <div className="mt-8 flex items-center gap-3 border-t border-line pt-6">
        <span className="text-sm text-muted">
          Not {session.firstName} {session.lastName}, or stopping here?
        </span>
        <SignOutButton action={signOutAction} />
      </div>
    </div>
  );
}
