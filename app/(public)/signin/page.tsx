import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { PageHeading } from "@/components/ui/page-heading";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/dal";
import { signInAction } from "./actions";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);

  return (
    <div className="mx-auto max-w-md">
      <PageHeading title="Sign in" />
      <div className="mb-6 space-y-3">
        {params.confirmed === "1" ? (
          <FocusOnArrival>
            <Notice tone="success" title="Your email address is confirmed">
              <p>Sign in to continue.</p>
            </Notice>
          </FocusOnArrival>
        ) : null}
        {params.signedOut === "1" ? (
          <FocusOnArrival>
            <Notice tone="success" title="You have signed out." />
          </FocusOnArrival>
        ) : null}
        {typeof params.callbackUrl === "string" && params.confirmed !== "1" && params.signedOut !== "1" ? (
          <Notice tone="info" title="Please sign in to continue.">
            <p>For your security, sessions end after 30 minutes without activity.</p>
          </Notice>
        ) : null}
      </div>
      <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
        <SignInForm action={signInAction} callbackUrl={callbackUrl} />
        <p className="mt-5">
          <Link href="/signin/forgot">Forgot your password?</Link>
        </p>
      </div>
      <p className="mt-6">
        New to the portal? <Link href="/register">Register for an account</Link>.
      </p>
    </div>
  );
}
