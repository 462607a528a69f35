import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { authenticate } from "@/lib/auth/authenticate";
import { contextFromHeaders } from "@/lib/client-context";
import { auditEventsFor } from "@/tests/support/queries";

describe("what the audit log stores from a request (issue 6 #8)", () => {
  it("labels a failed sign-in with a passphrase typed as the email 'invalid-email', never the passphrase", async () => {
    const context = { clientAddress: "192.0.2.44", userAgent: "vitest", requestId: randomUUID() };
    await authenticate("correct horse battery staple", "whatever", context);
    const [event] = await auditEventsFor(context.requestId, "signin");
    expect(event).toMatchObject({ outcome: "failure", actorLabel: "invalid-email" });
    expect(JSON.stringify(event)).not.toContain("horse");
  });

  it("labels a failed sign-in with a valid email by the normalized email", async () => {
    const context = { clientAddress: "192.0.2.45", userAgent: "vitest", requestId: randomUUID() };
    await authenticate("  Someone.Unknown@Example.ORG ", "whatever", context);
    const [event] = await auditEventsFor(context.requestId, "signin");
    expect(event?.actorLabel).toBe("someone.unknown@example.org");
  });

  it("never stores a client's request id, and stores every other value as bounded plain text", async () => {
    const context = contextFromHeaders(
      new Headers({ "x-request-id": "<img src=x onerror=alert(1)>", "user-agent": `<b>agent</b>\t${"x".repeat(2000)}`, "x-forwarded-for": "192.0.2.46" }),
    );
    expect(context.requestId).not.toContain("<");
    await recordAudit(db, context, {
      action: "signin",
      outcome: "failure",
      actorLabel: "<script>@x",
      taxId: "41-1234567<script>",
      reason: `wrong\u202e${"r".repeat(1000)}`,
      details: { note: "<i>hi</i>\u0007", count: Number.POSITIVE_INFINITY },
    });
    const [event] = await auditEventsFor(context.requestId);
    expect(event).toMatchObject({ actorLabel: "invalid-email", taxId: null, clientAddress: "192.0.2.46" });
    expect(event?.userAgent?.startsWith("\u2039b\u203aagent\u2039/b\u203a x")).toBe(true);
    expect(event?.userAgent?.length).toBeLessThanOrEqual(512);
    expect(event?.reason?.length).toBeLessThanOrEqual(200);
    expect(event?.reason).not.toContain("\u202e");
    expect(event?.details).toEqual({ note: "\u2039i\u203ahi\u2039/i\u203a", count: null });
  });
});
