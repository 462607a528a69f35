import Link from "next/link";

/** Why a billing delegate's choices are limited, and where to widen them. */
export function BillingAccessNote({ hasProviders, inviting = false }: { hasProviders: boolean; inviting?: boolean }) {
  return (
    <div className="space-y-2 text-ink">
      <p>
        Your organization can give access only to the providers that approved it. To add a provider, request access in{" "}
        <Link href="/access">Tax ID &amp; NPI access</Link>.
      </p>
      {!hasProviders ? (
        <p className="text-muted">No provider has approved your organization yet.{inviting ? " You can add this person now and give them access once a provider approves." : ""}</p>
      ) : inviting ? (
        <p className="text-muted">Tick none to add them without provider access: you can give it later from their page.</p>
      ) : null}
    </div>
  );
}
