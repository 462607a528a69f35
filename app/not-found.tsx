import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold">We can&apos;t find that page</h1>
      <p className="mt-4 text-lg text-muted">Check the address, or start again from the home page.</p>
      <p className="mt-6">
        <Link href="/">Go to the home page</Link>
      </p>
    </main>
  );
}
