import type { Metadata } from "next";

export const metadata: Metadata = { title: "Benchmark anchor", robots: { index: false, follow: false } };

/**
 * The prerendered anchor of `npm run bench:pages`: static content only (no session, no runtime
 * configuration), so that `next build` prerenders it (○) and `next start` serves it from the
 * cache. The public pages' requests/s are measured as a share of this page's.
 * It is ○ only while the root layout renders nothing per request (no connection(), no runtime
 * configuration): the page itself sets no route segment config, which Cache Components would refuse.
 */
export default function PrerenderedBenchmarkAnchor() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold">Benchmark anchor: prerendered</h1>
      <p className="mt-4 text-lg text-muted">
        A page with no session and no data, built once. <code>npm run bench:pages</code> compares the public pages with it.
      </p>
    </main>
  );
}
