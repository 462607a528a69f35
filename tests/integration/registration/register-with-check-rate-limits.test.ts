import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { lakesideByVendor, northsideByVendor, riverbendByNpi } from "@/tests/factories/check-registration";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { auditEventsFor, countRows } from "@/tests/support/queries";

beforeAll(() => seedDemo());

/** Riverbend's second Tax ID (41-3456790): check #7001004, vendor number 100456. */
const riverbendSecond = (overrides: Parameters<typeof lakesideByVendor>[0] = {}) =>
  lakesideByVendor({ taxId: "41-3456790", checkNumber: "7001004", vendorNumber: "100456", ...overrides });

describe("registerWithCheck rate limits", () => {
  it("after 10 failures for one Tax ID, refuses even the right check, from any address", async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const result = await registerWithCheck(riverbendSecond({ vendorNumber: String(200000 + attempt) }), buildRequestContext());
      expect(result, `attempt ${attempt + 1}`).toEqual({ ok: false, code: "not_verified" });
    }

    const rightCheck = riverbendSecond();
    const context = buildRequestContext();
    const result = await registerWithCheck(rightCheck, context);
    expect(result).toMatchObject({ ok: false, code: "rate_limited" });
    if (result.ok || result.code !== "rate_limited") throw new Error("expected rate_limited");
    expect(result.retryAfterSeconds).toBeGreaterThan(0);
    expect(result.retryAfterSeconds).toBeLessThanOrEqual(60 * 60);

    expect(await countRows(users, eq(users.email, rightCheck.email))).toBe(0);
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.taxId])).toEqual([["verification.check", "rate_limited", "413456790"]]);
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

  it("lets the right check through after 9 failures (the limit is 10)", async () => {
    const clientAddress = "198.51.100.77";
    for (let attempt = 0; attempt < 9; attempt += 1) {
      await registerWithCheck(lakesideByVendor({ vendorNumber: String(300000 + attempt) }), buildRequestContext({ clientAddress }));
    }
    expect(await registerWithCheck(lakesideByVendor(), buildRequestContext({ clientAddress }))).toEqual({ ok: true });
  });

  it("counts parallel wrong guesses before checking them: of 25 at once for one Tax ID, exactly 10 are evaluated", async () => {
    const northsideGuesses = Array.from({ length: 25 }, (_, attempt) =>
      lakesideByVendor({ taxId: "41-2345678", checkNumber: String(8100000 + attempt), vendorNumber: "100310" }),
    );
    const results = await Promise.all(northsideGuesses.map((guess) => registerWithCheck(guess, buildRequestContext())));
    const evaluated = results.filter((result) => !result.ok && result.code === "not_verified").length;
    const refused = results.filter((result) => !result.ok && result.code === "rate_limited").length;
    expect(evaluated).toBe(10);
    expect(refused).toBe(15);
    // And the limit still holds afterwards, for the right check too.
    expect(await registerWithCheck(northsideByVendor(), buildRequestContext())).toMatchObject({ ok: false, code: "rate_limited" });
  });
});
