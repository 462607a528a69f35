import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { limitState } from "@/lib/rate-limit";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { sharedFailureState } from "@/lib/registration/registration-failure-state";
import { lakesideByVendor, northsideByVendor, riverbendByNpi } from "@/tests/factories/check-registration";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext, randomClientAddress } from "@/tests/factories/request-context";
import { auditEventsFor, countRows } from "@/tests/support/queries";

beforeAll(() => seedDemo());

/** Riverbend's second Tax ID (41-3456790): check #7001004, vendor number 100456. */
const riverbendSecond = (overrides: Parameters<typeof lakesideByVendor>[0] = {}) =>
  lakesideByVendor({ taxId: "41-3456790", checkNumber: "7001004", vendorNumber: "100456", ...overrides });

describe("registerWithCheck rate limits", () => {
  it("a stranger's failures for one Tax ID pause only their own address: the organization's staff register from another", async () => {
    const stranger = "198.51.100.31";
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const result = await registerWithCheck(riverbendSecond({ vendorNumber: String(200000 + attempt) }), buildRequestContext({ clientAddress: stranger }));
      expect(result, `attempt ${attempt + 1}`).toMatchObject(attempt < 5 ? { ok: false, code: "not_verified" } : { ok: false, code: "rate_limited", scope: "client" });
    }

    const rightCheck = riverbendSecond();
    const context = buildRequestContext({ clientAddress: stranger });
    const result = await registerWithCheck(rightCheck, context);
    expect(result).toMatchObject({ ok: false, code: "rate_limited", scope: "client" });
    if (result.ok || result.code !== "rate_limited") throw new Error("expected rate_limited");
    expect(result.retryAfterSeconds).toBeGreaterThan(0);
    expect(result.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(await countRows(users, eq(users.email, rightCheck.email))).toBe(0);
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.taxId, event.reason])).toEqual([["verification.check", "rate_limited", "413456790", "verificationByTaxIdAndClient"]]);

    // The message blames this device or network, never the organization.
    const message = sharedFailureState(result, {}).message;
    expect(message).toMatch(/from this device or network/);
    expect(message).toMatch(/paused for 15 minutes/);
    expect(message).not.toMatch(/organization/i);

    // The practice's own staff, from their office, register as usual.
    expect(await registerWithCheck(riverbendSecond(), buildRequestContext())).toEqual({ ok: true });
  });

  it("after 10 failures from one client address, refuses it for any Tax ID, while other addresses go on", async () => {
    const clientAddress = "198.51.100.23";
    const wrongTaxIds = ["41-5678901", "41-4567890"]; // Lakeside's check under other organizations' Tax IDs
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const result = await registerWithCheck(lakesideByVendor({ taxId: wrongTaxIds[attempt % 2] }), buildRequestContext({ clientAddress }));
      expect(result, `attempt ${attempt + 1}`).toEqual({ ok: false, code: "not_verified" });
    }

    const blocked = await registerWithCheck(riverbendByNpi(), buildRequestContext({ clientAddress }));
    expect(blocked).toMatchObject({ ok: false, code: "rate_limited" });

    // Neither of those Tax IDs reached its own limit (5 each), and Riverbend had none: another address succeeds.
    expect(await registerWithCheck(riverbendByNpi(), buildRequestContext())).toEqual({ ok: true });
  });

  it("lets the right check through after 4 failures for a Tax ID from one address (the limit there is 5)", async () => {
    const clientAddress = "198.51.100.77";
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await registerWithCheck(lakesideByVendor({ vendorNumber: String(300000 + attempt) }), buildRequestContext({ clientAddress }));
    }
    expect(await registerWithCheck(lakesideByVendor(), buildRequestContext({ clientAddress }))).toEqual({ ok: true });
  });

  it("counts parallel wrong guesses before checking them: of 25 at once for one Tax ID from one address, at most 5 are evaluated", async () => {
    const clientAddress = "198.51.100.78";
    const northsideGuesses = Array.from({ length: 25 }, (_, attempt) =>
      lakesideByVendor({ taxId: "41-2345678", checkNumber: String(8100000 + attempt), vendorNumber: "100310" }),
    );
    const results = await Promise.all(northsideGuesses.map((guess) => registerWithCheck(guess, buildRequestContext({ clientAddress }))));
    const evaluated = results.filter((result) => !result.ok && result.code === "not_verified").length;
    const refused = results.filter((result) => !result.ok && result.code === "rate_limited").length;
    // Exactly 5 when the requests run one after another (PGlite); with PostgreSQL's real concurrency a
    // guess may be refused by the per-address limit (10) before its Tax ID pair count is reached: fewer, never more.
    expect(evaluated).toBeGreaterThanOrEqual(1);
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(refused).toBe(25 - evaluated);
    // The refused ones gave their points back: wrong guesses up to 5 in all are still evaluated...
    for (let attempt = evaluated; attempt < 5; attempt += 1) {
      expect(await registerWithCheck(northsideGuesses[attempt]!, buildRequestContext({ clientAddress }))).toEqual({ ok: false, code: "not_verified" });
    }
    // ...and then the limit holds, for the right check too.
    expect(await registerWithCheck(northsideByVendor(), buildRequestContext({ clientAddress }))).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("pauses a Tax ID for everyone only at the ceiling of 100 failures a day, for guesses spread over many addresses", async () => {
    const taxId = "41-7654321";
    const { failures } = await limitState("verificationByTaxId", "417654321");
    for (let start = failures; start < 100; start += 10) {
      const batch = Array.from({ length: Math.min(10, 100 - start) }, (_, index) =>
        registerWithCheck(lakesideByVendor({ taxId, vendorNumber: String(400000 + start + index) }), buildRequestContext({ clientAddress: randomClientAddress() })),
      );
      for (const result of await Promise.all(batch)) expect(result).toEqual({ ok: false, code: "not_verified" });
    }

    const result = await registerWithCheck(lakesideByVendor({ taxId }), buildRequestContext({ clientAddress: randomClientAddress() }));
    expect(result).toMatchObject({ ok: false, code: "rate_limited", scope: "tax_id" });
    if (result.ok || result.code !== "rate_limited") throw new Error("expected rate_limited");
    expect(result.retryAfterSeconds).toBeGreaterThan(23 * 60 * 60);
    const message = sharedFailureState(result, {}).message;
    expect(message).toMatch(/many unsuccessful attempts to verify this Tax ID from different places/);
    expect(message).toMatch(/paused for 24 hours\. You can register by US Mail instead/);
  }, 60_000);
});
