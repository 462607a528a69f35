import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { deliverDueEmails } from "@/lib/email/deliver";
import { enqueueEmail } from "@/lib/email/outbox";
import { devMailboxTransport, type EmailTransport } from "@/lib/email/transports";

const FROM = "HealthPartners Provider Portal <no-reply@provider-portal.example>";
const LINK = "http://portal.test/verify-email?token=tok_purge_123456789012345678";

/** Stands in for a real provider (Resend): accepts everything. */
const realTransport: EmailTransport = { name: "resend", send: async (email) => ({ providerMessageId: `real-${email.id}` }) };

async function queue(to: string): Promise<string> {
  return db.transaction((tx) =>
    enqueueEmail(tx, { template: "verify-email", to, props: { payerName: "HealthPartners", firstName: "Jordan", verifyUrl: LINK, expiresInHours: 24 } }),
  );
}

async function row(id: string) {
  const [found] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!found) throw new Error(`No outbox row ${id}`);
  return found;
}

describe("email bodies after sending (issue 6 #9)", () => {
  it("purges the body, with its link, once a real transport has sent it, and keeps recipient, template, subject, status and times", async () => {
    const id = await queue("purge.me@lakeside.example");
    const queued = await row(id);
    expect(queued.html).toContain(LINK);

    expect(await deliverDueEmails({ transport: realTransport, from: FROM })).toEqual({ sent: 1, failed: 0, deferred: 0 });

    const sent = await row(id);
    expect(sent).toMatchObject({ html: null, text: null, status: "sent", toAddress: "purge.me@lakeside.example", template: "verify-email", subject: queued.subject });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.bodyPurgedAt).toEqual(sent.sentAt);
    expect(sent.createdAt).toEqual(queued.createdAt);
  });

  it("keeps the body while the dev mailbox is the transport (it is the inbox there), and purges it when a real transport takes over", async () => {
    const id = await queue("dev.mailbox@lakeside.example");
    await deliverDueEmails({ transport: devMailboxTransport(), from: FROM });
    const kept = await row(id);
    expect(kept.status).toBe("sent");
    expect(kept.html).toContain(LINK);
    expect(kept.bodyPurgedAt).toBeNull();

    await deliverDueEmails({ transport: realTransport, from: FROM });
    const purged = await row(id);
    expect(purged).toMatchObject({ html: null, text: null, status: "sent" });
    expect(purged.bodyPurgedAt).toBeInstanceOf(Date);
  });
});
