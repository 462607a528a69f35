import Link from "next/link";

/** One of a few choices on a step page: the whole card is the link. */
export function ChoiceCard({ href, title, description }: { href: string; title: string; description: string }) {
  return (
    <li>
      <Link
        href={href}
        className="group block rounded-lg border border-line bg-surface p-5 no-underline shadow-sm transition hover:border-brand hover:shadow-md"
      >
        <span className="flex items-center justify-between gap-4">
          <span>
            <span className="block text-lg font-semibold text-brand group-hover:underline">{title}</span>
            <span className="mt-1 block text-ink">{description}</span>
          </span>
          <span aria-hidden="true" className="text-2xl text-brand">
            →
          </span>
        </span>
      </Link>
    </li>
  );
}
