import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { env } from "@/lib/env";

export default function DevLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader payerName={env().PAYER_NAME}>
        <span className="rounded bg-warning-soft px-2 py-1 text-sm font-semibold text-warning">Development tools</span>
      </SiteHeader>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
