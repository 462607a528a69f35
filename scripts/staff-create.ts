import "../db/load-env";
import { parseArgs } from "node:util";
import { closeDatabase } from "../db/client";
import { createStaffAccount, STAFF_SETUP_LINK_HOURS } from "../lib/staff/create-staff-account";

// `npm run staff:create -- --email riley.reyes@staff.example --name "Riley Reyes" [--phone 612-555-0199]`
// Creates a representative's account and prints a single-use link to set its password. On the
// embedded database, stop the portal first (one process per data directory).
const usage = 'Usage: npm run staff:create -- --email name@example.org --name "First Last" [--phone 612-555-0100]';

try {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, phone: { type: "string" }, help: { type: "boolean" } }, strict: true });
  if (values.help) {
    console.log(usage);
  } else {
    const result = await createStaffAccount({ email: values.email, name: values.name, phone: values.phone });
    if (result.ok) {
      console.log(`Created the representative's account ${result.email}.`);
      console.log(`Send them this single-use link to set their password (it works for ${STAFF_SETUP_LINK_HOURS} hours, until ${result.expiresAt.toISOString()}):`);
      console.log(`  ${result.setupUrl}`);
      console.log("At their first sign-in they must add a second step (an authenticator app or a passkey). Once the link expires, they can use \"Forgot your password?\".");
    } else if (result.code === "email_taken") {
      console.error(`An account with this email address already exists (a ${result.accountType} account). Nothing was created: use another address.`);
      process.exitCode = 1;
    } else {
      for (const error of result.errors) console.error(error);
      console.error(usage);
      process.exitCode = 1;
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
