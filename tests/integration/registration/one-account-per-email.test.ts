import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accessGrants, users } from "@/db/schema";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { registerWithNotice } from "@/lib/registration/register-with-notice";
import { lakesideByVendor, uniqueEmail } from "@/tests/factories/check-registration";
import { seedDemo } from "@/tests/factories/demo-data";
import { prairieByNotice } from "@/tests/factories/notice-registration";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { countRows, delegatesOfTaxId } from "@/tests/support/queries";

beforeAll(() => seedDemo());

/** The accounts whose email is this one, whatever its case. */
const accountsFor = (email: string) => countRows(users, eq(sql`lower(${users.email})`, email.toLowerCase()));

describe("one person, one account", () => {
  it("10 check registrations at once with one email (in different cases) create one account", async () => {
    const email = uniqueEmail("Ten.At.Once", "Lakeside.Example");
    const variants = [email, email.toUpperCase(), email.toLowerCase(), ` ${email} `];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => registerWithCheck(lakesideByVendor({ email: variants[index % variants.length] }), buildRequestContext())),
    );
    expect(results).toEqual(Array.from({ length: 10 }, () => ({ ok: true })));

    expect(await accountsFor(email)).toBe(1);
    const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
    expect(await delegatesOfTaxId("411234567")).toEqual([account!.id]);
    expect(await countRows(accessGrants, eq(accessGrants.taxId, "411234567"))).toBe(1);
    // One confirmation link; "account exists" notices go at most once a day to an address (and
    // here the account didn't exist yet when the ten started), so the owner's inbox isn't flooded.
    expect(await emailsTo(email.toLowerCase(), "verify-email")).toHaveLength(1);
    expect((await emailsTo(email.toLowerCase(), "account-exists")).length).toBeLessThanOrEqual(1);
  });

  it("10 notice registrations at once with one email create one account", async () => {
    const email = uniqueEmail("Ten.Notices", "Prairie.Example");
    const results = await Promise.all(Array.from({ length: 10 }, () => registerWithNotice(prairieByNotice({ email }), buildRequestContext())));
    expect(results).toEqual(Array.from({ length: 10 }, () => ({ ok: true })));
    expect(await accountsFor(email)).toBe(1);
    expect(await countRows(accessGrants, eq(accessGrants.taxId, "414567890"))).toBe(1);
    expect(await emailsTo(email.toLowerCase(), "verify-email")).toHaveLength(1);
  });
});
