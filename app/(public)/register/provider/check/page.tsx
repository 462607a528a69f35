import type { Metadata } from "next";
import Link from "next/link";
import { FindMyDelegateLink } from "@/components/registration/find-my-delegate-link";
import { PageHeading } from "@/components/ui/page-heading";
import { builtSite } from "@/lib/site";
import { registerWithCheckAction } from "./actions";
import { CheckRegistrationForm } from "./check-registration-form";

export const metadata: Metadata = { title: "Register with a check" };

export default function RegisterWithCheckPage() {
  const { payerName: PAYER_NAME } = builtSite();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/register">Register</Link> <span aria-hidden="true">›</span> <Link href="/register/provider">Provider</Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">Check</span>
      </nav>
      <PageHeading
        eyebrow="Register: provider"
        title={`Register with a check from ${PAYER_NAME}`}
        lead="It takes a few minutes. Have a recent check in front of you. All fields are required."
      />
      <FindMyDelegateLink className="-mt-2 mb-6 max-w-3xl" />
      <CheckRegistrationForm action={registerWithCheckAction} payerName={PAYER_NAME} />
    </>
  );
}
