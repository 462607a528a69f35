import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, pinLetters } from "@/db/schema";
import { enterPin } from "@/lib/pin-letters/enter-pin";
import { letterQueue } from "@/lib/staff/letters/letter-queue";
import { markLettersMailed } from "@/lib/staff/letters/mark-mailed";
import { printLetterBatch } from "@/lib/staff/letters/print-batch";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { mailGrantOf, pinOfNewestLetter } from "@/tests/factories/mail-registration";
import { buildRequestContext } from "@/tests/factories/request-context";
import { auditEventsFor } from "@/tests/support/queries";
import { queuedLetter, riley } from "./helpers";

beforeAll(() => seedDemo());

const DAY = 24 * 60 * 60 * 1000;

async function letterRow(id: string) {
  const [row] = await db.select().from(pinLetters).where(eq(pinLetters.id, id));
  return row!;
}

/** The PIN as the printed sheet shows it (grouped ABCD-EFGH). */
function pinOnSheet(html: string): string {
  const match = />([ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4})</.exec(html);
  if (!match) throw new Error("No PIN on the sheet.");
  return match[1]!;
}

describe("the console's letter queue", () => {
  it("lists who asked, where the letter goes and its status, never the sealed PIN", async () => {
    const staff = await riley();
    const { letterId } = await queuedLetter("41-5678901", { firstName: "Quinn", lastName: "Hale" });
    const queue = await letterQueue(staff, "queued");
    expect(queue.ok).toBe(true);
    if (!queue.ok) return;
    const row = queue.letters.find((letter) => letter.id === letterId);
    expect(row).toMatchObject({
      status: "queued",
      taxId: "415678901",
      organizationName: "Birchwood Clinic",
      requesterFirstName: "Quinn",
      requesterLastName: "Hale",
      address: { addressLine1: "500 Birch Ln", city: "Bloomington", state: "MN", postalCode: "55420" },
    });
    expect(Object.keys(row!)).not.toContain("pinCiphertext");
    expect(Object.keys(row!)).not.toContain("pinHash");
    expect(queue.counts.queued).toBeGreaterThanOrEqual(1);
    expect((await letterQueue(staff, "mailed")).ok && (await letterQueue(staff, "mailed"))).toMatchObject({ letters: [] });
  });

  it("shows a live letter past its 30 days as expired and does not print it", async () => {
    const staff = await riley();
    const old = new Date(Date.now() - 31 * DAY);
    const { letterId } = await queuedLetter("41-4567890", {}, old);
    const expired = await letterQueue(staff, "expired");
    expect(expired.ok && expired.letters.map((letter) => letter.id)).toContain(letterId);
    expect(await printLetterBatch(staff, [letterId], buildRequestContext())).toEqual({ ok: false, code: "none_printable" });
    expect(await letterRow(letterId)).toMatchObject({ status: "queued" });
  });
});

describe("printing a batch", () => {
  it("prints each letter once under two concurrent print requests, and discards the sealed PIN", async () => {
    const staff = await riley();
    const first = await queuedLetter("41-3456789");
    const second = await queuedLetter("41-3456790");
    const pin = await pinOfNewestLetter(first.userId);

    const [a, b] = await Promise.all([
      printLetterBatch(staff, [first.letterId, second.letterId], buildRequestContext()),
      printLetterBatch(staff, [second.letterId, first.letterId], buildRequestContext()),
    ]);
    const sheets = [a, b].flatMap((result) => (result.ok ? result.sheets : []));
    expect(sheets.map((sheet) => sheet.letterId).sort()).toEqual([first.letterId, second.letterId].sort());
    expect([a, b].filter((result) => !result.ok)).toEqual([{ ok: false, code: "none_printable" }]);

    for (const id of [first.letterId, second.letterId]) {
      expect(await letterRow(id)).toMatchObject({ status: "printed", pinCiphertext: null, printedByUserId: staff });
    }
    const sheet = sheets.find((candidate) => candidate.letterId === first.letterId)!;
    expect(sheet).toMatchObject({ taxId: "413456789", organizationName: "Riverbend Orthopedics", registrantName: "Morgan Ellis" });
    expect(sheet.html).toContain("300 River Rd");
    expect(sheet.html).not.toContain("<html");
    expect(pinOnSheet(sheet.html).replace("-", "")).toBe(pin);

    // A reprint is impossible: the letter is no longer queued.
    expect(await printLetterBatch(staff, [first.letterId], buildRequestContext())).toEqual({ ok: false, code: "none_printable" });

    // The PIN on the sheet works for the registrant.
    const grant = await mailGrantOf(first.userId, "413456789");
    expect(await enterPin(first.userId, grant.id, pinOnSheet(sheet.html), buildRequestContext())).toMatchObject({ ok: true });
    expect(await letterRow(first.letterId)).toMatchObject({ status: "redeemed" });
  });

  it("audits each printed letter with the representative, skips letters that are not queued, and refuses empty or oversized batches", async () => {
    const staff = await riley();
    const queued = await queuedLetter("41-1234567");
    const context = buildRequestContext();
    const printed = await printLetterBatch(staff, [queued.letterId, queued.letterId, "00000000-0000-4000-8000-000000000000"], context);
    expect(printed).toMatchObject({ ok: true, skipped: 1 });
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.actorUserId, event.taxId, event.details?.letterId])).toEqual([
      ["pin_letter.printed", "success", staff, "411234567", queued.letterId],
    ]);
    expect(await printLetterBatch(staff, [], buildRequestContext())).toEqual({ ok: false, code: "none_chosen" });
    const many = Array.from({ length: 51 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
    expect(await printLetterBatch(staff, many, buildRequestContext())).toEqual({ ok: false, code: "too_many" });
  });
});

describe("marking letters mailed", () => {
  it("records the date and the representative for printed letters only, once", async () => {
    const staff = await riley();
    const printedLetter = await queuedLetter("41-5678901");
    const stillQueued = await queuedLetter("41-5678901");
    expect(await printLetterBatch(staff, [printedLetter.letterId], buildRequestContext())).toMatchObject({ ok: true });

    const when = new Date("2026-11-20T15:00:00Z");
    const context = buildRequestContext();
    expect(await markLettersMailed(staff, [printedLetter.letterId, stillQueued.letterId], context, when)).toEqual({ ok: true, mailed: 1, skipped: 1 });
    expect(await letterRow(printedLetter.letterId)).toMatchObject({ status: "mailed", mailedAt: when, mailedByUserId: staff });
    expect(await letterRow(stillQueued.letterId)).toMatchObject({ status: "queued", mailedAt: null });
    expect((await auditEventsFor(context.requestId)).map((event) => [event.action, event.actorUserId, event.details?.letterId])).toEqual([
      ["pin_letter.mailed", staff, printedLetter.letterId],
    ]);
    expect(await markLettersMailed(staff, [printedLetter.letterId], buildRequestContext())).toEqual({ ok: true, mailed: 0, skipped: 1 });
    expect(await markLettersMailed(staff, [], buildRequestContext())).toEqual({ ok: false, code: "none_chosen" });
  });
});

describe("refused for anyone but a representative", () => {
  it("answers forbidden to a provider user (and a registrant) and changes nothing", async () => {
    const pat = await demoDelegate();
    const queued = await queuedLetter("41-5678901");
    for (const actor of [pat.id, queued.userId]) {
      const context = buildRequestContext();
      expect(await letterQueue(actor, null)).toEqual({ ok: false, code: "forbidden" });
      expect(await printLetterBatch(actor, [queued.letterId], context)).toEqual({ ok: false, code: "forbidden" });
      expect(await markLettersMailed(actor, [queued.letterId], context)).toEqual({ ok: false, code: "forbidden" });
      const events = await auditEventsFor(context.requestId);
      expect(events.map((event) => [event.action, event.outcome, event.reason])).toEqual([
        ["pin_letter.printed", "denied", "not_staff"],
        ["pin_letter.mailed", "denied", "not_staff"],
      ]);
    }
    expect(await letterRow(queued.letterId)).toMatchObject({ status: "queued" });
    expect((await letterRow(queued.letterId)).pinCiphertext).not.toBeNull();
    expect(await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, "pin_letter.printed"))).not.toHaveLength(0);
  });
});
