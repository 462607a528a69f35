import { AccountButtons } from "@/components/site/account-links";
import { builtSite } from "@/lib/site";

export default function HomePage() {
  const { payerName: PAYER_NAME } = builtSite();
  return (
    <div className="grid gap-8 md:grid-cols-[3fr_2fr] md:items-start">
      <div>
        <h1 className="text-4xl font-bold text-ink">Welcome to the {PAYER_NAME} Provider Portal</h1>
        <p className="mt-4 max-w-xl text-lg text-muted">
          Check eligibility, claims and payments for the practices you work with. Each person who uses the portal has their own
          account.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <AccountButtons />
        </div>
      </div>
      <section aria-labelledby="new-here" className="rounded-lg border border-line bg-surface p-5 shadow-sm">
        <h2 id="new-here" className="text-xl font-semibold">
          New to the portal?
        </h2>
        <ul className="mt-3 list-disc space-y-2 pl-5">
          <li>
            If you have a check from {PAYER_NAME}, you can register and get access right away: it only takes a few minutes.
          </li>
          <li>Register in your own name: because the portal shows members&apos; health information, accounts can&apos;t be shared.</li>
          <li>The first person to register for an organization becomes its delegate and can set up accounts for co-workers.</li>
        </ul>
      </section>
    </div>
  );
}
