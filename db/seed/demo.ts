import { sql } from "drizzle-orm";
import { hashPassword } from "../../lib/auth/password";
import type { Database } from "../client";
import { accessGrants, nonpaymentNotices, npis, npiTaxIds, paymentChecks, providerTaxIds, registeredOrganizations, users } from "../schema";
import { demoAccounts, demoChecks, demoNotices, demoNpis, demoTaxIds } from "./demo-records";

function daysAgo(days: number, now: Date): string {
  const date = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  return date.toISOString().slice(0, 10);
}

/**
 * Loads the demo data idempotently: reference records are upserted (their dates are
 * refreshed relative to today), accounts are created once and left alone afterwards.
 */
export async function seedDemoData(db: Database, now = new Date()): Promise<string> {
  const [delegateHash, staffHash] = await Promise.all([
    hashPassword(demoAccounts.delegate.password),
    hashPassword(demoAccounts.staff.password),
  ]);

  return db.transaction(async (tx) => {
    await tx
      .insert(providerTaxIds)
      .values([...demoTaxIds])
      .onConflictDoUpdate({
        target: providerTaxIds.taxId,
        set: {
          legalName: sql`excluded.legal_name`,
          addressLine1: sql`excluded.address_line1`,
          city: sql`excluded.city`,
          state: sql`excluded.state`,
          postalCode: sql`excluded.postal_code`,
        },
      });
    await tx
      .insert(npis)
      .values(demoNpis.map(({ npi, type, name }) => ({ npi, type, name })))
      .onConflictDoUpdate({ target: npis.npi, set: { type: sql`excluded.type`, name: sql`excluded.name` } });
    await tx
      .insert(npiTaxIds)
      .values(demoNpis.flatMap(({ npi, taxIds }) => taxIds.map((taxId) => ({ npi, taxId }))))
      .onConflictDoNothing();
    await tx
      .insert(paymentChecks)
      .values(demoChecks.map(({ daysAgo: days, ...check }) => ({ ...check, issuedOn: daysAgo(days, now) })))
      .onConflictDoUpdate({
        target: paymentChecks.checkNumber,
        set: {
          vendorNumber: sql`excluded.vendor_number`,
          taxId: sql`excluded.tax_id`,
          npi: sql`excluded.npi`,
          amountCents: sql`excluded.amount_cents`,
          issuedOn: sql`excluded.issued_on`,
        },
      });
    await tx
      .insert(nonpaymentNotices)
      .values(demoNotices.map(({ daysAgo: days, ...notice }) => ({ ...notice, noticeDate: daysAgo(days, now) })))
      .onConflictDoUpdate({
        target: nonpaymentNotices.noticeNumber,
        set: { taxId: sql`excluded.tax_id`, npi: sql`excluded.npi`, noticeDate: sql`excluded.notice_date` },
      });

    const { delegate, staff } = demoAccounts;
    const inserted = await tx
      .insert(users)
      .values([
        {
          email: delegate.email,
          firstName: delegate.firstName,
          lastName: delegate.lastName,
          phone: delegate.phone,
          passwordHash: delegateHash,
          accountType: "provider",
          emailVerifiedAt: now,
        },
        {
          email: staff.email,
          firstName: staff.firstName,
          lastName: staff.lastName,
          phone: staff.phone,
          passwordHash: staffHash,
          accountType: "staff",
          emailVerifiedAt: now,
        },
      ])
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email });

    const pat = inserted.find((row) => row.email === delegate.email);
    if (pat) {
      await tx
        .insert(registeredOrganizations)
        .values({ taxId: delegate.taxId, registeredByUserId: pat.id, registeredAt: now })
        .onConflictDoNothing();
      await tx
        .insert(accessGrants)
        .values({
          userId: pat.id,
          taxId: delegate.taxId,
          role: "delegate",
          method: "check",
          evidence: `Check ending ${delegate.checkNumber.slice(-4)}`,
          status: "active",
          grantedAt: now,
        })
        .onConflictDoNothing();
    }

    return `Demo data: ${demoTaxIds.length} Tax IDs, ${demoNpis.length} NPIs, ${demoChecks.length} checks, ${demoNotices.length} non-payment notice; ${inserted.length} new account(s).`;
  });
}
