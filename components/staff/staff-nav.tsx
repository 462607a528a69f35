import Link from "next/link";

/** The console's sections, in the order representatives work them. Each is a page under /staff. */
export const STAFF_SECTIONS = [
  { href: "/staff/cases", label: "Cases", description: "Provider not listed, Contact us and departed-delegate reviews: assign, note, reply, resolve." },
  { href: "/staff/letters", label: "PIN letters", description: "Letters waiting to be printed: print a batch, mark them mailed." },
  { href: "/staff/records", label: "Records", description: "Search the health plan's records by Tax ID, NPI or name: delegates, users, requests, grants." },
  { href: "/staff/dashboard", label: "Dashboard", description: "Registrations per day, the PIN-letter funnel, billing requests and the case backlog, in charts." },
] as const;

export function StaffNav() {
  return (
    <nav aria-label="Console">
      <ul className="flex flex-wrap items-center gap-4">
        <li>
          <Link href="/staff" className="font-semibold">
            Console
          </Link>
        </li>
        {STAFF_SECTIONS.map((section) => (
          <li key={section.href}>
            <Link href={section.href} className="font-semibold">
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
