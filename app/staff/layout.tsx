import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/(portal)/actions";
import { SignOutButton } from "@/components/mfa/sign-out-button";
import { SiteFooter, SiteHeader, SiteMain } from "@/components/site-header";
import { StaffNav } from "@/components/staff/staff-nav";
import { requireStaff } from "@/lib/auth/dal";
import { env } from "@/lib/env";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The representatives' console: staff only (404 for everyone else, visitors included; see requireStaff). */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await connection();
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
          <SignOutButton action={signOutAction} />
        </div>
      </SiteHeader>
      <SiteMain>{children}</SiteMain>
      <SiteFooter payerName={PAYER_NAME} />
    </>
  );
}
