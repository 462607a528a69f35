import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { membershipsOf, requireUser } from "@/lib/auth/dal";
import { env } from "@/lib/env";
import { requestAccessAction } from "./actions";
import { RequestAccessForm } from "./request-access-form";

export const metadata: Metadata = { title: "Request access to a provider" };

export default async function RequestAccessPage() {
  const user = await requireUser("/access/request");
  const billing = (await membershipsOf(user.userId)).find((membership) => membership.kind === "billing");
  // A provider's staff add Tax IDs with their own proof, not by asking.
  if (!billing) redirect("/access/add");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/access">Tax ID &amp; NPI access</Link> <span aria-hidden="true">›</span> <span aria-current="page">Request access to a provider</span>
      </nav>
      <PageHeading
        title="Request access to a provider"
        lead={`We email your request to a contact at the provider's office. As soon as they approve it, you can use the portal for that provider. Request as many providers as you bill for, one at a time.`}
      />
      <RequestAccessForm action={requestAccessAction} payerName={env().PAYER_NAME} />
    </>
  );
}
