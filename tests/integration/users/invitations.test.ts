import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accessGrants, invitations, organizationMembers, users } from "@/db/schema";
import { acceptAsNewAccount, acceptAsSignedIn } from "@/lib/invitations/accept-invitation";
import { cancelInvitation, resendInvitation, sendInvitation } from "@/lib/invitations/send-invitation";
import { registerAccount } from "@/tests/factories/accounts";
import { lakesideByVendor, riverbendByNpi } from "@/tests/factories/check-registration";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { countRows, findUserByEmail } from "@/tests/support/queries";
import { findOrganizationByTaxId } from "@/db/queries/organizations";
import { grantRows, invitationInput, inviter, latestInvitationToken, NORTHSIDE_NPI, NORTHSIDE_TAX_ID } from "./helpers";

const DAY = 24 * 60 * 60 * 1000;
const person = { firstName: "Casey", lastName: "Nguyen", phone: "6125550142", password: "a long enough passphrase" };
let pat: { id: string };
let northsideId: string;

beforeAll(async () => {
  await seedDemo();
  pat = await demoDelegate();
  northsideId = (await findOrganizationByTaxId(db, NORTHSIDE_TAX_ID))!.id;
});

describe("inviting a co-worker", () => {
  it("invite + accept creates one confirmed account with exactly the chosen Tax ID and NPIs", async () => {
    const input = invitationInput(northsideId);
    expect(await sendInvitation(input, inviter(pat), buildRequestContext())).toEqual({ ok: true });
    // A double submit of the same form: one invitation, one email.
    expect(await sendInvitation(input, inviter(pat), buildRequestContext())).toEqual({ ok: true });
    expect(await countRows(invitations, eq(invitations.email, input.email))).toBe(1);
    const [email] = await emailsTo(input.email, "invitation");
    expect(email?.subject).toBe("Pat Morgan invited you to the HealthPartners Provider Portal");
    expect(email?.text).toContain("NPI 1450239870");
    const [stored] = await db.select().from(invitations).where(eq(invitations.email, input.email));
    const token = await latestInvitationToken(input.email);
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(7 * DAY);

    expect(await acceptAsNewAccount(token, person, buildRequestContext())).toEqual({ ok: true, email: input.email });
    const user = await findUserByEmail(input.email);
    expect(user).toMatchObject({ status: "active", accountType: "provider", phone: "6125550142" });
    expect(user!.emailVerifiedAt).not.toBeNull();
    expect(await countRows(users, eq(users.email, input.email))).toBe(1);
    const memberships = await db.select().from(organizationMembers).where(eq(organizationMembers.userId, user!.id));
    expect(memberships).toMatchObject([{ organizationId: northsideId, role: "user", status: "active", addedByUserId: pat.id }]);
    expect(await countRows(accessGrants, eq(accessGrants.userId, user!.id))).toBe(1);
    expect(await grantRows(user!.id)).toMatchObject([{ status: "active", allNpis: false, method: "delegate", grantedByUserId: pat.id, npis: [NORTHSIDE_NPI] }]);
  });

  it("refuses a password made of the invited email or a predictable one, keeping the link usable", async () => {
    const input = invitationInput(northsideId);
    await sendInvitation(input, inviter(pat), buildRequestContext());
    const token = await latestInvitationToken(input.email);
    const localPart = input.email.split("@")[0]!;
    for (const password of [`${localPart}2026!`, "Summer2026!!"]) {
      const result = await acceptAsNewAccount(token, { ...person, password }, buildRequestContext());
      expect(result, password).toMatchObject({ ok: false, code: "weak_password", message: expect.stringContaining("Use a longer passphrase of unrelated words") });
    }
    expect(await findUserByEmail(input.email)).toBeFalsy();
    expect((await acceptAsNewAccount(token, person, buildRequestContext())).ok).toBe(true);
  });

  it("a link works once", async () => {
    const input = invitationInput(northsideId);
    await sendInvitation(input, inviter(pat), buildRequestContext());
    const token = await latestInvitationToken(input.email);
    expect((await acceptAsNewAccount(token, person, buildRequestContext())).ok).toBe(true);
    expect(await acceptAsNewAccount(token, person, buildRequestContext())).toEqual({ ok: false, code: "used" });
  });

  it("a link expires after 7 days", async () => {
    const sentAt = new Date();
    const input = invitationInput(northsideId);
    await sendInvitation(input, inviter(pat), buildRequestContext(), sentAt);
    const token = await latestInvitationToken(input.email);
    expect(await acceptAsNewAccount(token, person, buildRequestContext(), new Date(sentAt.getTime() + 7 * DAY + 1000))).toEqual({ ok: false, code: "expired" });
    expect(await findUserByEmail(input.email)).toBeNull();
    expect((await acceptAsNewAccount(token, person, buildRequestContext(), new Date(sentAt.getTime() + 7 * DAY - 60_000))).ok).toBe(true);
  });

  it("refuses an unknown or malformed token, and a cancelled or resent-over link", async () => {
    expect(await acceptAsNewAccount("x".repeat(43), person, buildRequestContext())).toEqual({ ok: false, code: "invalid" });
    expect(await acceptAsNewAccount("../../etc", person, buildRequestContext())).toEqual({ ok: false, code: "invalid" });

    const input = invitationInput(northsideId);
    await sendInvitation(input, inviter(pat), buildRequestContext());
    const first = await latestInvitationToken(input.email);
    const [row] = await db.select().from(invitations).where(eq(invitations.email, input.email));
    expect((await resendInvitation(row!.id, inviter(pat), buildRequestContext())).ok).toBe(true);
    expect(await acceptAsNewAccount(first, person, buildRequestContext())).toEqual({ ok: false, code: "invalid" });
    const second = await latestInvitationToken(input.email);
    expect((await cancelInvitation(row!.id, pat.id, buildRequestContext())).ok).toBe(true);
    expect(await acceptAsNewAccount(second, person, buildRequestContext())).toEqual({ ok: false, code: "cancelled" });
  });

  it("refuses a token for another person's address to a signed-in account (foreign token)", async () => {
    const input = invitationInput(northsideId);
    await sendInvitation(input, inviter(pat), buildRequestContext());
    const token = await latestInvitationToken(input.email);
    const other = await registerAccount(lakesideByVendor());
    expect(await acceptAsSignedIn(token, { userId: other.userId, email: other.email.toLowerCase(), accountType: "provider" }, buildRequestContext())).toEqual({ ok: false, code: "wrong_account" });
    expect(await countRows(organizationMembers, eq(organizationMembers.userId, other.userId))).toBe(1);
  });

  it("accepting for an existing account attaches the access (and the account form is refused)", async () => {
    const existing = await registerAccount(riverbendByNpi());
    const email = existing.email.toLowerCase();
    const input = invitationInput(northsideId, { email, access: [{ key: northsideId, npis: null }], role: "delegate" });
    // The delegate's answer is the same as for a new address: nothing is revealed.
    expect(await sendInvitation(input, inviter(pat), buildRequestContext())).toEqual({ ok: true });
    const token = await latestInvitationToken(email);
    expect(await acceptAsNewAccount(token, person, buildRequestContext())).toEqual({ ok: false, code: "account_exists" });
    expect(await acceptAsSignedIn(token, { userId: existing.userId, email, accountType: "provider" }, buildRequestContext())).toEqual({ ok: true, email });
    const northside = await db.select().from(organizationMembers).where(eq(organizationMembers.userId, existing.userId));
    expect(northside.map((row) => row.role)).toEqual(["delegate", "delegate"]);
    expect(await grantRows(existing.userId)).toMatchObject([{ status: "active", allNpis: true, method: "delegate" }]);
  });

  it("refuses NPIs or Tax IDs the delegate does not manage", async () => {
    const lakeside = (await findOrganizationByTaxId(db, "411234567"))!;
    expect(await sendInvitation(invitationInput(northsideId, { access: [{ key: lakeside.id, npis: null }] }), inviter(pat), buildRequestContext())).toMatchObject({ ok: false, code: "invalid_access" });
    expect(await sendInvitation(invitationInput(northsideId, { access: [{ key: northsideId, npis: ["1234567893"] }] }), inviter(pat), buildRequestContext())).toMatchObject({ ok: false, code: "invalid_access" });
    expect(await sendInvitation(invitationInput(northsideId, { access: [] }), inviter(pat), buildRequestContext())).toMatchObject({ ok: false, code: "invalid_access" });
  });
});
