import type { Metadata } from "next";
import { FindMyDelegateLink } from "@/components/registration/find-my-delegate-link";
import { ChoiceCard } from "@/components/ui/choice-card";
import { PageHeading } from "@/components/ui/page-heading";

export const metadata: Metadata = { title: "Register" };

export default function RegisterPage() {
  return (
    <>
      <PageHeading eyebrow="Register" title="Who do you work for?" lead="Choose the option that describes you. Register in your own name: each person needs their own account." />
      <ul className="grid max-w-2xl gap-4">
        <ChoiceCard href="/register/provider" title="I work for a provider" description="A clinic, hospital or practice that sees patients and receives payments from us." />
        <ChoiceCard
          href="/register/billing"
          title="I work for a billing organization"
          description="A billing service that submits claims for providers. Register with your billing organization's own Tax ID, then ask each provider for access."
        />
      </ul>
      <FindMyDelegateLink className="mt-6 max-w-2xl" />
    </>
  );
}
