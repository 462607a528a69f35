import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accessGrants, emailOutbox, organizations, users } from "@/db/schema";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { lakesideByVendor, lakesideByVendorInput, parseCheckRegistration, riverbendByNpi, type CheckRegistrationInput } from "@/tests/factories/check-registration";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { auditEventsFor, countRows } from "@/tests/support/queries";

beforeAll(() => seedDemo());

/** Registers with data the health plan's records don't back up; returns the one audit event. */
async function failsToVerify(input: CheckRegistrationInput) {
  const registration = parseCheckRegistration(input);
  const context = buildRequestContext();
  const counts = { users: await countRows(users), outbox: await countRows(emailOutbox), grants: await countRows(accessGrants), orgs: await countRows(organizations) };

  expect(await registerWithCheck(registration, context)).toEqual({ ok: false, code: "not_verified" });

  expect(await countRows(users)).toBe(counts.users);
  expect(await countRows(users, eq(users.email, registration.email))).toBe(0);
  expect(await countRows(emailOutbox)).toBe(counts.outbox);
  expect(await countRows(accessGrants)).toBe(counts.grants);
  expect(await countRows(organizations)).toBe(counts.orgs);

  const events = await auditEventsFor(context.requestId);
  expect(events).toHaveLength(1);
  const [event] = events;
  expect(event).toMatchObject({ action: "verification.check", outcome: "failure", actorLabel: registration.email, taxId: registration.taxId });
  // The secrets a guesser types never reach the log.
  const logged = JSON.stringify({ reason: event!.reason, details: event!.details });
  expect(logged).not.toContain(registration.checkNumber);
  if (registration.proof.kind === "vendor") expect(logged).not.toContain(registration.proof.vendorNumber);
  return event!;
}

describe("registerWithCheck when the check doesn't prove the registration", () => {
  it("refuses a wrong vendor number", async () => {
    const event = await failsToVerify(lakesideByVendorInput({ vendorNumber: "100999" }));
    expect(event.reason).toBe("vendor_mismatch");
    expect(event.details).toEqual({ method: "check_and_vendor_number" });
  });

  it("refuses an NPI that is valid but not the check's", async () => {
    const event = await failsToVerify(lakesideByVendorInput({ proof: "npi", vendorNumber: "", npi: "1045678012" }));
    expect(event.reason).toBe("npi_mismatch");
    expect(event.details).toEqual({ method: "check_and_npi" });
  });

  it("refuses a check issued to another Tax ID", async () => {
    const event = await failsToVerify(lakesideByVendorInput({ taxId: "41-5678901" }));
    expect(event.reason).toBe("tax_id_mismatch");
    expect(event.taxId).toBe("415678901");
  });

  it("refuses check #6990001, issued 400 days ago", async () => {
    const event = await failsToVerify(lakesideByVendorInput({ checkNumber: "6990001" }));
    expect(event.reason).toBe("too_old");
  });

  it("refuses a check number the health plan never issued", async () => {
    const event = await failsToVerify(lakesideByVendorInput({ checkNumber: "7009999" }));
    expect(event.reason).toBe("no_such_check");
  });

  it("gives each failure a different reason in the audit log but the same answer to the person", async () => {
    const reasons = new Set<string | null>();
    for (const input of [
      lakesideByVendorInput({ vendorNumber: "100235" }),
      lakesideByVendorInput({ proof: "npi", vendorNumber: "", npi: "1600123453" }),
      lakesideByVendorInput({ taxId: "41-4567890" }),
      lakesideByVendorInput({ checkNumber: "6990001" }),
    ]) {
      reasons.add((await failsToVerify(input)).reason);
    }
    expect([...reasons].sort()).toEqual(["npi_mismatch", "tax_id_mismatch", "too_old", "vendor_mismatch"]);
  });

  it("still registers the organization with the right check afterwards", async () => {
    expect(await registerWithCheck(lakesideByVendor(), buildRequestContext())).toEqual({ ok: true });
    expect(await registerWithCheck(riverbendByNpi(), buildRequestContext())).toEqual({ ok: true });
  });
});
