import type { Metadata } from "next";
import { SettingsBreadcrumb } from "@/components/account/settings-breadcrumb";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { StatusBadge } from "@/components/ui/status-badge";
import { openSessionsOf } from "@/lib/account/sessions";
import { requireUser } from "@/lib/auth/dal";
import { formatDateTime } from "@/lib/format";
import { endOtherSessionsAction, endSessionAction } from "../actions";
import { EndSessionButton } from "./end-session-button";

export const metadata: Metadata = { title: "Where you're signed in" };

function endedMessage(params: Record<string, string | string[] | undefined>): string | null {
  if (params.ended === "1") return "That device has been signed out.";
  const others = Number(params.endedOthers);
  if (typeof params.endedOthers === "string" && Number.isInteger(others) && others >= 0) {
    return others === 0 ? "You weren't signed in anywhere else." : `Signed out everywhere else (${others === 1 ? "1 device" : `${others} devices`}).`;
  }
  return null;
}

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/account/sessions");
  const [params, sessions] = await Promise.all([searchParams, openSessionsOf(user)]);
  const message = endedMessage(params);
  const others = sessions.filter((session) => !session.current).length;
  return (
    <div className="max-w-3xl">
      <SettingsBreadcrumb current="Where you're signed in" />
      <PageHeading
        title="Where you're signed in"
        lead="Each browser you signed in with. If you don't recognize one, sign it out and change your password."
      />
      {message ? (
        <FocusOnArrival className="mb-6">
          <Notice tone="success" title={message} />
        </FocusOnArrival>
      ) : null}
      <ul className="space-y-4">
        {sessions.map((session) => (
          <li key={session.id} className="rounded-lg border border-line bg-surface p-5 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h2 className="flex flex-wrap items-center gap-3 text-lg font-semibold text-ink">
                  {session.device}
                  {session.current ? <StatusBadge tone="info">This device</StatusBadge> : null}
                </h2>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-semibold">Address</dt>
                  <dd>{session.clientAddress ?? "Unknown"}</dd>
                  <dt className="font-semibold">Signed in</dt>
                  <dd>{formatDateTime(session.startedAt)}</dd>
                  <dt className="font-semibold">Last active</dt>
                  <dd>{session.current ? "Now" : formatDateTime(session.lastSeenAt)}</dd>
                </dl>
              </div>
              <EndSessionButton
                action={endSessionAction}
                sessionId={session.id}
                label={session.current ? "Sign out of this device" : "Sign out"}
                accessibleLabel={session.current ? undefined : `Sign out ${session.device}, last active ${formatDateTime(session.lastSeenAt)}`}
              />
            </div>
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <div className="mt-6">
          <EndSessionButton action={endOtherSessionsAction} label="Sign out everywhere else" primary />
        </div>
      ) : null}
    </div>
  );
}
