import { beforeAll, describe, expect, it } from "vitest";
import { loadCaseView, parseCaseNumber } from "@/lib/staff/cases/case-view";
import { loadCaseQueue, parseQueueFilter, queueHref } from "@/lib/staff/cases/queue";
import { deactivateDepartedDelegate } from "@/lib/staff/cases/deactivate-departed-delegate";
import { grantFromNotListedCase } from "@/lib/staff/cases/grant-from-not-listed";
import { addCaseNote, assignCaseToSelf, replyToRequester, resolveCase } from "@/lib/staff/cases/work-case";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor } from "@/tests/support/queries";
import { caseRow, demoRepresentative, historyOf, openContactCase, openNotListedCase } from "./helpers";

const HOUR = 60 * 60 * 1000;
let riley: { id: string };
let pat: { id: string; email: string };

beforeAll(async () => {
  await seedDemo();
  riley = await demoRepresentative();
  pat = await demoDelegate();
});

describe("the cases queue", () => {
  it("lists every kind of case, filters by type and status, and orders newest first or oldest open first", async () => {
    const now = Date.now();
    const older = await openNotListedCase({}, new Date(now - 5 * HOUR));
    const contact = await openContactCase(pat.id, new Date(now - 3 * HOUR));
    const newer = await openNotListedCase({}, new Date(now - 1 * HOUR));
    expect(await resolveCase({ staffUserId: riley.id, caseNumber: older, note: null }, buildRequestContext())).toEqual({ ok: true, changed: true });

    const all = await loadCaseQueue(parseQueueFilter({}));
    expect(all.map((row) => row.number)).toEqual(expect.arrayContaining([older, contact, newer]));
    // Oldest open first: the resolved case goes to the end.
    const mine = all.filter((row) => [older, contact, newer].includes(row.number)).map((row) => row.number);
    expect(mine).toEqual([contact, newer, older]);

    const newest = await loadCaseQueue(parseQueueFilter({ order: "newest" }));
    expect(newest.filter((row) => [older, contact, newer].includes(row.number)).map((row) => row.number)).toEqual([newer, contact, older]);

    const contacts = await loadCaseQueue(parseQueueFilter({ type: "contact_us" }));
    expect(contacts.every((row) => row.type === "contact_us")).toBe(true);
    expect(contacts.map((row) => row.number)).toContain(contact);

    const resolved = await loadCaseQueue(parseQueueFilter({ status: "resolved", type: "provider_not_listed" }));
    expect(resolved.map((row) => row.number)).toEqual([older]);
    expect(resolved[0]).toMatchObject({ type: "provider_not_listed", status: "resolved", taxId: "417654321", contactName: "Jamie Fox" });
  });

  it("ignores unknown filter values and builds links of filtered views", () => {
    expect(parseQueueFilter({ type: "nope", status: ["resolved", "open"], order: "<script>" })).toEqual({ type: null, status: "resolved", order: "oldest_open" });
    expect(queueHref({ type: "contact_us", status: "open", order: "newest" })).toBe("/staff/cases?type=contact_us&status=open&order=newest");
    expect(queueHref({ order: "oldest_open" })).toBe("/staff/cases");
    expect(parseCaseNumber("C-1042")).toBe(1042);
    expect(parseCaseNumber("1042")).toBe(1042);
    expect(parseCaseNumber("1042; drop")).toBeNull();
  });
});

describe("working a case", () => {
  it("assigns, notes, replies by email and resolves, each in the history and audited with the representative", async () => {
    const number = await openContactCase(pat.id);
    const contexts = { assign: buildRequestContext(), note: buildRequestContext(), reply: buildRequestContext(), resolve: buildRequestContext() };

    expect(await assignCaseToSelf({ staffUserId: riley.id, caseNumber: number }, contexts.assign)).toEqual({ ok: true, changed: true });
    expect(await assignCaseToSelf({ staffUserId: riley.id, caseNumber: number }, buildRequestContext())).toEqual({ ok: true, changed: false });
    expect(await caseRow(number)).toMatchObject({ status: "in_progress", assignedToUserId: riley.id });

    expect(await addCaseNote({ staffUserId: riley.id, caseNumber: number, body: "Called Birchwood: Pat works there." }, contexts.note)).toEqual({ ok: true, changed: true });
    expect(await replyToRequester({ staffUserId: riley.id, caseNumber: number, message: "We checked with Birchwood.\nYou can now add the Tax ID." }, contexts.reply)).toEqual({ ok: true, changed: true });
    expect(await resolveCase({ staffUserId: riley.id, caseNumber: number, note: "Access explained." }, contexts.resolve)).toEqual({ ok: true, changed: true });
    expect(await resolveCase({ staffUserId: riley.id, caseNumber: number, note: null }, buildRequestContext())).toEqual({ ok: false, code: "resolved" });

    const row = await caseRow(number);
    expect(row.status).toBe("resolved");
    expect(row.resolvedAt).not.toBeNull();

    const history = await historyOf(number);
    expect(history.map((event) => event.kind)).toEqual(["opened", "assigned", "note", "email_sent", "status_changed"]);
    expect(history.slice(1).every((event) => event.actorUserId === riley.id)).toBe(true);
    expect(history[3]!.body).toContain("We checked with Birchwood.");
    expect(history[4]!.body).toBe("Resolved: Access explained.");

    const [reply] = await emailsTo(pat.email, "case-reply");
    expect(reply!.subject).toBe(`About your case C-${number} | HealthPartners Provider Portal`);
    expect(reply!.text).toContain("We checked with Birchwood.");
    expect(reply!.text).toContain("Riley R.");
    expect(reply!.html).toContain("http://portal.test/help");

    for (const [step, action] of [["assign", "case.assigned"], ["note", "case.note_added"], ["reply", "case.replied"], ["resolve", "case.resolved"]] as const) {
      const [event] = await auditEventsFor(contexts[step].requestId, action);
      expect(event, action).toMatchObject({ outcome: "success", actorUserId: riley.id, taxId: "415678901", details: expect.objectContaining({ caseNumber: number }) });
    }

    const view = await loadCaseView(number);
    expect(view?.events).toHaveLength(5);
    expect(view?.events[1]).toMatchObject({ kind: "assigned", actorFirstName: "Riley", actorType: "staff" });
  });

  it("refuses every console action to a provider user, audits the refusal and changes nothing", async () => {
    const number = await openNotListedCase();
    const before = await historyOf(number);
    const attempts = [
      ["case.note_added", (context: ReturnType<typeof buildRequestContext>) => addCaseNote({ staffUserId: pat.id, caseNumber: number, body: "x" }, context)],
      ["case.assigned", (context: ReturnType<typeof buildRequestContext>) => assignCaseToSelf({ staffUserId: pat.id, caseNumber: number }, context)],
      ["case.replied", (context: ReturnType<typeof buildRequestContext>) => replyToRequester({ staffUserId: pat.id, caseNumber: number, message: "x" }, context)],
      ["case.resolved", (context: ReturnType<typeof buildRequestContext>) => resolveCase({ staffUserId: pat.id, caseNumber: number, note: null }, context)],
      ["case.delegate_deactivated", (context: ReturnType<typeof buildRequestContext>) => deactivateDepartedDelegate({ staffUserId: pat.id, caseNumber: number, delegateUserId: pat.id }, context)],
      ["case.access_granted", (context: ReturnType<typeof buildRequestContext>) => grantFromNotListedCase({ staffUserId: pat.id, caseNumber: number }, context)],
    ] as const;
    for (const [action, attempt] of attempts) {
      const context = buildRequestContext();
      expect(await attempt(context), action).toEqual({ ok: false, code: "not_staff" });
      const [event] = await auditEventsFor(context.requestId, action);
      expect(event, action).toMatchObject({ outcome: "denied", actorUserId: pat.id, reason: "not_staff" });
    }
    // An unknown person id is refused the same way.
    expect(await addCaseNote({ staffUserId: "00000000-0000-4000-8000-000000000000", caseNumber: number, body: "x" }, buildRequestContext())).toEqual({ ok: false, code: "not_staff" });
    expect(await historyOf(number)).toEqual(before);
    expect(await caseRow(number)).toMatchObject({ status: "open", assignedToUserId: null });
  });

  it("answers not_found for a case that does not exist", async () => {
    expect(await addCaseNote({ staffUserId: riley.id, caseNumber: 999_999, body: "x" }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
  });
});
