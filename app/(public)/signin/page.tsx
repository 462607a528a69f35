import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageHeading } from "@/components/ui/page-heading";
import { signInAction } from "./actions";
import { SignInForm } from "./signin-form";
import { SignInNotices } from "./signin-notices";

export const metadata: Metadata = { title: "Sign in" };

/**
 * A prerendered page: what differs per visit (the notices the address asks for, where to go
 * afterwards, "you are already signed in") is read in the browser.
 */
export default function SignInPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageHeading title="Sign in" />
      <div className="mb-6 space-y-3">
        <Suspense fallback={null}>
          <SignInNotices />
        </Suspense>
      </div>
      <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
        <SignInForm action={signInAction} />
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
