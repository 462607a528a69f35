import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accessGrants, organizations, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { lakesideByVendorInput, parseCheckRegistration, riverbendByNpiInput, type CheckRegistrationInput } from "@/tests/factories/check-registration";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor, delegatesOfTaxId, findUserByEmail } from "@/tests/support/queries";

beforeAll(() => seedDemo());

async function registersTheDelegate(input: CheckRegistrationInput, expected: { taxId: string; method: string; evidence: string }) {
  const registration = parseCheckRegistration(input);
  const context = buildRequestContext();

  expect(await registerWithCheck(registration, context)).toEqual({ ok: true });

  const user = await findUserByEmail(input.email.trim().toLowerCase());
  expect(user).not.toBeNull();
  expect(user).toMatchObject({
    email: input.email.toLowerCase(),
    firstName: input.firstName,
    lastName: input.lastName,
    accountType: "provider",
    status: "active",
    emailVerifiedAt: null,
    registrationSubmissionId: input.submissionId,
  });
  expect(user!.passwordHash).not.toContain(input.password);
  expect(await verifyPassword(user!.passwordHash, input.password)).toBe(true);

  expect(await delegatesOfTaxId(expected.taxId)).toEqual([user!.id]);

  const grants = await db.select().from(accessGrants).where(eq(accessGrants.userId, user!.id));
  expect(grants).toHaveLength(1);
  expect(grants[0]).toMatchObject({ taxId: expected.taxId, allNpis: true, method: "check", status: "active", evidence: expected.evidence });

  const emails = await emailsTo(user!.email);
  expect(emails).toHaveLength(1);
  expect(emails[0]).toMatchObject({ template: "verify-email", status: "pending", attempts: 0 });
  expect(emails[0]!.html).toContain("http://portal.test/verify-email?token=");
  expect(emails[0]!.text).toContain("http://portal.test/verify-email?token=");
  expect(emails[0]!.subject).toContain("HealthPartners Provider Portal");

  const events = await auditEventsFor(context.requestId);
  expect(events.map((event) => [event.action, event.outcome])).toEqual([
    ["verification.check", "success"],
    ["registration.created", "success"],
    ["access.granted", "success"],
  ]);
  expect(events[0]).toMatchObject({ taxId: expected.taxId, actorLabel: user!.email, details: { method: expected.method } });
  expect(events[1]).toMatchObject({ actorUserId: user!.id, subjectUserId: user!.id, taxId: expected.taxId, clientAddress: context.clientAddress });
  expect(events[2]).toMatchObject({ actorUserId: user!.id, taxId: expected.taxId, details: { role: "delegate", method: "check" } });
  for (const event of events) expect(JSON.stringify(event)).not.toContain(input.password);
}

describe("registerWithCheck with the demo data", () => {
  it("registers Lakeside Family Clinic's first person as its delegate, proved by check and vendor number", async () => {
    await registersTheDelegate(lakesideByVendorInput(), { taxId: "411234567", method: "check_and_vendor_number", evidence: "Check ending 1001" });
  });

  it("registers Riverbend Orthopedics (41-3456789) proved by check and NPI", async () => {
    await registersTheDelegate(riverbendByNpiInput(), { taxId: "413456789", method: "check_and_npi", evidence: "Check ending 1003" });
    // Riverbend's other Tax ID is a separate organization and stays unregistered.
    const other = await db.select().from(organizations).where(eq(organizations.taxId, "413456790"));
    expect(other).toEqual([]);
  });

  it("stores the email lowercased and trimmed, whatever was typed", async () => {
    const input = riverbendByNpiInput({ taxId: "41-3456790", checkNumber: "7001004", email: "  Casey.KIM@Riverbend.Example " });
    expect(await registerWithCheck(parseCheckRegistration(input), buildRequestContext())).toEqual({ ok: true });
    const [row] = await db.select({ email: users.email }).from(users).where(and(eq(users.registrationSubmissionId, input.submissionId)));
    expect(row?.email).toBe("casey.kim@riverbend.example");
  });
});
