import Link from "next/link";
import { signOutAction } from "@/app/(portal)/actions";
import { PublicFrame } from "@/components/site/public-frame";
import { builtSite } from "@/lib/site";

/** Any address the portal doesn't have (and pages that are not the caller's to see), in the public site's frame. */
export default function NotFound() {
  return (
    <PublicFrame payerName={builtSite().payerName} signOutAction={signOutAction}>
      <div className="max-w-2xl py-8">
        <h1 className="text-3xl font-bold">We can&apos;t find that page</h1>
        <p className="mt-4 text-lg text-muted">Check the address, or start again from the home page.</p>
        <p className="mt-6 flex flex-wrap gap-6">
          <Link href="/" className="font-semibold">
            Go to the home page
          </Link>
          <Link href="/help">Get help</Link>
        </p>
      </div>
    </PublicFrame>
  );
}
