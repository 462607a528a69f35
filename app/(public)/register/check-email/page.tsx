import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { VERIFICATION_HOURS } from "@/lib/auth/email-verification";
import { pendingRegistration } from "@/lib/registration/pending-registration";
import { resendConfirmationAction } from "./actions";
import { ResendForm } from "./resend-form";

export const metadata: Metadata = { title: "Check your email" };

/**
 * After registering: where the email went (the address this browser typed, from its signed
 * cookie: never looked up, so it says nothing of other accounts) and "Send it again".
 */
export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ by }, pending] = await Promise.all([searchParams, pendingRegistration()]);
  return (
    <div className="max-w-2xl">
      <PageHeading title="Check your email" lead="One more step: confirm your email address." />
      <Notice tone="success" title="We've sent you an email">
        <p>
          {pending ? (
            <>
              We sent a link to <strong className="wrap-anywhere">{pending.email}</strong>.
            </>
          ) : (
            "We sent a link to the work email address you entered."
          )}{" "}
          Open the email and choose <strong>Confirm my email address</strong>. Then you can sign in right away.
        </p>
      </Notice>
      {by === "mail" ? (
        <div className="mt-4">
          <Notice tone="info" title="Your PIN letter is on its way">
            <p>
              We mail a PIN to the practice&apos;s address on file; it usually takes a few business days to arrive. Until then you can sign
              in, but the portal only asks for the PIN. When the letter comes, sign in and enter it: the PIN works for 30 days.
            </p>
          </Notice>
        </div>
      ) : null}
      {by === "billing" ? (
        <div className="mt-4">
          <Notice tone="info" title="Next: ask your providers for access">
            <p>
              Once you&apos;ve confirmed your email, sign in and open <strong>Tax ID &amp; NPI access</strong>. Request access to each provider you
              bill for, naming a contact at the provider&apos;s office: they approve it by email, and you have access as soon as they do.
            </p>
          </Notice>
        </div>
      ) : null}
      <h2 className="mt-8 text-xl font-semibold">Didn&apos;t get the email?</h2>
      <ul className="mt-2 list-disc space-y-2 pl-5">
        <li>It can take a few minutes to arrive. Check your junk or spam folder too.</li>
        {pending ? (
          <li>
            Check the address above. If it isn&apos;t yours, <Link href="/help/contact">contact us</Link> and a representative will help.
          </li>
        ) : null}
        <li>The link works once and expires after {VERIFICATION_HOURS} hours.</li>
        <li>
          If the link has expired, <Link href="/signin">sign in</Link> with your email and password and we&apos;ll send you a new one.
        </li>
      </ul>
      {pending ? <ResendForm action={resendConfirmationAction} /> : null}
    </div>
  );
}
