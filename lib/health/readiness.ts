import "server-only";
import { db, type Executor } from "@/db/client";
import journal from "@/db/migrations/meta/_journal.json";
import { appliedMigrationTimes } from "@/db/queries/health";
import { log } from "@/lib/log.mjs";

export interface MigrationEntry {
  tag: string;
  when: number;
}

export type Readiness =
  | { ready: true; migrations: number }
  | { ready: false; reason: string };

/** The migrations this build was made with: the journal drizzle-kit wrote beside them. */
export const EXPECTED_MIGRATIONS: MigrationEntry[] = journal.entries.map(({ tag, when }) => ({ tag, when }));

export const READINESS_TIMEOUT_MS = 5000;

let lastReason: string | null = null;

/**
 * Whether this instance can serve: the database answers (within READINESS_TIMEOUT_MS) and every
 * migration of the build has been applied to it. The reason names no host, user or error text,
 * only what an operator does next; the error itself is logged once each time readiness changes.
 */
export async function checkReadiness(executor: Executor = db, expected: MigrationEntry[] = EXPECTED_MIGRATIONS, timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  let readiness: Readiness;
  let failure: unknown;
  try {
    const applied = await Promise.race([appliedMigrationTimes(executor), timeout]);
    if (applied === "timeout") {
      readiness = { ready: false, reason: `the database did not answer within ${timeoutMs / 1000} s` };
    } else {
      const done = new Set(applied);
      const pending = expected.filter((migration) => !done.has(migration.when)).map((migration) => migration.tag);
      readiness = pending.length
        ? { ready: false, reason: `migrations not applied: ${pending.join(", ")} (run \`npm run db:migrate\` as the schema's owner)` }
        : { ready: true, migrations: expected.length };
    }
  } catch (error) {
    failure = error;
    readiness = { ready: false, reason: "the database is unreachable" };
  } finally {
    clearTimeout(timer);
  }
  noteChange(readiness, failure);
  return readiness;
}

/** Probes ask every few seconds: log when readiness changes, not at every probe. */
function noteChange(readiness: Readiness, failure: unknown): void {
  const reason = readiness.ready ? null : readiness.reason;
  if (reason === lastReason) return;
  lastReason = reason;
  const logger = log.child({ module: "ready" });
  if (reason === null) logger.info("ready: the database answers and its migrations are current");
  else logger.warn(failure ? { err: failure } : {}, `not ready: ${reason}`);
}
