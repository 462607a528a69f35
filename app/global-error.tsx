"use client";

import "./globals.css";

/** Last resort, when even the root layout fails (e.g. the configuration or database is unavailable). */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="mx-auto max-w-2xl px-4 py-16">
          <h1 className="text-3xl font-bold">Sorry, the portal is unavailable right now</h1>
          <p className="mt-4 text-lg">Please try again in a few minutes. Nothing you saved is lost.</p>
          {error.digest ? <p className="mt-2 text-sm">Reference: {error.digest}</p> : null}
          <p className="mt-6">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the root layout failed: a full page load, not a client-side navigation, is what can recover */}
            <a href="/">Try again</a>
          </p>
        </main>
      </body>
    </html>
  );
}
