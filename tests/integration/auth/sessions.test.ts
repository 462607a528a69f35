import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { endSession, resolveSession, startSession } from "@/lib/auth/sessions";
import { registerAccount } from "@/tests/factories/accounts";
import { lakesideByVendor } from "@/tests/factories/check-registration";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { auditEventsFor } from "@/tests/support/queries";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
let patId: string;

beforeAll(async () => {
  await seedDemo();
  patId = (await demoDelegate()).id;
});

async function sessionRow(id: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  if (!row) throw new Error(`No session ${id}`);
  return row;
}

describe("resolveSession", () => {
  it("resolves a fresh session to its person", async () => {
    const start = new Date();
    const id = await startSession(db, patId, buildRequestContext(), start);
    expect(await resolveSession(id, buildRequestContext(), new Date(start.getTime() + MINUTE))).toEqual({
      sessionId: id,
      userId: patId,
      email: "pat.morgan@northside.example",
      firstName: "Pat",
      lastName: "Morgan",
      accountType: "provider",
      // Only the password is proved so far: the second step is recorded on the session when passed.
      mfaVerifiedAt: null,
      mfaMethod: null,
    });
  });

  it("keeps a session in use alive: each use more than a minute apart moves last_seen_at", async () => {
    const start = new Date();
    const id = await startSession(db, patId, buildRequestContext(), start);
    const later = new Date(start.getTime() + 20 * MINUTE);
    expect(await resolveSession(id, null, later)).not.toBeNull();
    expect((await sessionRow(id)).lastSeenAt.getTime()).toBe(later.getTime());
    // 40 minutes after the start but 20 after the last use: still good.
    expect(await resolveSession(id, null, new Date(start.getTime() + 40 * MINUTE))).not.toBeNull();
  });

  it("ends a session unused for 31 minutes (idle_timeout)", async () => {
    const start = new Date();
    const id = await startSession(db, patId, buildRequestContext(), start);
    const context = buildRequestContext();
    const now = new Date(start.getTime() + 31 * MINUTE);
    expect(await resolveSession(id, context, now)).toBeNull();
    expect(await sessionRow(id)).toMatchObject({ endReason: "idle_timeout", endedAt: now });
    expect(await auditEventsFor(context.requestId)).toMatchObject([{ action: "session.ended", reason: "idle_timeout", actorUserId: patId }]);
    // Once ended it stays ended, even if the clock says it would be fine.
    expect(await resolveSession(id, null, new Date(start.getTime() + MINUTE))).toBeNull();
  });

  it("ends a session after 12 hours even if it was used a moment ago (absolute_timeout)", async () => {
    const start = new Date();
    const id = await startSession(db, patId, buildRequestContext(), start);
    await db.update(sessions).set({ lastSeenAt: new Date(start.getTime() + 12 * HOUR - 5 * MINUTE) }).where(eq(sessions.id, id));
    const now = new Date(start.getTime() + 12 * HOUR);
    expect(await resolveSession(id, null, now)).toBeNull();
    expect(await sessionRow(id)).toMatchObject({ endReason: "absolute_timeout", endedAt: now });
  });

  it("returns null after endSession(sign_out), and audits the sign-out", async () => {
    const id = await startSession(db, patId, buildRequestContext());
    const context = buildRequestContext();
    await endSession(id, "sign_out", context);
    expect(await resolveSession(id, null)).toBeNull();
    expect((await sessionRow(id)).endReason).toBe("sign_out");
    expect(await auditEventsFor(context.requestId)).toMatchObject([{ action: "signout", outcome: "success", actorUserId: patId, details: { sessionId: id } }]);

    // Ending it again changes nothing and logs nothing.
    const again = buildRequestContext();
    await endSession(id, "sign_out", again);
    expect(await auditEventsFor(again.requestId)).toEqual([]);
  });

  it("returns null for an unknown session id", async () => {
    expect(await resolveSession(crypto.randomUUID(), null)).toBeNull();
  });

  it("ends the session of a deactivated account at its next request", async () => {
    const account = await registerAccount(lakesideByVendor());
    const id = await startSession(db, account.userId, buildRequestContext());
    expect(await resolveSession(id, null)).toMatchObject({ userId: account.userId });

    await db.update(users).set({ status: "deactivated" }).where(eq(users.id, account.userId));
    expect(await resolveSession(id, null)).toBeNull();
    expect((await sessionRow(id)).endReason).toBe("deactivated");
  });
});
