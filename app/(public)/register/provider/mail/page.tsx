import type { Metadata } from "next";
import Link from "next/link";
import { FindMyDelegateLink } from "@/components/registration/find-my-delegate-link";
import { PageHeading } from "@/components/ui/page-heading";
import { builtSite } from "@/lib/site";
import { PIN_VALID_DAYS } from "@/lib/pin-letters/issue-pin-letter";
import { registerWithMailAction } from "./actions";
import { MailRegistrationForm } from "./mail-registration-form";

export const metadata: Metadata = { title: "Register with US Mail" };

export default function RegisterWithMailPage() {
  const { payerName: PAYER_NAME } = builtSite();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/register">Register</Link> <span aria-hidden="true">›</span> <Link href="/register/provider">Provider</Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">US Mail</span>
      </nav>
      <PageHeading
        eyebrow="Register: provider"
        title="Register with US Mail"
        lead={
          <>
            No {PAYER_NAME} check? We mail a PIN to your practice&apos;s address on file. Create your account now; when the letter
            arrives, sign in and enter the PIN (it works for {PIN_VALID_DAYS} days). Fields are required unless marked optional.
          </>
        }
      />
      <FindMyDelegateLink className="-mt-2 mb-6 max-w-3xl" />
      <MailRegistrationForm action={registerWithMailAction} />
    </>
  );
}
