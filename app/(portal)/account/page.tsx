import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { openSessionsOf } from "@/lib/account/sessions";
import { accountSettingsOf } from "@/lib/account/settings-view";
import { requireUser } from "@/lib/auth/dal";
import { formatDate } from "@/lib/format";
import { formatPhone } from "@/lib/validation";

export const metadata: Metadata = { title: "Account settings" };

const SAVED: Record<string, { title: string; body?: string }> = {
  contact: { title: "Your contact details are saved." },
  password: { title: "Your password has been changed.", body: "You are still signed in here, and signed out on your other devices. We've emailed you about the change." },
  email: {
    title: "Check the inbox of your new email address.",
    body: "We've sent it a link to confirm the change (it works for 24 hours). Until you open it, keep signing in with your current address.",
  },
};

function Section({ title, children, action }: { title: string; children: ReactNode; action: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-line bg-surface p-5 shadow-sm">
      <h2 className="text-xl font-semibold text-ink">{title}</h2>
      <div className="mt-2">{children}</div>
      <p className="mt-4">{action}</p>
    </section>
  );
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/account");
  const [{ saved }, account, sessions] = await Promise.all([searchParams, accountSettingsOf(user.userId), openSessionsOf(user)]);
  const notice = typeof saved === "string" ? SAVED[saved] : undefined;
  const others = sessions.filter((session) => !session.current).length;
  return (
    <div className="max-w-3xl">
      <PageHeading title="Account settings" lead="Your contact details, how you sign in, and where you are signed in." />
      {notice ? (
        <FocusOnArrival className="mb-6">
          <Notice tone="success" title={notice.title}>
            {notice.body ? <p>{notice.body}</p> : null}
          </Notice>
        </FocusOnArrival>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Section title="Contact details" action={<Link href="/account/contact">Change contact details</Link>}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">Name</dt>
            <dd>
              {account.firstName} {account.lastName}
            </dd>
            <dt className="font-semibold">Work phone</dt>
            <dd>{formatPhone(account.phone)}</dd>
          </dl>
        </Section>
        <Section title="Email address" action={<Link href="/account/email">Change email address</Link>}>
          <p className="break-all">{account.email}</p>
          <p className="text-sm text-muted">You sign in with this address, and we email you here.</p>
        </Section>
        <Section title="Password" action={<Link href="/account/password">Change password</Link>}>
          <p>Last changed {formatDate(account.passwordChangedAt)}.</p>
        </Section>
        <Section title="Two-step sign-in" action={<Link href="/account/security" prefetch={false}>
              Two-step sign-in
            </Link>}>
          <p>An authenticator app or a passkey, in addition to your password.</p>
        </Section>
        <Section title="Where you're signed in" action={<Link href="/account/sessions">See where you&apos;re signed in</Link>}>
          <p>{others === 0 ? "Only on this device." : `On this device and ${others === 1 ? "1 other" : `${others} others`}.`}</p>
        </Section>
      </div>
    </div>
  );
}
