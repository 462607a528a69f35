import type { Metadata } from "next";
import Link from "next/link";
import { FindMyDelegateLink } from "@/components/registration/find-my-delegate-link";
import { PageHeading } from "@/components/ui/page-heading";
import { registerBillingAction } from "./actions";
import { BillingRegistrationForm } from "./billing-registration-form";

export const metadata: Metadata = { title: "Register: billing organization" };

export default function RegisterBillingPage() {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/register">Register</Link> <span aria-hidden="true">›</span> <span aria-current="page">Billing organization</span>
      </nav>
      <PageHeading
        eyebrow="Register: billing organization"
        title="Register your billing organization"
        lead="Use your billing organization's own Tax ID. Once your email is confirmed, ask each provider you bill for to approve your access: the request goes to a contact at the provider's office by email."
      />
      <FindMyDelegateLink className="-mt-2 mb-6 max-w-3xl" />
      <BillingRegistrationForm action={registerBillingAction} />
    </>
  );
}
