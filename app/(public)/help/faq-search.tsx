"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useId, useState } from "react";
import { countMatches, describeMatches, FAQ_GROUPS, matchesFaq, withPayer } from "@/lib/help/faq";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/form/field";

/**
 * The FAQ with its search box. Without JavaScript the box is a GET form (?q=), answered by the
 * server's render of this same component; with it, the list filters as you type and a live
 * region says how many questions match.
 */
export function FaqSearch({ initialQuery, payerName }: { initialQuery: string; payerName: string }) {
  // Back to a search typed here: the address has the query (replaceState below) while the page's props may not.
  const searchParams = useSearchParams();
  const [query, setQuery] = useState(() => searchParams?.get("q")?.slice(0, 100) ?? initialQuery);
  const groups = FAQ_GROUPS.map((group) => ({ ...group, entries: group.entries.filter((entry) => matchesFaq(entry, query, payerName)) }));
  const count = countMatches(groups);
  const hintId = useId();

  return (
    <>
      <form role="search" aria-label="Frequently asked questions" action="/help" method="get" className="max-w-2xl" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="faq-q" className="block font-semibold text-ink">
          Search the questions
        </label>
        <p id={hintId} className="text-sm text-muted">
          For example: check, PIN, notice, billing. The list below changes as you type.
        </p>
        <div className="mt-1 flex gap-2">
          <input
            id="faq-q"
            name="q"
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              // The address follows the search, so it can be shared or reloaded (and Back returns to it).
              const q = event.target.value.trim();
              window.history.replaceState(null, "", q ? `/help?q=${encodeURIComponent(q)}` : "/help");
            }}
            aria-describedby={hintId}
            aria-controls="faq-results"
            autoComplete="off"
            maxLength={100}
            className={inputClasses}
          />
          <button type="submit" className={buttonClasses("secondary", "mt-1 shrink-0")}>
            Search
          </button>
        </div>
        <p role="status" aria-live="polite" aria-atomic="true" className="mt-2 text-sm font-semibold text-ink">
          {describeMatches(count)}
        </p>
      </form>

      <div id="faq-results" className="mt-6 grid gap-8 lg:grid-cols-2">
        {groups.map((group) =>
          group.entries.length === 0 ? null : (
            <section key={group.id} aria-labelledby={`faq-${group.id}`}>
              <h2 id={`faq-${group.id}`} className="text-2xl font-semibold text-ink">
                {group.title}
              </h2>
              <ul className="mt-4 space-y-4">
                {group.entries.map((entry) => (
                  <li key={entry.id} id={entry.id} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
                    <h3 className="font-semibold text-ink">{withPayer(entry.question, payerName)}</h3>
                    {entry.answer.map((paragraph) => (
                      <p key={paragraph} className="mt-2 text-ink">
                        {withPayer(paragraph, payerName)}
                      </p>
                    ))}
                    <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
                      {entry.links.map((link) => (
                        <li key={link.href}>
                          <Link href={link.href} prefetch={false} className="font-semibold">
                            {link.label} <span aria-hidden="true">→</span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          ),
        )}
      </div>
      {count === 0 ? (
        <p className="mt-4 text-ink">
          No question uses those words. Try fewer words, or{" "}
          <Link href="/help/contact" className="font-semibold">
            contact us
          </Link>
          .
        </p>
      ) : null}
    </>
  );
}
