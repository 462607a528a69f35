import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { db } from "@/db/client";
import { findAccountContact } from "@/db/queries/accounts";
import { requireUser } from "@/lib/auth/dal";
import { formatPhone } from "@/lib/validation";
import { contactRepresentativeAction } from "./actions";
import { ContactRepresentativeForm } from "./contact-representative-form";

export const metadata: Metadata = { title: "Contact a representative" };

export default async function ContactRepresentativePage() {
  const user = await requireUser("/access/add/contact");
  const account = await findAccountContact(db, { id: user.userId });
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/access">Tax ID &amp; NPI access</Link> <span aria-hidden="true">›</span> <Link href="/access/add">Add a Tax ID or NPI</Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">Contact a representative</span>
      </nav>
      <PageHeading
        title="Contact a representative"
        lead="No check or non-payment notice for this Tax ID? Tell us which one you need, and a representative will confirm that you work there before adding it."
      />
      <ContactRepresentativeForm
        action={contactRepresentativeAction}
        submissionId={crypto.randomUUID()}
        contact={{ email: account?.email ?? "", phone: account ? formatPhone(account.phone) : "" }}
      />
    </>
  );
}
