import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/demo-banner";
import { env } from "@/lib/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { PAYER_NAME } = env();
  return {
    title: { default: `${PAYER_NAME} Provider Portal`, template: `%s | ${PAYER_NAME} Provider Portal` },
    description: `Register and manage access to the ${PAYER_NAME} provider portal.`,
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page reads runtime configuration (the payer's name) or the session: render at request time.
  await connection();
  const { demoMode } = env();
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
