import Link from "next/link";
import type { ReactNode } from "react";
import { AccountLinks } from "@/components/site/account-links";
import { SiteFooter, SiteHeader, SiteMain } from "@/components/site-header";

/**
 * The public site's header (Help and the account links), main region and footer: the public
 * pages' layout and the "page not found" page. It reads nothing of the request (the account links
 * decide in the browser), so the pages inside it can be prerendered static shells.
 */
export function PublicFrame({ payerName, signOutAction, children }: { payerName: string; signOutAction: () => Promise<void>; children: ReactNode }) {
  return (
    <>
      <SiteHeader payerName={payerName}>
        <nav aria-label="Account">
          <ul className="flex flex-wrap items-center gap-4">
            <li>
              <Link href="/help" className="font-semibold">
                Help
              </Link>
            </li>
            <AccountLinks signOutAction={signOutAction} />
          </ul>
        </nav>
      </SiteHeader>
      <SiteMain>{children}</SiteMain>
      <SiteFooter payerName={payerName} />
    </>
  );
}
