import Link from "next/link";

/**
 * "My provider is not listed": offered wherever a registrant identifies the provider, so that
 * someone whose practice we have no record of (or whose details don't match) has a way forward.
 */
export function NotListedLink({ className = "" }: { className?: string }) {
  return (
    <p className={`text-ink ${className}`.trim()}>
      Can&apos;t find your practice, or your details don&apos;t match our records?{" "}
      <Link href="/register/provider/not-listed" className="font-semibold">
        My provider is not listed
      </Link>
    </p>
  );
}
