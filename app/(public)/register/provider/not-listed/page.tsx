import type { Metadata } from "next";
import Link from "next/link";
import { FindMyDelegateLink } from "@/components/registration/find-my-delegate-link";
import { PageHeading } from "@/components/ui/page-heading";
import { reportNotListedAction } from "./actions";
import { NotListedForm } from "./not-listed-form";

export const metadata: Metadata = { title: "My provider is not listed" };

export default function NotListedPage() {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/register">Register</Link> <span aria-hidden="true">›</span> <Link href="/register/provider">Provider</Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">Provider not listed</span>
      </nav>
      <PageHeading
        eyebrow="Register: provider"
        title="My provider is not listed"
        lead="Tell us about the provider and how to reach you. A representative will contact you to help you register. Fields marked optional can be left blank."
      />
      <FindMyDelegateLink className="-mt-2 mb-6 max-w-3xl" />
      <NotListedForm action={reportNotListedAction} />
    </>
  );
}
