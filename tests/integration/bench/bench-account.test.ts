import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { listAccessForUser } from "@/db/queries/access";
import { listFirstTaxIdRecords } from "@/db/queries/bench";
import { factorSummary } from "@/db/queries/mfa";
import { listMembershipsForUser } from "@/db/queries/organizations";
import { SESSION_COOKIE_NAME } from "@/lib/auth/config";
import { secondStepDue } from "@/lib/auth/mfa/policy";
import { resolveSession } from "@/lib/auth/sessions";
import { benchSessionCookie, prepareBenchAccount } from "@/lib/bench/bench-account";
import { BENCH_DELEGATE } from "@/lib/bench/bench-records";
import { asOwner } from "@/tests/support/owner";

describe("npm run bench:pages -- --prepare", () => {
  it("writes the bench delegate of 50 Tax IDs x 3 NPIs once, and a fresh signed-in session each time", async () => {
    const first = await asOwner((owner) => prepareBenchAccount(owner));
    expect(first).toMatchObject({ taxIds: 50, npis: 150, created: { account: true, memberships: 50, grants: 50, authenticator: true } });

    const access = await listAccessForUser(db, first.userId);
    expect(access).toHaveLength(50);
    expect(access.every((row) => row.status === "active" && row.npis.length === 3)).toBe(true);
    const memberships = await listMembershipsForUser(db, first.userId);
    expect(memberships.filter((membership) => membership.role === "delegate" && membership.kind === "provider")).toHaveLength(50);
    expect((await factorSummary(db, first.userId)).totpConfirmedAt).not.toBeNull();

    // The session has passed the second step: the data-access layer counts it as signed in.
    const session = await resolveSession(first.sessionId, null);
    expect(session).toMatchObject({ userId: first.userId, email: BENCH_DELEGATE.email, accountType: "provider", mfaMethod: "totp" });
    expect(secondStepDue(session!, await factorSummary(db, first.userId), true)).toBe("none");

    // A second run adds nothing but a new session, and ends the previous one.
    const second = await asOwner((owner) => prepareBenchAccount(owner));
    expect(second).toMatchObject({ userId: first.userId, created: { account: false, memberships: 0, grants: 0, authenticator: false } });
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(await resolveSession(first.sessionId, null)).toBeNull();
    expect(await resolveSession(second.sessionId, null)).toMatchObject({ userId: first.userId });
    expect(await listAccessForUser(db, first.userId)).toHaveLength(50);
  });

  it("gives the session as the cookie Auth.js reads", async () => {
    const cookie = await benchSessionCookie({ userId: "user-1", sessionId: "session-1" });
    expect(cookie.name).toBe(SESSION_COOKIE_NAME);
    const token = await decode({ token: cookie.value, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE_NAME });
    expect(token).toMatchObject({ sub: "user-1", sessionId: "session-1" });
  });

  it("gives the signed-in anchor its 20 rows, by Tax ID", async () => {
    const rows = await listFirstTaxIdRecords(db, 20);
    expect(rows).toHaveLength(20);
    expect(rows.map((row) => row.taxId)).toEqual([...rows.map((row) => row.taxId)].sort());
    expect(rows[0]).toEqual({ taxId: "275550001", legalName: "Bench Clinic 01", city: "Saint Paul", state: "MN" });
  });
});
