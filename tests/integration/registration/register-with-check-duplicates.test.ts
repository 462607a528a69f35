import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accessGrants, emailOutbox, organizations, users } from "@/db/schema";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { lakesideByVendor, northsideByVendor, riverbendByNpi } from "@/tests/factories/check-registration";
import { demoAccounts, demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor, countRows, delegatesOfTaxId } from "@/tests/support/queries";

beforeAll(() => seedDemo());

describe("registerWithCheck when someone got there first", () => {
  it("refuses a second registration for Northside Pediatrics (already registered by Pat Morgan)", async () => {
    const registration = northsideByVendor();
    const context = buildRequestContext();
    const usersBefore = await countRows(users);

    expect(await registerWithCheck(registration, context)).toEqual({ ok: false, code: "already_registered", organizationName: "Northside Pediatrics", delegates: ["P. M."] });

    expect(await countRows(users)).toBe(usersBefore);
    expect(await emailsTo(registration.email)).toEqual([]);
    const pat = await demoDelegate();
    expect(await delegatesOfTaxId("412345678")).toEqual([pat.id]);
    expect(await countRows(accessGrants, eq(accessGrants.taxId, "412345678"))).toBe(1);

    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.reason])).toEqual([
      ["verification.check", "success", null],
      ["registration.refused", "denied", "organization_already_registered"],
    ]);
  });

  it("creates one account when the same form is submitted twice", async () => {
    const registration = lakesideByVendor();
    expect(await registerWithCheck(registration, buildRequestContext())).toEqual({ ok: true });
    expect(await registerWithCheck(registration, buildRequestContext())).toEqual({ ok: true });

    expect(await countRows(users, eq(users.registrationSubmissionId, registration.submissionId))).toBe(1);
    expect(await countRows(users, eq(users.email, registration.email))).toBe(1);
    expect(await emailsTo(registration.email, "verify-email")).toHaveLength(1);
  });

  it("for an email that already has an account, answers ok, creates nothing and tells the owner by email", async () => {
    const registration = riverbendByNpi({ email: "Pat.Morgan@Northside.Example" });
    const context = buildRequestContext();
    const usersBefore = await countRows(users);
    const patEmailsBefore = await emailsTo(demoAccounts.delegate.email);

    expect(await registerWithCheck(registration, context)).toEqual({ ok: true });

    expect(await countRows(users)).toBe(usersBefore);
    expect(await countRows(organizations, eq(organizations.taxId, "413456789"))).toBe(0);
    const patEmails = await emailsTo(demoAccounts.delegate.email);
    expect(patEmails).toHaveLength(patEmailsBefore.length + 1);
    const notice = patEmails.at(-1)!;
    expect(notice.template).toBe("account-exists");
    expect(notice.html).toContain("http://portal.test/signin");
    expect(notice.html).toContain("Pat");
    expect(notice.html).not.toContain("verify-email?token=");

    const pat = await demoDelegate();
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome])).toEqual([
      ["verification.check", "success"],
      ["registration.duplicate_email", "denied"],
    ]);
    expect(events[1]).toMatchObject({ subjectUserId: pat.id, taxId: "413456789" });
  });

  it("settles two simultaneous registrations of one Tax ID: one delegate, one already_registered", async () => {
    const first = riverbendByNpi();
    const second = riverbendByNpi({ firstName: "Robin", lastName: "Diaz" });

    const results = await Promise.all([registerWithCheck(first, buildRequestContext()), registerWithCheck(second, buildRequestContext())]);

    expect(results).toContainEqual({ ok: true });
    expect(results).toContainEqual({ ok: false, code: "already_registered", organizationName: "Riverbend Orthopedics", delegates: [expect.stringMatching(/^(S\. O\.|R\. D\.)$/)] });
    const created = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, [first.email, second.email]));
    expect(created).toHaveLength(1);

    const grants = await db.select().from(accessGrants).where(eq(accessGrants.taxId, "413456789"));
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ userId: created[0]!.id, status: "active" });
    expect(await delegatesOfTaxId("413456789")).toEqual([created[0]!.id]);

    const loser = created[0]!.email === first.email ? second : first;
    expect(await countRows(emailOutbox, eq(emailOutbox.toAddress, loser.email))).toBe(0);
    expect(await countRows(emailOutbox, eq(emailOutbox.toAddress, created[0]!.email))).toBe(1);
  });

  it("answers a registered Tax ID the same for an existing and an unknown email (no enumeration)", async () => {
    const withPatsEmail = await registerWithCheck(northsideByVendor({ email: "pat.morgan@northside.example" }), buildRequestContext());
    const withNewEmail = await registerWithCheck(northsideByVendor(), buildRequestContext());
    expect(withPatsEmail).toEqual({ ok: false, code: "already_registered", organizationName: "Northside Pediatrics", delegates: ["P. M."] });
    expect(withNewEmail).toEqual(withPatsEmail);
  });

  it("tells the owner of an existing account at most once a day, however often the address is tried", async () => {
    const before = (await emailsTo("riley.reyes@staff.example", "account-exists")).length;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await registerWithCheck(riverbendByNpi({ taxId: "41-3456790", checkNumber: "7001004", email: "Riley.Reyes@Staff.Example" }), buildRequestContext())).toEqual({ ok: true });
    }
    expect(await emailsTo("riley.reyes@staff.example", "account-exists")).toHaveLength(before + 1);
  });
});
