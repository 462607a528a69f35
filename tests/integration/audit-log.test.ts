import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { auditEvents } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { buildRequestContext } from "@/tests/factories/request-context";
import { asOwner } from "@/tests/support/owner";
import { auditEventsFor, countRows, sqlStateOf } from "@/tests/support/queries";

async function rejection(query: PromiseLike<unknown>): Promise<unknown> {
  try {
    await query;
  } catch (error) {
    return error;
  }
  throw new Error("The query succeeded");
}

describe("the audit log", () => {
  it("starts empty in each test file's fresh database, with the migrations applied", async () => {
    expect(await countRows(auditEvents)).toBe(0);
    const migrations = await db.execute(sql`SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`);
    const rows = (Array.isArray(migrations) ? migrations : (migrations as unknown as { rows: unknown[] }).rows) as Array<{ count: number }>;
    const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
    expect(rows[0]?.count).toBe(journal.entries.length);
  });

  it("records the request's context with each event", async () => {
    const context = buildRequestContext({ clientAddress: "192.0.2.10", userAgent: "Audit test agent" });
    await recordAudit(db, context, { action: "signin", outcome: "failure", actorLabel: "someone@example.org", reason: "unknown_email", details: { attempt: 1 } });
    const [event] = await auditEventsFor(context.requestId);
    expect(event).toMatchObject({
      action: "signin",
      outcome: "failure",
      actorLabel: "someone@example.org",
      reason: "unknown_email",
      details: { attempt: 1 },
      clientAddress: "192.0.2.10",
      userAgent: "Audit test agent",
      requestId: context.requestId,
      actorUserId: null,
    });
    expect(event?.occurredAt).toBeInstanceOf(Date);
  });

  it("refuses UPDATE, DELETE and TRUNCATE from the app's role, and keeps the rows as they were", async () => {
    const context = buildRequestContext();
    await recordAudit(db, context, { action: "signout", outcome: "success", reason: "sign_out" });
    const before = await countRows(auditEvents);

    const update = await rejection(db.update(auditEvents).set({ reason: "rewritten" }).where(eq(auditEvents.requestId, context.requestId)));
    expect(sqlStateOf(update)).toBe("42501");
    expect(String((update as { cause?: { message?: string } }).cause?.message)).toContain("permission denied");

    const remove = await rejection(db.delete(auditEvents).where(eq(auditEvents.requestId, context.requestId)));
    expect(sqlStateOf(remove)).toBe("42501");

    const truncate = await rejection(db.execute(sql`TRUNCATE audit_events`));
    expect(sqlStateOf(truncate)).toBe("42501");

    expect(await countRows(auditEvents)).toBe(before);
    const [event] = await auditEventsFor(context.requestId);
    expect(event?.reason).toBe("sign_out");
  });

  it("runs the app as portal_app, which owns nothing and cannot switch the append-only trigger off", async () => {
    const [who] = rowsOf<{ role: string }>(await db.execute(sql`SELECT current_user AS role`));
    expect(who?.role).toBe("portal_app");
    const owned = rowsOf<{ count: number }>(await db.execute(sql`SELECT count(*)::int AS count FROM pg_class WHERE relowner = 'portal_app'::regrole`));
    expect(owned[0]?.count).toBe(0);

    for (const statement of [
      sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`,
      sql`ALTER TABLE audit_events DISABLE TRIGGER ALL`,
      sql`DROP TRIGGER audit_events_no_update_delete ON audit_events`,
      sql`CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$`,
    ]) {
      expect(sqlStateOf(await rejection(db.execute(statement)))).toBe("42501");
    }
    // The app still reads and writes its other tables.
    expect(await countRows(auditEvents)).toBeGreaterThanOrEqual(0);
  });

  it("keeps refusing UPDATE and DELETE even for the schema's owner (the trigger)", async () => {
    const context = buildRequestContext();
    await recordAudit(db, context, { action: "signout", outcome: "success", reason: "sign_out" });
    await asOwner(async (owner) => {
      const update = await rejection(owner.update(auditEvents).set({ reason: "rewritten" }).where(eq(auditEvents.requestId, context.requestId)));
      expect(sqlStateOf(update)).toBe("42501");
      expect(String((update as { cause?: { message?: string } }).cause?.message)).toContain("audit_events is append-only (UPDATE refused)");
      const remove = await rejection(owner.delete(auditEvents).where(eq(auditEvents.requestId, context.requestId)));
      expect(String((remove as { cause?: { message?: string } }).cause?.message)).toContain("audit_events is append-only (DELETE refused)");
    });
    const [event] = await auditEventsFor(context.requestId);
    expect(event?.reason).toBe("sign_out");
  });
});
