import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteHeader, SiteMain } from "@/components/site-header";
import { env } from "@/lib/env";

export default async function DevLayout({ children }: { children: ReactNode }) {
  // The mailbox reads the outbox (and answers 404 outside development and demo sites) at request time.
  await connection();
  return (
    <>
      <SiteHeader payerName={env().PAYER_NAME}>
        <span className="rounded bg-warning-soft px-2 py-1 text-sm font-semibold text-warning">Development tools</span>
      </SiteHeader>
      <SiteMain>{children}</SiteMain>
    </>
  );
}
