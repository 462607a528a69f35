import type { Metadata } from "next";
import { BarChart } from "@/components/charts/bar-chart";
import { PageHeading } from "@/components/ui/page-heading";
import { requireStaff } from "@/lib/auth/dal";
import { dashboard } from "@/lib/staff/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

/** The representatives' view of the work: registrations, PIN letters, billing requests and the case backlog. */
export default async function StaffDashboardPage() {
  await requireStaff("/staff/dashboard");
  const data = await dashboard();
  const { totals } = data;
  return (
    <>
      <PageHeading eyebrow="Representatives' console" title="Dashboard" lead="The last 14 days of registrations, and the work waiting now. Each chart's numbers are under it." />
      <dl className="mb-8 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {[
          ["Registrations, 14 days", totals.registrations],
          ["Open cases", totals.openCases],
          ["Pending billing requests", totals.pendingRequests],
          ["Letters to print", totals.lettersWaiting],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-3xl font-bold tabular-nums text-ink">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <BarChart
            id="registrations"
            title="Registrations per day, by method"
            summary={`${totals.registrations} registrations in the last 14 days: by check, non-payment notice, PIN letter, billing organization or invitation.`}
            categoryLabel="Day"
            {...data.registrations}
          />
        </div>
        <BarChart
          id="letters"
          title="PIN letters: requested → printed → mailed → PIN entered"
          summary="Letters of the last 90 days, by how far each got."
          categoryLabel="Step"
          {...data.letters}
        />
        <BarChart id="cases" title="Open cases by age" summary={`${totals.openCases} cases open or in progress, by how long they have waited and their type.`} categoryLabel="Waiting" {...data.casesByAge} />
        <BarChart id="requests" title="Billing requests by status" summary="Every billing organization's request to a provider, by its status now." categoryLabel="Status" {...data.requestsByStatus} />
        <BarChart id="pending" title="Pending billing requests by age" summary={`${totals.pendingRequests} requests waiting for the provider's answer, by days waited (they expire at 30).`} categoryLabel="Waiting" {...data.pendingByAge} />
      </div>
    </>
  );
}
