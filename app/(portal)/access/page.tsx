import type { Metadata } from "next";
import { PendingPinNotice } from "@/components/access/pending-pin-notice";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { PageHeading } from "@/components/ui/page-heading";
import { db } from "@/db/client";
import { listAccessForUser } from "@/db/queries/access";
import { membershipsOf, pinLettersOf, requireUser } from "@/lib/auth/dal";
import { formatTaxId } from "@/lib/validation";
import { AccessList } from "./access-list";

export const metadata: Metadata = { title: "Tax ID & NPI access" };

export default async function AccessPage({ searchParams }: { searchParams: Promise<{ added?: string | string[] }> }) {
  const user = await requireUser("/access");
  const [rows, memberships, pin, { added }] = await Promise.all([listAccessForUser(db, user.userId), membershipsOf(user.userId), pinLettersOf(user.userId), searchParams]);
  const roleByTaxId = new Map(memberships.map((membership) => [membership.taxId, membership.role]));
  const listed = rows.map((row) => ({ ...row, memberRole: roleByTaxId.get(row.taxId) ?? null }));
  const delegateOf = memberships.filter((membership) => membership.role === "delegate");
  // Only a Tax ID the person now has active access to is announced, whatever the address says.
  const justAdded = typeof added === "string" ? listed.find((row) => row.taxId === added && row.status === "active") : undefined;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <PageHeading title="Tax ID & NPI access" lead="The Tax IDs and NPIs you can use in the portal, and how you got access to each." />
        <div className="mb-6">
          <ButtonLink href="/access/add">Add a Tax ID or NPI</ButtonLink>
        </div>
      </div>

      <PendingPinNotice letters={pin.letters} />

      {justAdded ? (
        <FocusOnArrival className="mb-6">
          <Notice tone="success" title={`Access added: ${justAdded.organizationName ?? "Tax ID"} (${formatTaxId(justAdded.taxId)}).`}>
            <p>
              {justAdded.memberRole === "delegate"
                ? "Nobody had registered this Tax ID, so you are its delegate: you manage your co-workers' portal accounts for it."
                : "You are a user of this Tax ID. Its delegate has been told by email."}
            </p>
          </Notice>
        </FocusOnArrival>
      ) : null}

      {delegateOf.length > 0 ? (
        <div className="mb-6">
          <Notice tone="info" title={`You are the delegate for ${delegateOf.map((membership) => `${membership.organizationName ?? "your organization"} (${formatTaxId(membership.taxId)})`).join(", ")}.`}>
            <p>As the first person to register, you manage the portal accounts of your co-workers at this organization.</p>
          </Notice>
        </div>
      ) : null}

      {rows.length === 0 ? <Notice title="You don't have access to any Tax IDs yet." /> : <AccessList rows={listed} />}
    </>
  );
}
