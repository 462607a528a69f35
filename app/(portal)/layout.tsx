import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/mfa/sign-out-button";
import { SiteFooter, SiteHeader, SiteMain } from "@/components/site-header";
import { PinLetterPanel } from "@/components/pin-letters/pin-letter-panel";
import { currentSession, currentUser, delegateMemberships, pinLettersOf, requireUser } from "@/lib/auth/dal";
import { env } from "@/lib/env";
import { signOutAction } from "./actions";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // Signed-in pages are the person's own: rendered for each request, never prerendered.
  await connection();
  const { PAYER_NAME, PAYER_PHONE } = env();
  // A session that still owes the second step gets nothing of the portal from this layout: the
  // page's own requireUser(itsPath) sends it on, keeping where it was going (a layout can't know).
  if ((await currentSession()) && !(await currentUser())) {
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
  const user = await requireUser();
  // Registered by US Mail and nothing proved yet: whatever URL was opened, only the PIN page
  // shows (no navigation), so the portal stays closed until the letter's PIN is entered.
  const [pin, delegateOf] = await Promise.all([pinLettersOf(user.userId), delegateMemberships(user.userId)]);
  const gated = pin.gated ? pin.letters : null;
  const isDelegate = delegateOf.length > 0;
  return (
    <>
      <SiteHeader payerName={PAYER_NAME}>
        <div className="flex flex-wrap items-center gap-4">
          {gated ? null : (
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
                <li>
                  <Link href="/account" className="font-semibold">
                    Account settings
                  </Link>
                </li>
                <li>
                  <Link href="/help" className="font-semibold">
                    Help
                  </Link>
                </li>
              </ul>
            </nav>
          )}
          <span className="text-sm text-muted">
            Signed in as{" "}
            <span className="font-semibold text-ink">
              {user.firstName} {user.lastName}
            </span>
          </span>
          <SignOutButton action={signOutAction} />
        </div>
      </SiteHeader>
      <SiteMain>
        {gated ? (
          <div className="space-y-12">
            {gated.map((letter, index) => (
              <PinLetterPanel key={letter.grantId} letter={letter} payerPhone={PAYER_PHONE} headingLevel={index === 0 ? 1 : 2} />
            ))}
          </div>
        ) : (
          children
        )}
      </SiteMain>
      <SiteFooter payerName={PAYER_NAME} />
    </>
  );
}
