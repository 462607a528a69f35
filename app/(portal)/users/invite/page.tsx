import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { requireAnyDelegate } from "@/lib/auth/dal";
import { delegateScope } from "@/lib/users/delegate-organizations";
import { inviteAction } from "../actions";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "Add a user" };

export default async function InviteUserPage() {
  const user = await requireAnyDelegate("/users/invite");
  const { organizations, units } = await delegateScope(user.userId);
  if (organizations.length === 0) notFound();
  const billingOrganizations = organizations.filter((organization) => organization.kind === "billing");
  const billingOnly = billingOrganizations.length === organizations.length;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/users">Users</Link> <span aria-hidden="true">›</span> <span aria-current="page">Add a user</span>
      </nav>
      <PageHeading
        title="Add a user"
        lead={
          billingOnly
            ? "We'll email them an invitation to join your billing organization. Their access starts when they open it and set their password. Their name and email are required."
            : "We'll email them an invitation. Their access starts when they open it and set their password. All fields are required."
        }
      />
      <InviteForm action={inviteAction} units={billingOnly ? units : units.filter((unit) => unit.kind === "provider")} billingOrganizations={billingOnly ? billingOrganizations : []} submissionId={crypto.randomUUID()} />
    </>
  );
}
