import Link from "next/link";

/**
 * "Not sure if your organization is registered?": on every registration page, so that someone
 * whose organization already has a delegate asks them for an account instead of registering again.
 */
export function FindMyDelegateLink({ className = "" }: { className?: string }) {
  return (
    <p className={`text-ink ${className}`.trim()}>
      Not sure if your organization is registered?{" "}
      <Link href="/findmydelegate" className="font-semibold">
        Find my delegate
      </Link>
    </p>
  );
}
