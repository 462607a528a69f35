import Link from "next/link";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader, SiteMain } from "@/components/site-header";
import { delegateMemberships, requireUser } from "@/lib/auth/dal";
import { env } from "@/lib/env";
import { signOutAction } from "./actions";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { PAYER_NAME } = env();
  const user = await requireUser();
  const isDelegate = (await delegateMemberships(user.userId)).length > 0;
  return (
    <>
      <SiteHeader payerName={PAYER_NAME}>
        <div className="flex flex-wrap items-center gap-4">
          <nav aria-label="Portal">
            <ul className="flex items-center gap-4">
              <li>
                <Link href="/access" className="font-semibold">
                  Tax ID &amp; NPI access
                </Link>
              </li>
              {isDelegate ? (
                <li>
                  <Link href="/users" className="font-semibold">
                    Users
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
          <span className="text-sm text-muted">
            Signed in as{" "}
            <span className="font-semibold text-ink">
              {user.firstName} {user.lastName}
            </span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-line px-3 py-1.5 text-sm font-semibold text-ink hover:border-brand hover:text-brand">
              Sign out
            </button>
          </form>
        </div>
      </SiteHeader>
      <SiteMain>{children}</SiteMain>
      <SiteFooter payerName={PAYER_NAME} />
    </>
  );
}
