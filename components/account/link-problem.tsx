import Link from "next/link";
import { Notice } from "@/components/ui/notice";

const TITLES = {
  expired: "This link has expired",
  used: "This link has already been used",
  invalid: "This link isn't valid",
} as const;

export type LinkProblemReason = keyof typeof TITLES;

/** A link from an email that can't be used any more: what happened, and the way forward. */
export function LinkProblem({ reason, children, role }: { reason: LinkProblemReason; children: React.ReactNode; role?: "alert" }) {
  return (
    <Notice tone="danger" title={TITLES[reason]} role={role}>
      {children}
    </Notice>
  );
}

/** The way forward from a reset link that can't be used. */
export function ResetLinkProblem({ reason, role }: { reason: LinkProblemReason; role?: "alert" }) {
  return (
    <div className="space-y-4">
      <LinkProblem reason={reason} role={role}>
        <p>
          {reason === "expired"
            ? "Links to choose a new password work for 1 hour."
            : reason === "used"
              ? "Each link works once. If you already chose a new password, sign in with it."
              : "Copy the whole link from the email into your browser, or ask for a new one."}
        </p>
      </LinkProblem>
      <p className="flex flex-wrap gap-6">
        <Link href="/signin/forgot" className="font-semibold">
          Send a new link
        </Link>
        <Link href="/signin">Go to sign in</Link>
      </p>
    </div>
  );
}
