import { beforeAll, describe, expect, it } from "vitest";
import { findMyDelegate, type FindMyDelegateAnswer } from "@/lib/delegates/find-my-delegate";
import { FindMyDelegateSchema } from "@/lib/delegates/find-my-delegate-schema";
import { lookupPauseMessage } from "@/lib/delegates/lookup-limits";
import { LIMITS } from "@/lib/rate-limit";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext, randomClientAddress } from "@/tests/factories/request-context";
import { auditEventsFor } from "@/tests/support/queries";

beforeAll(() => seedDemo());

async function lookUp(taxId: string, clientAddress: string, requestId?: string): Promise<FindMyDelegateAnswer> {
  const context = buildRequestContext({ clientAddress, ...(requestId ? { requestId } : {}) });
  return findMyDelegate(FindMyDelegateSchema.parse({ taxId }), context, { minimumDurationMs: 0 });
}

const limited = (answers: FindMyDelegateAnswer[]) => answers.filter((answer) => answer.kind === "rate_limited");
const answered = (answers: FindMyDelegateAnswer[]) => answers.filter((answer) => answer.kind !== "rate_limited");

/** Distinct valid Tax IDs (prefix 41) that are in no records. */
const someTaxId = (index: number) => `41-${String(8_000_000 + index).padStart(7, "0")}`;

describe("Find my delegate: rate limits", () => {
  it("answers one Tax ID from one address 10 times in 15 minutes, counting parallel lookups exactly", async () => {
    const address = randomClientAddress();
    const answers = await Promise.all(Array.from({ length: LIMITS.delegateLookupByTaxIdAndClient.points + 3 }, () => lookUp("41-5678901", address)));
    expect(answered(answers)).toHaveLength(LIMITS.delegateLookupByTaxIdAndClient.points);
    expect(limited(answers)).toHaveLength(3);
    for (const answer of limited(answers)) {
      expect(answer).toMatchObject({ kind: "rate_limited", scope: "client" });
      if (answer.kind !== "rate_limited") continue;
      expect(answer.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(answer.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    // The same address may still look up another Tax ID, and another address this one.
    expect(await lookUp("41-2345678", address)).toMatchObject({ kind: "registered" });
    expect(await lookUp("41-5678901", randomClientAddress())).toMatchObject({ kind: "not_registered" });
  });

  it("answers one address 20 lookups in 15 minutes whatever the Tax IDs, counting parallel lookups exactly", async () => {
    const address = randomClientAddress();
    const points = LIMITS.delegateLookupByClient.points;
    const answers = await Promise.all(Array.from({ length: points + 4 }, (_, index) => lookUp(someTaxId(index), address)));
    expect(answered(answers)).toHaveLength(points);
    expect(limited(answers)).toHaveLength(4);
    expect(await lookUp("41-2345678", address)).toMatchObject({ kind: "rate_limited", scope: "client" });
    expect(await lookUp("41-2345678", randomClientAddress())).toMatchObject({ kind: "registered" });
  });

  it("holds a Tax ID looked up from many addresses at a high ceiling, for a few minutes only", async () => {
    const points = LIMITS.delegateLookupByTaxId.points;
    expect(LIMITS.delegateLookupByTaxId.duration).toBeLessThanOrEqual(5 * 60);
    expect(points).toBeGreaterThan(5 * LIMITS.delegateLookupByTaxIdAndClient.points);
    const answers = await Promise.all(Array.from({ length: points + 5 }, () => lookUp("41-4567890", randomClientAddress())));
    expect(answered(answers)).toHaveLength(points);
    expect(limited(answers)).toHaveLength(5);
    for (const answer of limited(answers)) {
      expect(answer).toMatchObject({ kind: "rate_limited", scope: "tax_id" });
      if (answer.kind === "rate_limited") expect(answer.retryAfterSeconds).toBeLessThanOrEqual(5 * 60);
    }
    // Other Tax IDs are not held.
    expect(await lookUp("41-5678901", randomClientAddress())).toMatchObject({ kind: "not_registered" });
  });

  it("does not let an address that is already paused use up a Tax ID's ceiling", async () => {
    const address = randomClientAddress();
    const taxId = "41-3456789";
    // Far more lookups than the ceiling, all from one address: only its own allowance is counted for the Tax ID.
    for (let batch = 0; batch < 3; batch += 1) await Promise.all(Array.from({ length: 30 }, () => lookUp(taxId, address)));
    const others = await Promise.all(Array.from({ length: LIMITS.delegateLookupByTaxId.points - LIMITS.delegateLookupByTaxIdAndClient.points }, () => lookUp(taxId, randomClientAddress())));
    expect(limited(others)).toHaveLength(0);
  });

  it("audits a refused lookup as rate limited, and its answer says when to try again", async () => {
    const address = randomClientAddress();
    for (let i = 0; i < LIMITS.delegateLookupByTaxIdAndClient.points; i += 1) await lookUp("41-3456790", address);
    const requestId = crypto.randomUUID();
    const answer = await lookUp("41-3456790", address, requestId);
    expect(answer).toMatchObject({ kind: "rate_limited", scope: "client" });
    const [event] = await auditEventsFor(requestId);
    expect(event).toMatchObject({ action: "delegate.lookup", outcome: "rate_limited", taxId: "413456790", clientAddress: address });
    expect(event!.details).toMatchObject({ answer: "rate_limited", limit: "client" });

    expect(lookupPauseMessage("client", 14 * 60 + 30)).toContain("try again in 15 minutes");
    expect(lookupPauseMessage("tax_id", 200)).toMatch(/This Tax ID has been looked up many times.*try again in 4 minutes/);
  });
});
