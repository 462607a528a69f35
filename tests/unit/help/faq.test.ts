import { describe, expect, it } from "vitest";
import { describeMatches, FAQ_GROUPS, searchFaq, withPayer } from "@/lib/help/faq";

describe("the Help Center FAQ", () => {
  it("has the seed's 10 provider and 7 billing questions, each with a link to a page of the portal", () => {
    expect(FAQ_GROUPS.map((group) => [group.title, group.entries.length])).toEqual([
      ["If you are a provider", 10],
      ["If you are a billing organization", 7],
    ]);
    const ids = FAQ_GROUPS.flatMap((group) => group.entries.map((entry) => entry.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of FAQ_GROUPS.flatMap((group) => group.entries)) {
      expect(entry.links.length, entry.id).toBeGreaterThan(0);
      for (const link of entry.links) expect(link.href, entry.id).toMatch(/^\/[a-z]/);
    }
  });

  it("keeps the answers' words as the FAQ says them", () => {
    const answers = FAQ_GROUPS.flatMap((group) => group.entries.flatMap((entry) => entry.answer.map((paragraph) => withPayer(paragraph, "HealthPartners"))));
    expect(answers).toContain("You can register using the \u201cRegister with US Mail\u201d option. A pin code will be mailed to your location to complete the registration.");
    expect(answers).toContain("If it has been more than 30 days, you will need to re-request that the authorization be sent to the provider.");
  });

  it("matches every word typed, in any order, ignoring case and punctuation", () => {
    const questions = (query: string) => searchFaq(query, "HealthPartners").flatMap((group) => group.entries.map((entry) => entry.id));
    expect(questions("")).toHaveLength(17);
    expect(questions("MAILED pin")).toEqual(["provider-no-check"]);
    expect(questions("\u201cNP\u201d")).toContain("provider-non-payment-notice");
    expect(questions("30 days")).toEqual(["billing-no-answer"]);
    expect(questions("healthpartners check")).toContain("provider-no-check");
    expect(questions("no such words")).toEqual([]);
    expect([0, 1, 5].map(describeMatches)).toEqual(["No questions match", "1 question matches", "5 questions match"]);
  });
});
