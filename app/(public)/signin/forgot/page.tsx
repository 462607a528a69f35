import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { forgotPasswordAction } from "./actions";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageHeading title="Forgot your password?" lead="Enter your email address and we'll send you a link to choose a new password." />
      <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
        <ForgotPasswordForm action={forgotPasswordAction} />
      </div>
      <p className="mt-6">
        Remembered it? <Link href="/signin">Go back to sign in</Link>.
      </p>
    </div>
  );
}
