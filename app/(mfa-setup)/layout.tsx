import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader, SiteMain } from "@/components/site-header";
import { SignOutButton } from "@/components/mfa/sign-out-button";
import { signOutAction } from "@/app/(portal)/actions";
import { requireEnrollingUser } from "@/lib/auth/dal";
import { env } from "@/lib/env";

/**
 * Pages a person reaches after the password when their account must set up a second step first:
 * no portal navigation (the portal stays closed until a factor is set up), only signing out.
 */
export default async function SecondStepSetupLayout({ children }: { children: ReactNode }) {
  await connection();
  const { PAYER_NAME } = env();
  await requireEnrollingUser();
  return (
    <>
      <SiteHeader payerName={PAYER_NAME}>
        <SignOutButton action={signOutAction} />
      </SiteHeader>
      <SiteMain>{children}</SiteMain>
      <SiteFooter payerName={PAYER_NAME} />
    </>
  );
}
