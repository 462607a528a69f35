import type { Executor } from "../client";
import { auditEvents } from "../schema";

export type NewAuditEvent = typeof auditEvents.$inferInsert;

/** Appends one event (the table refuses updates and deletes). */
export async function insertAuditEvent(executor: Executor, event: NewAuditEvent): Promise<void> {
  await executor.insert(auditEvents).values(event);
}
