import type { Metadata } from "next";
import { ResetLinkProblem } from "@/components/account/link-problem";
import { PageHeading } from "@/components/ui/page-heading";
import { resetLinkState } from "@/lib/account/password-reset";
import { resetPasswordAction } from "./actions";
import { ResetPasswordForm } from "./reset-password-form";

// The token is in this page's address: never send it to another site as a referrer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const state = await resetLinkState(value);
  return (
    <div className="mx-auto max-w-md">
      <PageHeading title="Choose a new password" lead={state === "valid" ? "Setting a new password signs you out on every device." : undefined} />
      {state === "valid" ? (
        <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
          <ResetPasswordForm action={resetPasswordAction} token={value} />
        </div>
      ) : (
        <ResetLinkProblem reason={state} />
      )}
    </div>
  );
}
