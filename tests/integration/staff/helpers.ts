import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { registerWithMail } from "@/lib/pin-letters/register-with-mail";
import { demoAccounts } from "@/tests/factories/demo-data";
import { birchwoodByMail, lettersOf } from "@/tests/factories/mail-registration";
import { buildRequestContext } from "@/tests/factories/request-context";
import { findUserByEmail } from "@/tests/support/queries";

/** Riley Reyes, the demo's representative. */
export async function riley(): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoAccounts.staff.email));
  if (!row) throw new Error("The demo data is not seeded in this test file's database.");
  return row.id;
}

/** Someone registered by US Mail (a letter queued for the Tax ID's address of record); returns their letter. */
export async function queuedLetter(taxId: string, overrides: Record<string, string> = {}, now = new Date()) {
  const registration = birchwoodByMail({ taxId, npi: "", ...overrides });
  const result = await registerWithMail(registration, buildRequestContext(), now);
  if (!result.ok) throw new Error(`The US Mail registration in a test setup failed: ${result.code}`);
  const user = await findUserByEmail(registration.email);
  const [letter] = await lettersOf(user!.id);
  return { userId: user!.id, letterId: letter!.id, email: registration.email };
}
