import Link from "next/link";
import type { ReactNode } from "react";

/** The bar at the top of every page: the portal's name, then navigation or the signed-in person. */
export function SiteHeader({ payerName, children }: { payerName: string; children?: ReactNode }) {
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-brand no-underline">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-8 w-8">
            <rect width="32" height="32" rx="6" fill="currentColor" />
            <path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="#fff" />
          </svg>
          <span>
            {payerName} <span className="font-semibold text-ink">Provider Portal</span>
          </span>
        </Link>
        {children}
      </div>
    </header>
  );
}

export function SiteFooter({ payerName }: { payerName: string }) {
  return (
    <footer className="mt-auto border-t border-line bg-surface">
      <div className="mx-auto max-w-5xl px-4 py-4 text-sm text-muted">
        The {payerName} Provider Portal gives access to members&apos; protected health information. Each person needs an account in
        their own name; sharing accounts is not allowed.
      </div>
    </footer>
  );
}

/** The page's main region: the skip link's target. */
export function SiteMain({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
      {children}
    </main>
  );
}
