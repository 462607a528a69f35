import Link from "next/link";
import { LinkProblem } from "@/components/account/link-problem";
import { Notice } from "@/components/ui/notice";

export type EmailChangeProblemReason = "expired" | "used" | "invalid" | "unavailable";

/** Why an email-change link can't be used, and what to do: ask again from account settings. */
export function EmailChangeProblem({ reason, role }: { reason: EmailChangeProblemReason; role?: "alert" }) {
  return (
    <div className="space-y-4">
      {reason === "unavailable" ? (
        <Notice tone="danger" title="We couldn't change your email to this address" role={role}>
          <p>It can&apos;t be used for your account. Your email address has not changed: choose another one in account settings.</p>
        </Notice>
      ) : (
        <LinkProblem reason={reason} role={role}>
          <p>
            {reason === "expired"
              ? "Links to confirm a new email address work for 24 hours. Your email address has not changed."
              : reason === "used"
                ? "Each link works once. If you already confirmed the new address, sign in with it."
                : "Copy the whole link from the email into your browser, or ask for a new one."}
          </p>
        </LinkProblem>
      )}
      <p className="flex flex-wrap gap-6">
        <Link href="/account/email" className="font-semibold">
          Change your email again
        </Link>
        <Link href="/signin">Go to sign in</Link>
      </p>
    </div>
  );
}
