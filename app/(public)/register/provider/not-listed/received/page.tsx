import type { Metadata } from "next";
import { FindMyDelegateLink } from "@/components/registration/find-my-delegate-link";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { formatCaseNumber } from "@/lib/cases/open-case";

export const metadata: Metadata = { title: "Request received" };

/** After "My provider is not listed": the case number (from the redirect; it reveals nothing on its own). */
export default async function NotListedReceivedPage({ searchParams }: { searchParams: Promise<{ case?: string }> }) {
  const { case: number } = await searchParams;
  const caseNumber = number && /^\d{1,12}$/.test(number) ? formatCaseNumber(Number(number)) : null;
  return (
    <>
      <PageHeading title="A representative will contact you" lead="We received your request. We've also sent it to you by email." />
      <div className="max-w-2xl space-y-6">
        {caseNumber ? (
          <Notice tone="success" title={`Your case number is ${caseNumber}`}>
            Please have it ready when a representative calls, usually within two business days.
          </Notice>
        ) : (
          <Notice tone="info" title="Your request was sent">
            Your case number is in the email we sent you.
          </Notice>
        )}
        <p className="text-ink">
          If the email doesn&apos;t arrive within a few minutes, check your junk folder. You don&apos;t need to send the form again.
        </p>
        <FindMyDelegateLink />
        <ButtonLink href="/" variant="secondary">
          Back to the home page
        </ButtonLink>
      </div>
    </>
  );
}
