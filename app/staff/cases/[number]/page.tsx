import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireStaff } from "@/lib/auth/dal";
import { formatCaseNumber } from "@/lib/cases/open-case";
import { formatDateTime } from "@/lib/format";
import { loadCaseView, parseCaseNumber } from "@/lib/staff/cases/case-view";
import { caseStatusLabels, caseStatusTones, caseTypeLabels, describeAgo, detailLabels } from "@/lib/staff/cases/labels";
import { formatTaxId } from "@/lib/validation";
import { formatPhone } from "@/lib/validation/person";
import { addNoteAction, assignToMeAction, deactivateDelegateAction, grantAccessAction, replyAction, resolveAction } from "./actions";
import { CaseButtonForm, CaseTextForm, DeactivateDelegateForm } from "./case-forms";

export const metadata: Metadata = { title: "Case" };

const eventLabels = { opened: "Opened", note: "Note", status_changed: "Status", assigned: "Assigned", email_sent: "Email sent", linked: "Linked" } as const;
// Emails and long words wrap anywhere, so a phone never scrolls sideways.
/** Codes kept for the machine that have a readable twin (reason → reasonLabel). */
const HIDDEN_DETAILS = new Set(["reason"]);
const sectionClasses = "min-w-0 rounded-lg border border-line bg-surface p-5 shadow-sm [overflow-wrap:anywhere]";

export default async function CasePage({ params }: { params: Promise<{ number: string }> }) {
  const { number: raw } = await params;
  const user = await requireStaff(`/staff/cases/${encodeURIComponent(raw)}`);
  const caseNumber = parseCaseNumber(raw);
  const view = caseNumber ? await loadCaseView(caseNumber) : null;
  if (!view) notFound();
  const { record, events, departed, grant } = view;
  const now = new Date();
  const label = formatCaseNumber(record.number);
  const resolved = record.status === "resolved";
  const assignedToMe = record.assignedToUserId === user.userId;
  // Shown in the form's order (jsonb keeps its own key order), fields we have no label for last.
  const order = Object.keys(detailLabels);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const details = Object.entries(record.details)
    .filter(([key, value]) => value !== null && value !== "" && !HIDDEN_DETAILS.has(key))
    .sort(([a], [b]) => rank(a) - rank(b));

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/staff/cases">Cases</Link> <span aria-hidden="true">›</span> <span aria-current="page">{label}</span>
      </nav>
      <PageHeading eyebrow={caseTypeLabels[record.type]} title={`Case ${label}`} />

      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="summary-heading" className={sectionClasses}>
            <h2 id="summary-heading" className="text-xl font-semibold text-ink">
              Summary
            </h2>
            <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold">Status</dt>
              <dd>
                <StatusBadge tone={caseStatusTones[record.status]}>{caseStatusLabels[record.status]}</StatusBadge>
              </dd>
              <dt className="font-semibold">Opened</dt>
              <dd>
                {formatDateTime(record.createdAt)} ({describeAgo(record.createdAt, now)})
              </dd>
              {record.resolvedAt ? (
                <>
                  <dt className="font-semibold">Resolved</dt>
                  <dd>{formatDateTime(record.resolvedAt)}</dd>
                </>
              ) : null}
              <dt className="font-semibold">Assigned to</dt>
              <dd>{record.assigneeFirstName ? `${record.assigneeFirstName} ${record.assigneeLastName}${assignedToMe ? " (you)" : ""}` : "Nobody yet"}</dd>
              <dt className="font-semibold">Tax ID</dt>
              <dd>{record.taxId ? formatTaxId(record.taxId) : "None given"}</dd>
              {record.npi ? (
                <>
                  <dt className="font-semibold">NPI</dt>
                  <dd>{record.npi}</dd>
                </>
              ) : null}
              {view.relatedCaseNumber ? (
                <>
                  <dt className="font-semibold">Related case</dt>
                  <dd>
                    <Link href={`/staff/cases/${view.relatedCaseNumber}`}>{formatCaseNumber(view.relatedCaseNumber)}</Link>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>

          <section aria-labelledby="asker-heading" className={sectionClasses}>
            <h2 id="asker-heading" className="text-xl font-semibold text-ink">
              Who asked
            </h2>
            <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold">Name</dt>
              <dd>{record.contactName}</dd>
              <dt className="font-semibold">Email</dt>
              <dd className="break-all">{record.contactEmail}</dd>
              <dt className="font-semibold">Phone</dt>
              <dd>{record.contactPhone ? formatPhone(record.contactPhone) : "None given"}</dd>
              <dt className="font-semibold">Portal account</dt>
              <dd>{record.requesterUserId ? "Yes: the case is tied to their account" : "Not signed in (a public form)"}</dd>
            </dl>
          </section>

          <section aria-labelledby="details-heading" className={sectionClasses}>
            <h2 id="details-heading" className="text-xl font-semibold text-ink">
              As submitted
            </h2>
            <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
              {details.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="font-semibold">{detailLabels[key] ?? key}</dt>
                  <dd className="whitespace-pre-wrap break-words">{value}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="history-heading" className={sectionClasses}>
            <h2 id="history-heading" className="text-xl font-semibold text-ink">
              History
            </h2>
            <ol className="mt-3 space-y-4">
              {events.map((event) => (
                <li key={event.id} className="border-l-4 border-line pl-4">
                  <p className="text-sm text-muted">
                    <span className="font-semibold text-ink">{eventLabels[event.kind]}</span> · <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt)}</time>
                    {event.actorFirstName ? ` · ${event.actorFirstName} ${event.actorLastName}${event.actorType === "staff" ? " (representative)" : ""}` : ""}
                  </p>
                  {event.body ? <p className="mt-1 whitespace-pre-wrap break-words text-ink">{event.body}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <div className="min-w-0 space-y-6">
          {!resolved ? (
            <section aria-labelledby="assign-heading" className={sectionClasses}>
              <h2 id="assign-heading" className="text-xl font-semibold text-ink">
                Assign
              </h2>
              {/* Present before and after assigning, so the change is announced where focus was. */}
              <p role="status" className="mt-1 text-muted">
                {assignedToMe ? "The case is assigned to you." : record.assigneeFirstName ? `Take it over from ${record.assigneeFirstName} ${record.assigneeLastName}.` : "Nobody is working on this case."}
              </p>
              {assignedToMe ? null : (
                <div className="mt-3">
                  <CaseButtonForm action={assignToMeAction.bind(null, record.number)} label="Assign to me" pendingLabel="Assigning…" />
                </div>
              )}
            </section>
          ) : null}

          {departed && !resolved ? (
            <section aria-labelledby="departed-heading" className={sectionClasses}>
              <h2 id="departed-heading" className="text-xl font-semibold text-ink">
                Deactivate the old delegate
              </h2>
              {departed.oldDelegates.length === 0 ? (
                <p className="mt-1">This Tax ID has no other delegate now: nothing to deactivate.</p>
              ) : !departed.registrantIsDelegate ? (
                <p className="mt-1">{record.contactName} is not an active delegate of this Tax ID (their email may not be confirmed yet): the Tax ID would be left without one.</p>
              ) : (
                <div className="mt-2">
                  <DeactivateDelegateForm
                    action={deactivateDelegateAction.bind(null, record.number)}
                    delegates={departed.oldDelegates.map((delegate) => ({ userId: delegate.userId, name: `${delegate.firstName} ${delegate.lastName}`, email: delegate.email }))}
                  />
                </div>
              )}
            </section>
          ) : null}

          {grant && !resolved ? (
            <section aria-labelledby="grant-heading" className={sectionClasses}>
              <h2 id="grant-heading" className="text-xl font-semibold text-ink">
                Grant access to this Tax ID
              </h2>
              {!grant.account ? (
                <p className="mt-1">{record.contactName} has no portal account with {record.contactEmail}. Once they have one, you can grant access here.</p>
              ) : !grant.recordName ? (
                <p className="mt-1">Tax ID {record.taxId ? formatTaxId(record.taxId) : ""} is not in the health plan&apos;s records. Once it is, you can grant access here.</p>
              ) : grant.hasAccess ? (
                <p className="mt-1">
                  {grant.account.firstName} {grant.account.lastName} has access to {grant.recordName}.
                </p>
              ) : (
                <CaseButtonForm action={grantAccessAction.bind(null, record.number)} label="Grant access" pendingLabel="Granting…">
                  <p className="mb-3 mt-1">
                    After checking that {grant.account.firstName} {grant.account.lastName} ({grant.account.email}) works for {grant.recordName}: give them access to all its NPIs as{" "}
                    {grant.role === "delegate" ? "its delegate (it has none)" : "a user (it has a delegate)"}.
                  </p>
                </CaseButtonForm>
              )}
            </section>
          ) : null}

          <section aria-labelledby="reply-heading" className={sectionClasses}>
            <h2 id="reply-heading" className="text-xl font-semibold text-ink">
              Reply by email
            </h2>
            <div className="mt-2">
              <CaseTextForm
                action={replyAction.bind(null, record.number)}
                name="message"
                label={`Message to ${record.contactName}`}
                hint={`Emailed to ${record.contactEmail} with the case number, signed with your first name. Never ask for a password or a PIN.`}
                submitLabel="Send reply"
                pendingLabel="Sending…"
                rows={5}
              />
            </div>
          </section>

          <section aria-labelledby="note-heading" className={sectionClasses}>
            <h2 id="note-heading" className="text-xl font-semibold text-ink">
              Add a note
            </h2>
            <div className="mt-2">
              <CaseTextForm action={addNoteAction.bind(null, record.number)} name="body" label="Note" hint="For representatives only: the person never sees it." submitLabel="Add note" pendingLabel="Adding…" rows={3} />
            </div>
          </section>

          {!resolved ? (
            <section aria-labelledby="resolve-heading" className={sectionClasses}>
              <h2 id="resolve-heading" className="text-xl font-semibold text-ink">
                Resolve
              </h2>
              <div className="mt-2">
                <CaseTextForm
                  action={resolveAction.bind(null, record.number)}
                  name="note"
                  label="Closing note (optional)"
                  hint="What was done, for the history."
                  submitLabel="Resolve case"
                  pendingLabel="Resolving…"
                  required={false}
                  rows={2}
                />
              </div>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
