import type { Database } from "../../db/client";
import { upsertNpisInBulk, upsertReferenceRecords } from "../../db/queries/reference";
import { demoAccounts, demoChecks, demoNotices, demoNpis, demoTaxIds } from "../../db/seed/demo-records";
import { largePracticeAccount, largePracticeCheck, largePracticeNpis, largePracticeTaxId } from "./large-practice";
import { provisionAccount } from "../../lib/accounts/provision-account";
import { grantAndAudit, joinProviderOrganization } from "../../lib/registration/provider-registration";

function daysAgo(days: number, now: Date): string {
  const date = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  return date.toISOString().slice(0, 10);
}

/**
 * Loads the demo data idempotently, through the same use cases as the portal: the health
 * plan's records are upserted (dates refreshed relative to today); accounts are created once
 * and left alone afterwards. Pat Morgan becomes Northside's delegate as a registrant would.
 */
export async function seedDemoData(db: Database, now = new Date()): Promise<string> {
  return db.transaction(async (tx) => {
    await upsertReferenceRecords(tx, {
      taxIds: [...demoTaxIds],
      npis: [...demoNpis],
      checks: demoChecks.map(({ daysAgo: days, ...check }) => ({ ...check, issuedOn: daysAgo(days, now) })),
      notices: demoNotices.map(({ daysAgo: days, ...notice }) => ({ ...notice, noticeDate: daysAgo(days, now) })),
    });

    const { delegate, staff } = demoAccounts;
    let created = 0;
    const pat = await provisionAccount(tx, { ...delegate, accountType: "provider" }, now);
    if (pat) {
      created += 1;
      await joinProviderOrganization(tx, { taxId: delegate.taxId, person: { userId: pat.id, firstName: pat.firstName, lastName: pat.lastName, email: pat.email, phone: delegate.phone }, departed: null, now }, null);
      await grantAndAudit(tx, { userId: pat.id, taxId: delegate.taxId, method: "check", evidence: `Check ending ${delegate.checkNumber.slice(-4)}`, status: "active", now }, "delegate", null);
    }
    if (await provisionAccount(tx, { ...staff, accountType: "staff" }, now)) created += 1;

    // The hospital system (5,000 NPIs) and Casey Holt, its delegate, registered the same way as Pat.
    const hospitalNpis = largePracticeNpis();
    const { daysAgo: checkAge, ...hospitalCheck } = largePracticeCheck;
    await upsertReferenceRecords(tx, { taxIds: [largePracticeTaxId], npis: [], checks: [], notices: [] });
    await upsertNpisInBulk(tx, hospitalNpis);
    await upsertReferenceRecords(tx, { taxIds: [], npis: [], checks: [{ ...hospitalCheck, issuedOn: daysAgo(checkAge, now) }], notices: [] });
    const casey = await provisionAccount(tx, { ...largePracticeAccount, accountType: "provider" }, now);
    if (casey) {
      created += 1;
      const person = { userId: casey.id, firstName: casey.firstName, lastName: casey.lastName, email: casey.email, phone: largePracticeAccount.phone };
      await joinProviderOrganization(tx, { taxId: largePracticeAccount.taxId, person, departed: null, now }, null);
      await grantAndAudit(
        tx,
        { userId: casey.id, taxId: largePracticeAccount.taxId, method: "check", evidence: `Check ending ${largePracticeAccount.checkNumber.slice(-4)}`, status: "active", now },
        "delegate",
        null,
      );
    }

    return `Demo data: ${demoTaxIds.length + 1} Tax IDs, ${demoNpis.length + hospitalNpis.length} NPIs (${hospitalNpis.length} of them Summit Health System's), ${demoChecks.length + 1} checks, ${demoNotices.length} non-payment notice; ${created} new account(s).`;
  });
}
