import type { RecordsCell, RecordsTableName } from "@/db/queries/records-import";
import { amountCents, digits, RowRejection, isoDate, noticeNumber, npi, npiType, optionalText, postalCode, requiredText, stateCode, taxId } from "./fields";

/**
 * The files of a records folder: one per table, each with a header row naming its columns (in
 * any order). `read` turns one row's fields, in the header's order of `columns`, into the table's
 * values in the order db/queries/records-import.ts stages them. Loaded in this order, so that what
 * a row refers to is loaded before it.
 */
export interface RecordsFile {
  file: string;
  table: RecordsTableName;
  /** The header's column names; `optional` ones may be left out of the header. */
  columns: ReadonlyArray<{ name: string; optional?: boolean }>;
  read: (field: (name: string) => string) => RecordsCell[];
}

export const RECORDS_FILES: readonly RecordsFile[] = [
  {
    file: "tax-ids.csv",
    table: "provider_tax_ids",
    columns: [{ name: "tax_id" }, { name: "legal_name" }, { name: "address_line1" }, { name: "address_line2", optional: true }, { name: "city" }, { name: "state" }, { name: "postal_code" }],
    read: (f) => [
      taxId("tax_id", f("tax_id")),
      requiredText("legal_name", f("legal_name"), 200),
      requiredText("address_line1", f("address_line1"), 100),
      optionalText("address_line2", f("address_line2"), 100),
      requiredText("city", f("city"), 60),
      stateCode("state", f("state")),
      postalCode("postal_code", f("postal_code")),
    ],
  },
  {
    file: "npis.csv",
    table: "npis",
    columns: [{ name: "npi" }, { name: "type" }, { name: "name" }],
    read: (f) => [npi("npi", f("npi")), npiType("type", f("type")), requiredText("name", f("name"), 200)],
  },
  {
    file: "npi-tax-ids.csv",
    table: "npi_tax_ids",
    columns: [{ name: "npi" }, { name: "tax_id" }],
    read: (f) => [npi("npi", f("npi")), taxId("tax_id", f("tax_id"))],
  },
  {
    file: "checks.csv",
    table: "payment_checks",
    columns: [{ name: "check_number" }, { name: "vendor_number" }, { name: "tax_id" }, { name: "npi" }, { name: "amount" }, { name: "issued_on" }],
    read: (f) => [
      digits("check_number", f("check_number")),
      digits("vendor_number", f("vendor_number")),
      taxId("tax_id", f("tax_id")),
      npi("npi", f("npi")),
      amountCents("amount", f("amount")),
      isoDate("issued_on", f("issued_on")),
    ],
  },
  {
    file: "notices.csv",
    table: "nonpayment_notices",
    columns: [{ name: "notice_number" }, { name: "tax_id" }, { name: "npi" }, { name: "notice_date" }],
    read: (f) => [noticeNumber("notice_number", f("notice_number")), taxId("tax_id", f("tax_id")), npi("npi", f("npi")), isoDate("notice_date", f("notice_date"))],
  },
];

export type HeaderResult = { ok: true; indexOf: (name: string) => number; width: number } | { ok: false; error: string };

/** Checks a file's header row: every required column once, nothing unknown. */
export function readHeader(spec: RecordsFile, fields: readonly string[]): HeaderResult {
  const names = fields.map((name) => name.trim().toLowerCase());
  const known = new Set(spec.columns.map((column) => column.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) return { ok: false, error: `unknown column(s) ${unknown.map((name) => JSON.stringify(name)).join(", ")}; the columns are ${[...known].join(", ")}` };
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) return { ok: false, error: `column(s) named twice: ${repeated.join(", ")}` };
  const missing = spec.columns.filter((column) => !column.optional && !names.includes(column.name)).map((column) => column.name);
  if (missing.length > 0) return { ok: false, error: `missing column(s) ${missing.join(", ")} (the first line must be the header: ${spec.columns.map((column) => column.name).join(",")})` };
  const positions = new Map(names.map((name, index) => [name, index]));
  return { ok: true, indexOf: (name) => positions.get(name) ?? -1, width: names.length };
}

export type RowResult = { ok: true; values: RecordsCell[] } | { ok: false; reason: string };

/** Builds the row reader of one file once its header is known. */
export function rowReader(spec: RecordsFile, header: { indexOf: (name: string) => number; width: number }): (fields: readonly string[]) => RowResult {
  const positions = new Map(spec.columns.map((column) => [column.name, header.indexOf(column.name)]));
  return (fields) => {
    if (fields.length !== header.width) return { ok: false, reason: `expected ${header.width} columns, found ${fields.length}` };
    const field = (name: string) => {
      const position = positions.get(name) ?? -1;
      return position < 0 ? "" : (fields[position] ?? "");
    };
    try {
      return { ok: true, values: spec.read(field) };
    } catch (error) {
      if (error instanceof RowRejection) return { ok: false, reason: error.message };
      throw error;
    }
  };
}
