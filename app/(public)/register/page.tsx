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
      </ul>
      <FindMyDelegateLink className="mt-6 max-w-2xl" />
    </>
  );
}
