import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { PageHeading } from "@/components/ui/page-heading";
import { requireStaff } from "@/lib/auth/dal";
import { formatDate, formatDateTime } from "@/lib/format";
import { requestContext } from "@/lib/request-context";
import { recordDetail } from "@/lib/staff/records/record-detail";
import { formatTaxId } from "@/lib/validation";
import { describeGrantEvent } from "./grant-event";

export const metadata: Metadata = { title: "Record" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-3 text-2xl font-semibold text-ink">
        {title}
      </h2>
      {children}
    </section>
  );
}

const card = "rounded-lg border border-line bg-surface p-4 shadow-sm";

export default async function StaffRecordPage({ params }: { params: Promise<{ taxId: string }> }) {
  const { taxId } = await params;
  const user = await requireStaff(`/staff/records/${encodeURIComponent(taxId)}`);
  const result = await recordDetail(user.userId, taxId, await requestContext());
  if (!result.ok) notFound();
  const { record, npis, members, openRequests, grantTrail } = result.detail;

  return (
    <>
      <p className="mb-4">
        <Link href="/staff/records">← Search the records</Link>
      </p>
      <PageHeading eyebrow={`Records · Tax ID ${formatTaxId(record.taxId)}`} title={record.legalName} />

      <Section id="address-heading" title="Address of record">
        <address className={`${card} max-w-md not-italic`}>
          {record.legalName}
          <br />
          {record.addressLine1}
          {record.addressLine2 ? (
            <>
              <br />
              {record.addressLine2}
            </>
          ) : null}
          <br />
          {record.city}, {record.state} {record.postalCode}
        </address>
      </Section>

      <Section id="npis-heading" title="NPIs">
        {npis.length === 0 ? (
          <p className="text-muted">No NPI bills under this Tax ID.</p>
        ) : (
          <ul className="space-y-2">
            {npis.map((npi) => (
              <li key={npi.npi}>
                <span className="font-mono font-semibold">{npi.npi}</span> · {npi.name} ({npi.type === "organization" ? "organization" : "individual"})
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="people-heading" title="Delegates and users in the portal">
        {members.length === 0 ? (
          <p className="text-muted">Nobody: this Tax ID is not registered in the portal.</p>
        ) : (
          <ul className="space-y-3">
            {members.map((member) => (
              <li key={member.userId} className={card}>
                <p className="font-semibold">
                  {member.firstName} {member.lastName} <StatusBadge tone={member.role === "delegate" ? "info" : "muted"}>{member.role === "delegate" ? "Delegate" : "User"}</StatusBadge>
                  {member.accountStatus === "deactivated" ? <StatusBadge tone="danger">Deactivated</StatusBadge> : null}
                </p>
                <p className="break-all text-sm">{member.email}</p>
                <p className="text-sm text-muted">Since {formatDate(member.joinedAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="requests-heading" title="Open billing requests">
        {openRequests.length === 0 ? (
          <p className="text-muted">None waiting for an answer.</p>
        ) : (
          <ul className="space-y-3">
            {openRequests.map((request) => (
              <li key={request.id} className={card}>
                <p className="font-semibold">
                  {request.billingOrganization ?? "A billing organization"} <span className="font-normal text-muted">(Tax ID {formatTaxId(request.billingTaxId)})</span>
                </p>
                <p className="text-sm">
                  Asks {request.contactName} <span className="break-all">({request.contactEmail})</span> for {request.allNpis ? "the whole Tax ID" : `NPIs ${(request.npis ?? []).join(", ")}`}
                </p>
                <p className="text-sm text-muted">
                  Requested {formatDate(request.createdAt)} · waits until {formatDate(request.expiresAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="trail-heading" title="Audit trail of grants">
        {grantTrail.length === 0 ? (
          <p className="text-muted">No grant for this Tax ID yet.</p>
        ) : (
          <ol className="space-y-2">
            {grantTrail.map((event) => (
              <li key={event.id} className="border-l-4 border-line pl-3">
                <p>
                  <time dateTime={event.occurredAt.toISOString()} className="font-semibold">
                    {formatDateTime(event.occurredAt)}
                  </time>{" "}
                  · {describeGrantEvent(event)}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}
