import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { currentUser } from "@/lib/auth/dal";
import { invitationForLink } from "@/lib/invitations/invitation-view";
import { acceptAsNewAccountAction, acceptAsSignedInAction } from "./actions";
import { AcceptNewAccountForm, AcceptSignedInForm } from "./accept-forms";

// The link's token is in this page's address: never send it on to another site.
export const metadata: Metadata = { title: "Your invitation", referrer: "no-referrer" };

const CLOSED = {
  invalid: { title: "This invitation link isn't valid", body: "Open the link from the newest invitation email again, or copy the whole link into your browser. If it still doesn't work, ask the person who invited you to send it again." },
  expired: { title: "This invitation has expired", body: "Invitation links work for 7 days. Ask the person who invited you to send it again from their Users page." },
  used: { title: "This invitation has already been used", body: "Sign in with your email address and password." },
  cancelled: { title: "This invitation was cancelled", body: "Ask the person who invited you if you still need access." },
} as const;

export default async function InvitationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  if (typeof token !== "string" || token.length === 0) {
    return <Closed reason="invalid" />;
  }
  const found = await invitationForLink(token);
  if (!found.ok) return <Closed reason={found.reason} />;
  const { view } = found;
  const me = await currentUser();
  const here = `/invitation?token=${encodeURIComponent(token)}`;

  return (
    <div className="max-w-2xl">
      <PageHeading title="Your invitation to the provider portal" lead={`${view.inviterName} invited you, ${view.firstName} ${view.lastName}, to use the portal.`} />
      <section aria-labelledby="invited-to" className="mb-6 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <h2 id="invited-to" className="text-xl font-semibold text-ink">
          What you&apos;ll be able to see
        </h2>
        {view.billingOrganization ? (
          <p className="mt-2">
            You&apos;ll join the billing organization <strong>{view.billingOrganization}</strong>.{" "}
            {view.access.length === 0 ? "No provider yet: your delegate gives you access to a provider once it approves your organization." : "Providers:"}
          </p>
        ) : null}
        <ul className="mt-2 space-y-2">
          {view.access.map((item) => (
            <li key={item.organization}>
              <span className="font-semibold">{item.organization}</span>: {item.npis.join(", ")}
            </li>
          ))}
        </ul>
        <p className="mt-3">
          Role: <strong>{view.role === "delegate" ? "Delegate (you can add and remove users)" : "User"}</strong>
        </p>
        <p className="mt-1 break-all text-sm text-muted">For {view.email}</p>
      </section>

      {!view.hasAccount ? (
        <>
          <h2 className="mb-2 text-xl font-semibold text-ink">Create your account</h2>
          <p className="mb-4">
            Enter <strong>your own</strong> details: accounts can&apos;t be shared. Your email address is <span className="break-all">{view.email}</span>; you&apos;ll use it to sign in.
          </p>
          <AcceptNewAccountForm action={acceptAsNewAccountAction} token={token} firstName={view.firstName} lastName={view.lastName} />
        </>
      ) : me && me.email === view.email ? (
        <AcceptSignedInForm action={acceptAsSignedInAction} token={token} />
      ) : me ? (
        <Notice tone="warning" title={`You're signed in as ${me.email}`}>
          <p>This invitation is for {view.email}. Sign out, then open this link again and sign in with that address.</p>
        </Notice>
      ) : (
        <Notice tone="info" title="You already have an account">
          <p className="mb-3">Sign in with {view.email} to accept. We&apos;ll bring you back here.</p>
          <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>Sign in to accept</ButtonLink>
        </Notice>
      )}
    </div>
  );
}

function Closed({ reason }: { reason: keyof typeof CLOSED }) {
  return (
    <div className="max-w-2xl">
      <PageHeading title="Your invitation to the provider portal" />
      <Notice tone={reason === "used" ? "info" : "danger"} title={CLOSED[reason].title}>
        <p>{CLOSED[reason].body}</p>
        {reason === "used" ? (
          <p className="mt-2">
            <Link href="/signin">Sign in</Link>
          </p>
        ) : null}
      </Notice>
    </div>
  );
}
