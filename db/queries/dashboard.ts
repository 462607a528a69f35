import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { accessRequests, auditEvents, cases, pinLetters } from "../schema";

/** The health plan's home time zone: a "day" on the dashboard is a day there. */
const ZONE = "America/Chicago";

/** Registrations per day and method (from the audit log's registration.created rows) since a moment. */
export async function registrationsByDay(executor: Executor, since: Date): Promise<Array<{ day: string; method: string; count: number }>> {
  const day = sql<string>`to_char(${auditEvents.occurredAt} at time zone ${sql.raw(`'${ZONE}'`)}, 'YYYY-MM-DD')`;
  const method = sql<string>`coalesce(${auditEvents.details}->>'method', ${auditEvents.details}->>'kind', 'other')`;
  return executor
    .select({ day, method, count: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "registration.created"), eq(auditEvents.outcome, "success"), gte(auditEvents.occurredAt, since)))
    .groupBy(day, method);
}

/** How many letters reached each step: requested, printed, mailed, PIN entered. */
export async function pinLetterFunnel(executor: Executor, since: Date) {
  const [row] = await executor
    .select({
      queued: sql<number>`count(*)::int`,
      printed: sql<number>`count(${pinLetters.printedAt})::int`,
      mailed: sql<number>`count(${pinLetters.mailedAt})::int`,
      redeemed: sql<number>`count(${pinLetters.redeemedAt})::int`,
    })
    .from(pinLetters)
    .where(gte(pinLetters.letterDate, since));
  return row ?? { queued: 0, printed: 0, mailed: 0, redeemed: 0 };
}

/** Billing requests by status, and the pending ones by how many days they have waited. */
export async function billingRequestsByStatusAndAge(executor: Executor, now: Date) {
  const age = sql<number>`floor(extract(epoch from (${now.toISOString()}::timestamptz - ${accessRequests.createdAt})) / 86400)::int`;
  const overdue = sql<boolean>`${accessRequests.status} = 'pending' and ${accessRequests.expiresAt} <= ${now.toISOString()}::timestamptz`;
  const status = sql<string>`case when ${overdue} then 'expired' else ${accessRequests.status}::text end`;
  return executor
    .select({ status, age, count: sql<number>`count(*)::int` })
    .from(accessRequests)
    // By position: the expressions carry the clock as parameters, which PostgreSQL can't match by text.
    .groupBy(sql`1`, sql`2`);
}

/** Cases still open (or in progress), by type and by how many days they have been open. */
export async function openCasesByTypeAndAge(executor: Executor, now: Date) {
  const age = sql<number>`floor(extract(epoch from (${now.toISOString()}::timestamptz - ${cases.createdAt})) / 86400)::int`;
  return executor
    .select({ type: cases.type, age, count: sql<number>`count(*)::int` })
    .from(cases)
    .where(inArray(cases.status, ["open", "in_progress"]))
    .groupBy(sql`1`, sql`2`);
}
