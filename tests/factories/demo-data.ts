import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { seedDemoData } from "@/scripts/seed/demo";
import { demoAccounts } from "@/db/seed/demo-records";

export { demoAccounts, demoChecks, demoNpis, demoTaxIds } from "@/db/seed/demo-records";

/** Loads docs/demo-data.md into the test file's database (the same seed `npm run db:seed` runs). */
export async function seedDemo(now = new Date()): Promise<void> {
  await seedDemoData(db, now);
}

/** Pat Morgan, Northside Pediatrics' seeded delegate. */
export async function demoDelegate(): Promise<{ id: string; email: string; password: string }> {
  const [row] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, demoAccounts.delegate.email));
  if (!row) throw new Error("The demo data is not seeded in this test file's database.");
  return { ...row, password: demoAccounts.delegate.password };
}
