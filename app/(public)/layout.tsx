import Link from "next/link";
import type { ReactNode } from "react";
import { AccountLinks } from "@/components/site/account-links";
import { SiteFooter, SiteHeader, SiteMain } from "@/components/site-header";
import { builtSite } from "@/lib/site";

/**
 * The public pages' frame. It reads nothing of the request (the account links decide in the
 * browser), so pages that read nothing either are prerendered static shells.
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  const { payerName } = builtSite();
  return (
    <>
      <SiteHeader payerName={payerName}>
        <nav aria-label="Account">
          <ul className="flex items-center gap-4">
            <li>
              <Link href="/help" className="font-semibold">
                Help
              </Link>
            </li>
            <AccountLinks />
          </ul>
        </nav>
      </SiteHeader>
      <SiteMain>{children}</SiteMain>
      <SiteFooter payerName={payerName} />
    </>
  );
}
