import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { currentUser } from "@/lib/auth/dal";
import { formatCaseNumber } from "@/lib/cases/open-case";

export const metadata: Metadata = { title: "Message received" };

/** After Contact us: the case number (from the redirect; it reveals nothing on its own), given focus. */
export default async function ContactUsReceivedPage({ searchParams }: { searchParams: Promise<{ case?: string }> }) {
  const { case: number } = await searchParams;
  const caseNumber = number && /^\d{1,12}$/.test(number) ? formatCaseNumber(Number(number)) : null;
  const user = await currentUser();
  return (
    <>
      <PageHeading title="A representative will contact you" lead="We received your message. We've also sent you an email with your case number." />
      <div className="max-w-2xl space-y-6">
        <FocusOnArrival className="rounded-md outline-offset-4">
          {caseNumber ? (
            <Notice tone="success" title={`Your case number is ${caseNumber}`}>
              Please have it ready when a representative contacts you, usually within two business days.
            </Notice>
          ) : (
            <Notice tone="info" title="Your message was sent">
              Your case number is in the email we sent you.
            </Notice>
          )}
        </FocusOnArrival>
        <p className="text-ink">
          If the email doesn&apos;t arrive within a few minutes, check your junk folder. You don&apos;t need to send the form again.
        </p>
        <div className="flex flex-wrap gap-3">
          {user ? (
            <ButtonLink href="/help#your-cases" variant="secondary">
              See your cases
            </ButtonLink>
          ) : null}
          <ButtonLink href="/help" variant="secondary">
            Back to the Help Center
          </ButtonLink>
        </div>
      </div>
    </>
  );
}
