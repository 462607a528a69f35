import "server-only";
import { db } from "@/db/client";
import { billingRequestsByStatusAndAge, openCasesByTypeAndAge, pinLetterFunnel, registrationsByDay } from "@/db/queries/dashboard";
import type { ChartSeries } from "@/components/charts/bar-chart";

const DAY_MS = 24 * 60 * 60 * 1000;
const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago", year: "numeric", month: "2-digit", day: "2-digit" });
const dayLabel = new Intl.DateTimeFormat("en-US", { timeZone: "America/Chicago", month: "short", day: "numeric" });

export interface ChartData {
  categories: string[];
  series: ChartSeries[];
}

export interface Dashboard {
  registrations: ChartData;
  letters: ChartData;
  requestsByStatus: ChartData;
  pendingByAge: ChartData;
  casesByAge: ChartData;
  totals: { registrations: number; openCases: number; pendingRequests: number; lettersWaiting: number };
}

const REGISTRATION_METHODS = [
  { key: "check", label: "Check" },
  { key: "nonpayment_notice", label: "Non-payment notice" },
  { key: "us_mail_pin", label: "PIN letter" },
  { key: "billing", label: "Billing organization" },
  { key: "invitation", label: "Invited by a delegate" },
];

const CASE_TYPES = [
  { key: "provider_not_listed", label: "Provider not listed" },
  { key: "contact_us", label: "Contact us" },
  { key: "departed_delegate_review", label: "Departed delegate" },
  { key: "delegate_dispute", label: "Delegate dispute" },
];

function bucketOf(age: number, limits: number[]): number {
  const index = limits.findIndex((limit) => age <= limit);
  return index === -1 ? limits.length : index;
}

/** What the representatives' dashboard draws, for the 14 days up to `now` (the clock is an argument, as everywhere). */
export async function dashboard(now = new Date()): Promise<Dashboard> {
  const days = Array.from({ length: 14 }, (_, index) => new Date(now.getTime() - (13 - index) * DAY_MS));
  const since = new Date(now.getTime() - 14 * DAY_MS);
  const [registrations, funnel, requests, openCases] = await Promise.all([
    registrationsByDay(db, since),
    pinLetterFunnel(db, new Date(now.getTime() - 90 * DAY_MS)),
    billingRequestsByStatusAndAge(db, now),
    openCasesByTypeAndAge(db, now),
  ]);

  const keys = days.map((day) => dayKey.format(day));
  const registrationSeries = REGISTRATION_METHODS.map((method) => ({
    ...method,
    values: keys.map((key) => registrations.filter((row) => row.day === key && row.method === method.key).reduce((sum, row) => sum + row.count, 0)),
  }));

  const statuses = [
    { key: "pending", label: "Pending" },
    { key: "approved", label: "Approved" },
    { key: "denied", label: "Denied" },
    { key: "expired", label: "Expired" },
    { key: "revoked", label: "Revoked" },
  ];
  const pendingAges = ["0–7 days", "8–14 days", "15–21 days", "22–30 days"];
  const caseAges = ["0–2 days", "3–7 days", "8–14 days", "15–30 days", "Over 30 days"];

  return {
    registrations: { categories: days.map((day) => dayLabel.format(day)), series: registrationSeries },
    letters: {
      categories: ["Requested", "Printed", "Mailed", "PIN entered"],
      series: [{ key: "letters", label: "Letters", values: [funnel.queued, funnel.printed, funnel.mailed, funnel.redeemed] }],
    },
    requestsByStatus: {
      categories: statuses.map((status) => status.label),
      series: [{ key: "requests", label: "Requests", values: statuses.map((status) => requests.filter((row) => row.status === status.key).reduce((sum, row) => sum + row.count, 0)) }],
    },
    pendingByAge: {
      categories: pendingAges,
      series: [
        {
          key: "pending",
          label: "Pending requests",
          values: pendingAges.map((_, index) => requests.filter((row) => row.status === "pending" && bucketOf(row.age, [7, 14, 21]) === index).reduce((sum, row) => sum + row.count, 0)),
        },
      ],
    },
    casesByAge: {
      categories: caseAges,
      series: CASE_TYPES.map((type) => ({
        ...type,
        values: caseAges.map((_, index) => openCases.filter((row) => row.type === type.key && bucketOf(row.age, [2, 7, 14, 30]) === index).reduce((sum, row) => sum + row.count, 0)),
      })),
    },
    totals: {
      registrations: registrationSeries.reduce((sum, item) => sum + item.values.reduce((a, b) => a + b, 0), 0),
      openCases: openCases.reduce((sum, row) => sum + row.count, 0),
      pendingRequests: requests.filter((row) => row.status === "pending").reduce((sum, row) => sum + row.count, 0),
      lettersWaiting: funnel.queued - funnel.printed,
    },
  };
}
