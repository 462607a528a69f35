/** Shown on every page of a production demo (DEV_MAILBOX with DEMO_MODE): nothing leaves the site, so nothing real belongs in it. */
export const DEMO_BANNER_TEXT = "Demo site: emails are not sent; they appear in the dev mailbox. Don't enter real information.";

export function DemoBanner() {
  return (
    <aside aria-label="Demo site" className="border-b-2 border-warning bg-warning-soft px-4 py-2 text-center text-sm font-semibold text-ink">
      {DEMO_BANNER_TEXT}
    </aside>
  );
}
