import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { requireUser } from "@/lib/auth/dal";
import { env } from "@/lib/env";
import { PIN_VALID_DAYS } from "@/lib/pin-letters/issue-pin-letter";
import { addTaxIdByMailAction } from "./actions";
import { AddTaxIdByMailForm } from "./add-tax-id-by-mail-form";

export const metadata: Metadata = { title: "Add a Tax ID by mail" };

export default async function AddTaxIdByMailPage() {
  await requireUser("/access/add/mail");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/access">Tax ID &amp; NPI access</Link> <span aria-hidden="true">›</span> <span aria-current="page">Add a Tax ID by mail</span>
      </nav>
      <PageHeading
        title="Add a Tax ID by mail"
        lead={`We mail a PIN to the address we have on file for the Tax ID, never to an address typed here. Enter it from “Enter a PIN” within ${PIN_VALID_DAYS} days; meanwhile you keep using your other Tax IDs.`}
      />
      <AddTaxIdByMailForm action={addTaxIdByMailAction} />
      <p className="mt-6 text-sm text-muted">Need help? Call us at {env().PAYER_PHONE}.</p>
    </>
  );
}
