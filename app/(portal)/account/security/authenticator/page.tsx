import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthenticatorEnrollment } from "@/components/mfa/authenticator-enrollment";
import { PageHeading } from "@/components/ui/page-heading";
import { requireUser } from "@/lib/auth/dal";
import { authenticatorSetup } from "@/lib/auth/mfa/authenticator";
import { confirmAuthenticatorAction } from "../actions";

export const metadata: Metadata = { title: "Set up an authenticator app" };

export default async function AuthenticatorSetupPage() {
  const user = await requireUser("/account/security/authenticator");
  const setup = await authenticatorSetup(user);
  if (!setup) redirect("/account/security");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/account" prefetch={false}>Account settings</Link> <span aria-hidden="true">›</span> <Link href="/account/security">Security</Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">Authenticator app</span>
      </nav>
      <PageHeading title="Set up an authenticator app" lead="Each time you sign in, after your password, you'll type the 6-digit code the app shows." />
      <div className="max-w-2xl rounded-lg border border-line bg-surface p-6">
        <AuthenticatorEnrollment action={confirmAuthenticatorAction} qrSvg={setup.qrSvg} groupedSecret={setup.groupedSecret} callbackUrl="/account/security" />
      </div>
    </>
  );
}
