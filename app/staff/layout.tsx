import type { Metadata } from "next";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/(portal)/actions";
import { SiteFooter, SiteHeader, SiteMain } from "@/components/site-header";
import { StaffNav } from "@/components/staff/staff-nav";
import { requireStaff } from "@/lib/auth/dal";
import { env } from "@/lib/env";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The representatives' console: staff only (404 for everyone else, visitors included; see requireStaff). */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const { PAYER_NAME } = env();
  const user = await requireStaff("/staff");
  return (
    <>
      <SiteHeader payerName={PAYER_NAME}>
        <div className="flex flex-wrap items-center gap-4">
          <StaffNav />
          <span className="text-sm text-muted">
            Representative{" "}
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
