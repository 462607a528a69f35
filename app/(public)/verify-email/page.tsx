import type { Metadata } from "next";
import Link from "next/link";
import { LinkProblem } from "@/components/account/link-problem";
import { PageHeading } from "@/components/ui/page-heading";
import { verificationLinkState } from "@/lib/auth/email-verification";
import { confirmEmailAction } from "./actions";
import { ConfirmEmailForm } from "./confirm-email-form";

// The token is in this page's address: never send it to another site as a referrer.
export const metadata: Metadata = { title: "Confirm your email address", referrer: "no-referrer" };

const NEXT_STEPS = {
  invalid: "Open the link from your email again, or copy the whole link into your browser. If it still doesn't work, sign in with your email and password and we'll send you a new link.",
  expired: "Confirmation links work for 24 hours. Sign in with your email and password and we'll send you a new link.",
  used: "Each link works once. If you already confirmed your email address, you can sign in now.",
} as const;

/**
 * The link in the confirmation email opens this page. It says at once whether the link can still
 * be used; the token is used only when the person presses the button (a POST), so mail scanners
 * that open links can't use it up.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const state = await verificationLinkState(value);
  return (
    <div className="max-w-2xl">
      <PageHeading title="Confirm your email address" lead={state === "valid" ? "Confirm that this is your email address to finish registering." : undefined} />
      {state === "valid" ? (
        <ConfirmEmailForm action={confirmEmailAction} token={value} />
      ) : (
        <div className="space-y-4">
          <LinkProblem reason={state}>
            <p>{NEXT_STEPS[state]}</p>
          </LinkProblem>
          <p>
            <Link href="/signin" className="font-semibold">
              Go to sign in
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
