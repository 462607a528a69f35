import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/demo-banner";
import { builtSite } from "@/lib/site";
import "./globals.css";

// The payer's name and demo mode are the build's (lib/site.ts): nothing here reads the request,
// so the public pages prerender; signed-in pages are dynamic through their own layouts.
const { payerName, demoMode } = builtSite();

export const metadata: Metadata = {
  title: { default: `${payerName} Provider Portal`, template: `%s | ${payerName} Provider Portal` },
  description: `Register and manage access to the ${payerName} provider portal.`,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen flex flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-surface focus:px-4 focus:py-2 focus:text-ink focus:shadow"
        >
          Skip to main content
        </a>
        {demoMode ? <DemoBanner /> : null}
        {children}
      </body>
    </html>
  );
}
