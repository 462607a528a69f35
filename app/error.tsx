"use client";

import Link from "next/link";
import { useEffect } from "react";

/** Shown when a page fails unexpectedly (for example while the database is unreachable). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold">Sorry, something went wrong on our side</h1>
      <p className="mt-4 text-lg text-muted">
        The portal couldn&apos;t load this page just now. Nothing you saved is lost. Please try again in a few minutes.
      </p>
      {error.digest ? <p className="mt-2 text-sm text-muted">Reference: {error.digest}</p> : null}
      <div className="mt-6 flex gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-brand px-5 py-2.5 font-semibold text-white hover:bg-brand-strong">
          Try again
        </button>
        <Link href="/" className="self-center">
          Go to the home page
        </Link>
      </div>
    </main>
  );
}
