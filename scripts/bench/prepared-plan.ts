import type postgres from "postgres";

/** A parameter as an SQL literal, for EXECUTE (which takes no bound parameters). */
function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  const text = value instanceof Date ? value.toISOString() : typeof value === "string" ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * EXPLAIN of a statement as a prepared statement of the app's connections would run it (on
 * PostgreSQL every statement with parameters is one, db/drivers.ts): PREPAREd, optionally run
 * `runsFirst` times (after five, PostgreSQL may keep a generic plan), then explained; on one
 * connection, in a transaction whose `settings` (SET LOCAL) end with it. One line per plan line.
 */
export function explainPrepared(
  client: postgres.Sql,
  statement: string,
  params: unknown[],
  options: { explain: string; runsFirst?: number; settings?: string[] },
): Promise<string[]> {
  return client.begin(async (tx) => {
    for (const setting of options.settings ?? []) await tx.unsafe(`SET LOCAL ${setting}`);
    await tx.unsafe(`PREPARE explained_plan AS ${statement}`).simple(); // simple protocol: its $n are the statement's own
    const [prepared] = await tx.unsafe("SELECT parameter_types::text[] AS types FROM pg_prepared_statements WHERE name = 'explained_plan'");
    const args = (prepared!.types as string[]).map((type, i) => `${sqlLiteral(params[i])}::${type}`).join(", ");
    for (let run = 0; run < (options.runsFirst ?? 0); run += 1) await tx.unsafe(`EXECUTE explained_plan(${args})`);
    const rows = await tx.unsafe(`EXPLAIN (${options.explain}) EXECUTE explained_plan(${args})`);
    await tx.unsafe("DEALLOCATE explained_plan");
    return rows.map((row) => String(Object.values(row)[0]));
  });
}
