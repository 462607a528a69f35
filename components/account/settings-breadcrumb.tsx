import Link from "next/link";

/** "Account settings › <page>" at the top of each settings page. */
export function SettingsBreadcrumb({ current }: { current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm">
      <Link href="/account">Account settings</Link> <span aria-hidden="true">›</span> <span aria-current="page">{current}</span>
    </nav>
  );
}
