import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import type postgres from "postgres";
import type { Database } from "../client";

/**
 * The statements of `npm run records:import`. A file loads in one transaction: its valid rows go
 * into a temporary staging table in chunks (COPY FROM STDIN on PostgreSQL, multi-row INSERTs on
 * PGlite), and each chunk is merged into the table by one INSERT ... SELECT ... ON CONFLICT DO
 * UPDATE, which skips rows whose Tax ID or NPI is not in the records (they come back as rejected
 * lines) and rows that are already exactly as given (so a re-run rewrites nothing).
 */

export type RecordsCell = string | number | null;

interface Column {
  name: string;
  type: string;
}

interface TableSpec {
  columns: readonly Column[];
  key: readonly string[];
  /** Whether the table has an updated_at to stamp when a row changes. */
  stamped: boolean;
  references: ReadonlyArray<{ column: string; table: string; reason: string }>;
}

const TAX_ID_REF = { column: "tax_id", table: "provider_tax_ids", reason: "tax_id: not in the records (load it in tax-ids.csv first)" };
const NPI_REF = { column: "npi", table: "npis", reason: "npi: not in the records (load it in npis.csv first)" };

/** Column order here is the order of the values a row reader yields (lib/records/import/files.ts). */
const TABLES = {
  provider_tax_ids: {
    columns: [
      { name: "tax_id", type: "char(9)" },
      { name: "legal_name", type: "text" },
      { name: "address_line1", type: "text" },
      { name: "address_line2", type: "text" },
      { name: "city", type: "text" },
      { name: "state", type: "char(2)" },
      { name: "postal_code", type: "varchar(10)" },
    ],
    key: ["tax_id"],
    stamped: true,
    references: [],
  },
  npis: {
    columns: [
      { name: "npi", type: "char(10)" },
      { name: "type", type: "npi_type" },
      { name: "name", type: "text" },
    ],
    key: ["npi"],
    stamped: true,
    references: [],
  },
  npi_tax_ids: {
    columns: [
      { name: "npi", type: "char(10)" },
      { name: "tax_id", type: "char(9)" },
    ],
    key: ["tax_id", "npi"],
    stamped: false,
    references: [NPI_REF, TAX_ID_REF],
  },
  payment_checks: {
    columns: [
      { name: "check_number", type: "varchar(12)" },
      { name: "vendor_number", type: "varchar(12)" },
      { name: "tax_id", type: "char(9)" },
      { name: "npi", type: "char(10)" },
      { name: "amount_cents", type: "integer" },
      { name: "issued_on", type: "date" },
    ],
    key: ["check_number"],
    stamped: false,
    references: [TAX_ID_REF, NPI_REF],
  },
  nonpayment_notices: {
    columns: [
      { name: "notice_number", type: "varchar(16)" },
      { name: "tax_id", type: "char(9)" },
      { name: "npi", type: "char(10)" },
      { name: "notice_date", type: "date" },
    ],
    key: ["notice_number"],
    stamped: false,
    references: [TAX_ID_REF, NPI_REF],
  },
} satisfies Record<string, TableSpec>;

export type RecordsTableName = keyof typeof TABLES;

const STAGING = "records_staging";
const UNCHANGED = "unchanged";

function stagingDdl(spec: TableSpec): string {
  return `CREATE TEMPORARY TABLE ${STAGING} (line integer NOT NULL, ${spec.columns.map((c) => `${c.name} ${c.type}`).join(", ")}) ON COMMIT DROP`;
}

/**
 * The merge of the staged chunk into its table. A key repeated within a chunk keeps its last
 * line (as a later chunk or a re-run would). Identifiers come from TABLES above, never from input.
 */
function mergeSql(table: RecordsTableName): string {
  const spec: TableSpec = TABLES[table];
  const names = spec.columns.map((c) => c.name);
  const changeable = names.filter((name) => !spec.key.includes(name));
  // A row already exactly as given is left out before the insert: it is neither locked nor rewritten
  // (a re-run of a big file writes nothing), and what it refers to is known to exist.
  const same = `WHEN EXISTS (SELECT 1 FROM ${table} t WHERE ${spec.key.map((k) => `t.${k} = s.${k}`).join(" AND ")}${
    changeable.length ? ` AND (${changeable.map((n) => `t.${n}`).join(", ")}) IS NOT DISTINCT FROM (${changeable.map((n) => `s.${n}`).join(", ")})` : ""
  }) THEN '${UNCHANGED}'`;
  const missing = `CASE ${same} ${spec.references.map((r) => `WHEN NOT EXISTS (SELECT 1 FROM ${r.table} r WHERE r.${r.column} = s.${r.column}) THEN '${r.reason}'`).join(" ")} END`;
  const onConflict = changeable.length
    ? `DO UPDATE SET ${changeable.map((n) => `${n} = excluded.${n}`).join(", ")}${spec.stamped ? ", updated_at = now()" : ""}
       WHERE (${changeable.map((n) => `t.${n}`).join(", ")}) IS DISTINCT FROM (${changeable.map((n) => `excluded.${n}`).join(", ")})`
    : "DO NOTHING";
  return `
    WITH src AS MATERIALIZED (
      SELECT DISTINCT ON (${spec.key.join(", ")}) line, ${names.join(", ")} FROM ${STAGING} ORDER BY ${spec.key.join(", ")}, line DESC
    ), checked AS MATERIALIZED (
      SELECT s.*, ${missing} AS missing FROM src s
    ), ins AS (
      INSERT INTO ${table} AS t (${names.join(", ")})
      SELECT ${names.join(", ")} FROM checked WHERE missing IS NULL ORDER BY ${spec.key.join(", ")}
      ON CONFLICT (${spec.key.join(", ")}) ${onConflict}
      RETURNING (t.xmax = 0) AS inserted
    )
    SELECT (SELECT count(*) FROM ins WHERE inserted)::int AS inserted,
           (SELECT count(*) FROM ins WHERE NOT inserted)::int AS updated,
           (SELECT coalesce(json_agg(json_build_object('line', line, 'reason', missing) ORDER BY line), '[]'::json)
              FROM checked WHERE missing IS NOT NULL AND missing <> '${UNCHANGED}') AS rejected`;
}

export interface MergeResult {
  /** Rows added, rows that changed; the rest of a chunk's valid rows were already as given. */
  inserted: number;
  updated: number;
  /** Lines whose Tax ID or NPI is not in the records. */
  rejected: Array<{ line: number; reason: string }>;
}

/** Takes a file's valid rows and writes them, one chunk at a time, inside the file's transaction. */
export interface RecordsStage {
  /** Rows per chunk: the caller flushes when it has added this many. */
  readonly chunkRows: number;
  /** Adds a row to the chunk; returns a promise only when the caller must wait (backpressure). */
  add(line: number, values: readonly RecordsCell[]): Promise<void> | undefined;
  /** Merges the chunk into the table and empties the stage. */
  flush(): Promise<MergeResult>;
}

function parseMerge(row: { inserted: number; updated: number; rejected: unknown } | undefined): MergeResult {
  const rejected = typeof row?.rejected === "string" ? JSON.parse(row.rejected) : (row?.rejected ?? []);
  return { inserted: Number(row?.inserted ?? 0), updated: Number(row?.updated ?? 0), rejected: rejected as MergeResult["rejected"] };
}

export interface StageOptions {
  /** Rows per chunk on PostgreSQL (COPY, then merge) and per batch on PGlite (multi-row INSERT). */
  chunkRows?: { postgres?: number; pglite?: number };
}

/**
 * Runs `work` in one transaction for one table's file, with a stage to write its rows through.
 * Nothing of the file stays if `work` throws: the transaction rolls back.
 */
export async function inRecordsTransaction<T>(db: Database, table: RecordsTableName, work: (stage: RecordsStage) => Promise<T>, options: StageOptions = {}): Promise<T> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (typeof client === "function" && "begin" in client) {
    const pg = client as postgres.Sql;
    return (await pg.begin(async (tx) => {
      // Each chunk's sort (a key repeated in a chunk) stays in memory.
      await tx.unsafe("SET LOCAL work_mem = '256MB'");
      await tx.unsafe(stagingDdl(TABLES[table]));
      return work(new CopyStage(tx, table, options.chunkRows?.postgres ?? 500_000));
    })) as T;
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(stagingDdl(TABLES[table])));
    return work(new InsertStage(tx as unknown as Database, table, options.chunkRows?.pglite ?? 1_000));
  });
}

/** COPY text format: backslash escapes, \N for null. */
function copyValue(value: RecordsCell): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
}

const COPY_BUFFER_CHARS = 256 * 1024;

class CopyStage implements RecordsStage {
  private stream: Writable | null = null;
  private buffer = "";
  private rows = 0;

  constructor(
    private readonly tx: postgres.TransactionSql,
    private readonly table: RecordsTableName,
    readonly chunkRows: number,
  ) {}

  add(line: number, values: readonly RecordsCell[]): Promise<void> | undefined {
    let row = String(line);
    for (const value of values) row += `\t${copyValue(value)}`;
    this.buffer += `${row}\n`;
    this.rows += 1;
    if (this.buffer.length < COPY_BUFFER_CHARS) return undefined;
    return this.send();
  }

  private async send(): Promise<void> {
    this.stream ??= await this.tx.unsafe(`COPY ${STAGING} (line, ${TABLES[this.table].columns.map((c) => c.name).join(", ")}) FROM STDIN`).writable();
    const text = this.buffer;
    this.buffer = "";
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  async flush(): Promise<MergeResult> {
    if (this.rows === 0) return { inserted: 0, updated: 0, rejected: [] };
    if (this.buffer) await this.send();
    const stream = this.stream!;
    this.stream = null;
    stream.end();
    await finished(stream);
    const [row] = await this.tx.unsafe(mergeSql(this.table));
    await this.tx.unsafe(`TRUNCATE ${STAGING}`);
    this.rows = 0;
    return parseMerge(row as unknown as { inserted: number; updated: number; rejected: unknown });
  }
}

class InsertStage implements RecordsStage {
  private batch: Array<{ line: number; values: readonly RecordsCell[] }> = [];

  constructor(
    private readonly tx: Database,
    private readonly table: RecordsTableName,
    readonly chunkRows: number,
  ) {}

  add(line: number, values: readonly RecordsCell[]): undefined {
    this.batch.push({ line, values });
    return undefined;
  }

  async flush(): Promise<MergeResult> {
    if (this.batch.length === 0) return { inserted: 0, updated: 0, rejected: [] };
    const spec: TableSpec = TABLES[this.table];
    const rows = this.batch.map(({ line, values }) => sql`(${sql.join([sql`${line}::integer`, ...values.map((value, i) => sql`${value}::${sql.raw(spec.columns[i]!.type)}`)], sql`, `)})`);
    this.batch = [];
    await this.tx.execute(sql`INSERT INTO ${sql.raw(STAGING)} (line, ${sql.raw(spec.columns.map((c) => c.name).join(", "))}) VALUES ${sql.join(rows, sql`, `)}`);
    const result = await this.tx.execute(sql.raw(mergeSql(this.table)));
    await this.tx.execute(sql.raw(`TRUNCATE ${STAGING}`));
    const [row] = (result as unknown as { rows: Array<{ inserted: number; updated: number; rejected: unknown }> }).rows;
    return parseMerge(row);
  }
}

/** Fresh planner statistics after a load (a table that grew from nothing would otherwise be planned as empty). */
export async function analyzeRecordsTable(db: Database, table: RecordsTableName): Promise<void> {
  await db.execute(sql.raw(`ANALYZE ${table}`));
}
