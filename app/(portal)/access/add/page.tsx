import type { Metadata } from "next";
import Link from "next/link";
import { ChoiceCard } from "@/components/ui/choice-card";
import { PageHeading } from "@/components/ui/page-heading";
import { requireUser } from "@/lib/auth/dal";
import { env } from "@/lib/env";
import { addAccessAction } from "./actions";
import { AddAccessForm } from "./add-access-form";

export const metadata: Metadata = { title: "Add a Tax ID or NPI" };

export default async function AddAccessPage() {
  await requireUser("/access/add");
  const { PAYER_NAME } = env();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/access">Tax ID &amp; NPI access</Link> <span aria-hidden="true">›</span> <span aria-current="page">Add a Tax ID or NPI</span>
      </nav>
      <PageHeading
        title="Add a Tax ID or NPI"
        lead={`With a recent check or non-payment notice from ${PAYER_NAME}, the Tax ID and all its NPIs are added to your account at once.`}
      />
      <AddAccessForm action={addAccessAction} payerName={PAYER_NAME} submissionId={crypto.randomUUID()} />

      <section aria-labelledby="no-proof-heading" className="mt-10 max-w-3xl">
        <h2 id="no-proof-heading" className="text-xl font-semibold text-ink">
          No check or notice for this Tax ID?
        </h2>
        <ul className="mt-3 space-y-3">
          {/* Built on the mail branch: not prefetched, so this page logs no 404 while that route is missing. */}
          <ChoiceCard href="/access/add/mail" title="Request a PIN letter" description="We mail a PIN to the practice's address of record. Enter it here when it arrives." />
          <ChoiceCard href="/help/contact?topic=add-tax-id" title="Contact a representative" description="Tell us which Tax ID you need (Contact us, in the Help Center). A representative will confirm you work there and add it." />
        </ul>
      </section>
    </>
  );
}
