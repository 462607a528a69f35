import { beforeAll, describe, expect, it } from "vitest";
import { reportProviderNotListed } from "@/lib/cases/report-provider-not-listed";
import { registerWithMail } from "@/lib/pin-letters/register-with-mail";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { dashboard } from "@/lib/staff/dashboard";
import { lakesideByVendor } from "@/tests/factories/check-registration";
import { seedDemo } from "@/tests/factories/demo-data";
import { birchwoodByMail } from "@/tests/factories/mail-registration";
import { mapleGrove } from "@/tests/factories/not-listed";
import { buildRequestContext } from "@/tests/factories/request-context";
import { newBillingOrganization, requestNorthside } from "../billing/helpers";

beforeAll(() => seedDemo());

const DAY = 24 * 60 * 60 * 1000;
const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

describe("the representatives' dashboard", () => {
  it("counts registrations per day by method, the letter funnel, billing requests by status and age, and open cases by age", async () => {
    const empty = await dashboard();
    expect(empty.totals).toEqual({ registrations: 0, openCases: 0, pendingRequests: 0, lettersWaiting: 0 });

    expect(await registerWithCheck(lakesideByVendor(), buildRequestContext())).toEqual({ ok: true });
    expect((await registerWithMail(birchwoodByMail(), buildRequestContext())).ok).toBe(true);
    expect((await reportProviderNotListed(mapleGrove(), buildRequestContext())).ok).toBe(true);
    const billing = await newBillingOrganization();
    await requestNorthside(billing.userId, new Date(Date.now() - 10 * DAY));

    const now = new Date();
    const data = await dashboard(now);
    const byLabel = Object.fromEntries(data.registrations.series.map((series) => [series.label, total(series.values)]));
    expect(byLabel).toMatchObject({ Check: 1, "PIN letter": 1, "Billing organization": 1 });
    // Today is the last day of the chart.
    expect(total(data.registrations.series.map((series) => series.values.at(-1)!))).toBe(3);
    expect(data.letters.series[0]!.values).toEqual([1, 0, 0, 0]);
    expect(data.requestsByStatus.categories[0]).toBe("Pending");
    expect(data.requestsByStatus.series[0]!.values[0]).toBe(1);
    expect(data.pendingByAge.series[0]!.values).toEqual([0, 1, 0, 0]);
    expect(data.casesByAge.series.find((series) => series.label === "Provider not listed")!.values).toEqual([1, 0, 0, 0, 0]);
    expect(data.totals).toEqual({ registrations: 3, openCases: 1, pendingRequests: 1, lettersWaiting: 1 });

    // Forty days on, the request counts as expired and the case as over 30 days old.
    const later = await dashboard(new Date(now.getTime() + 40 * DAY));
    expect(later.requestsByStatus.series[0]!.values).toEqual([0, 0, 0, 1, 0]);
    expect(later.casesByAge.series.find((series) => series.label === "Provider not listed")!.values).toEqual([0, 0, 0, 0, 1]);
  });
});
