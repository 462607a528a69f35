import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { db } from "@/db/client";
import { findAccountContact } from "@/db/queries/accounts";
import { currentUser } from "@/lib/auth/dal";
import { isContactTopic } from "@/lib/cases/contact-us-schema";
import { formatPhone } from "@/lib/validation";
import { contactUsAction } from "./actions";
import { ContactUsForm, type ContactPrefill } from "./contact-us-form";

export const metadata: Metadata = { title: "Contact us" };

/** Contact us, for visitors and signed-in people alike (their details prefilled from the account). */
export default async function ContactUsPage({ searchParams }: { searchParams: Promise<{ topic?: string | string[] }> }) {
  const { topic } = await searchParams;
  const user = await currentUser();
  const account = user ? await findAccountContact(db, { id: user.userId }) : null;
  const prefill: ContactPrefill = {
    topic: isContactTopic(topic) ? topic : undefined,
    ...(account ? { name: `${account.firstName} ${account.lastName}`, email: account.email, phone: account.phone ? formatPhone(account.phone) : "" } : {}),
  };
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/help">Help Center</Link> <span aria-hidden="true">›</span> <span aria-current="page">Contact us</span>
      </nav>
      <PageHeading
        title="Contact us"
        lead="Tell us what you need and a representative will contact you, usually within two business days. Fields marked optional can be left blank."
      />
      <ContactUsForm action={contactUsAction} submissionId={crypto.randomUUID()} prefill={prefill} />
    </>
  );
}
