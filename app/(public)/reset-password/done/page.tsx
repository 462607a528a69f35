import type { Metadata } from "next";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";

export const metadata: Metadata = { title: "Your password has been changed" };

export default function PasswordChangedPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageHeading title="Your password has been changed" />
      <FocusOnArrival className="space-y-6">
        <Notice tone="success" title="Sign in with your new password.">
          <p>For your security, you have been signed out on every device.</p>
        </Notice>
      </FocusOnArrival>
      <p className="mt-6">
        <ButtonLink href="/signin">Sign in</ButtonLink>
      </p>
    </div>
  );
}
