import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accessGrants } from "@/db/schema";
import { addAccessWithProof } from "@/lib/access/add-access";
import { confirmedAccount, riverbendSecondByCheck } from "@/tests/factories/add-access";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { countRows, delegatesOfTaxId } from "@/tests/support/queries";

beforeAll(() => seedDemo());

describe("two people adding the same unregistered Tax ID at once", () => {
  it("gives it one delegate; the other becomes a user and the delegate is told", async () => {
    const first = await confirmedAccount({ firstName: "Avery", lastName: "Stone" });
    const second = await confirmedAccount({ firstName: "Blake", lastName: "Moss" });

    const results = await Promise.all([
      addAccessWithProof(first.userId, riverbendSecondByCheck(), buildRequestContext()),
      addAccessWithProof(second.userId, riverbendSecondByCheck(), buildRequestContext()),
    ]);

    expect(results.map((result) => (result.ok ? result.role : result.code)).sort()).toEqual(["delegate", "user"]);
    const delegates = await delegatesOfTaxId("413456790");
    expect(delegates).toHaveLength(1);
    const [delegate, user] = results[0]!.ok && results[0]!.role === "delegate" ? [first, second] : [second, first];
    expect(delegates).toEqual([delegate.userId]);
    expect(await countRows(accessGrants, eq(accessGrants.taxId, "413456790"))).toBe(2);
    const told = await emailsTo(delegate.email, "access-added");
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toContain(user === second ? "Blake Moss" : "Avery Stone");
  });
});
