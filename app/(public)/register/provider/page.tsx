import type { Metadata } from "next";
import Link from "next/link";
import { FindMyDelegateLink } from "@/components/registration/find-my-delegate-link";
import { NotListedLink } from "@/components/registration/not-listed-link";
import { ChoiceCard } from "@/components/ui/choice-card";
import { PageHeading } from "@/components/ui/page-heading";
import { builtSite } from "@/lib/site";

export const metadata: Metadata = { title: "Register: provider" };

export default function ProviderRegistrationPage() {
  const { payerName: PAYER_NAME } = builtSite();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/register">Register</Link> <span aria-hidden="true">›</span> <span aria-current="page">Provider</span>
      </nav>
      <PageHeading
        eyebrow="Register: provider"
        title="How will you show that you work for the practice?"
        lead={`We check that you work for the practice using something only the practice has received from ${PAYER_NAME}.`}
      />
      <ul className="grid max-w-2xl gap-4">
        <ChoiceCard
          href="/register/provider/check"
          title={`I have a check from ${PAYER_NAME}`}
          description="Use the Tax ID, the check number and the vendor number printed on the check (or an NPI). You'll have access as soon as you confirm your email."
        />
        <ChoiceCard
          href="/register/provider/notice"
          title="I received a non-payment notice"
          description="Use the Tax ID, the NPI and the number on the notice, with the NP in front. You'll have access as soon as you confirm your email."
        />
        <ChoiceCard
          href="/register/provider/mail"
          title="Register with US Mail"
          description="No check, or more than one Tax ID and you can't tell which one matches the check? We mail a PIN to the practice's address on file; enter it when the letter arrives."
        />
      </ul>
      <NotListedLink className="mt-6 max-w-2xl" />
      <FindMyDelegateLink className="mt-2 max-w-2xl" />
    </>
  );
}
