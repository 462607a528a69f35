import Link from "next/link";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader, SiteMain } from "@/components/site-header";
import { currentUser } from "@/lib/auth/dal";
import { env } from "@/lib/env";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const { PAYER_NAME } = env();
  const user = await currentUser();
  return (
    <>
      <SiteHeader payerName={PAYER_NAME}>
        <nav aria-label="Account">
          <ul className="flex items-center gap-4">
            <li>
              <Link href="/help" className="font-semibold">
                Help
              </Link>
            </li>
            {user ? (
              <li>
                <Link href="/access" className="font-semibold">
                  Go to Tax ID &amp; NPI access
                </Link>
              </li>
            ) : (
              <>
                <li>
                  <Link href="/signin" className="font-semibold">
                    Sign in
                  </Link>
                </li>
                <li>
                  <Link href="/register" className="font-semibold">
                    Register
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </SiteHeader>
      <SiteMain>{children}</SiteMain>
      <SiteFooter payerName={PAYER_NAME} />
    </>
  );
}
