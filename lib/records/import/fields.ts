import { US_STATE_CODES } from "@/lib/validation/address";
import { hasValidNpiCheckDigit } from "@/lib/validation/npi";
import { hasValidTaxIdPrefix } from "@/lib/validation/tax-id";

/**
 * Field readers for the records files. Each takes the text of one CSV field and returns the value
 * to store, or throws a RowRejection whose message goes into the report ("tax_id: ..."). They are
 * plain functions rather than the forms' zod schemas because they run ten million times a load
 * and their messages speak to whoever prepared the file, not to a person at a form.
 */
export class RowRejection extends Error {}

function reject(column: string, message: string): never {
  throw new RowRejection(`${column}: ${message}`);
}

const STATES = new Set<string>(US_STATE_CODES);
// C0 and C1 controls (a line break inside a quoted name too): one stored value is one line.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function requiredText(column: string, raw: string, max: number): string {
  const value = raw.trim();
  if (!value) reject(column, "missing");
  return boundedText(column, value, max);
}

export function optionalText(column: string, raw: string | undefined, max: number): string | null {
  const value = (raw ?? "").trim();
  return value ? boundedText(column, value, max) : null;
}

function boundedText(column: string, value: string, max: number): string {
  if (value.length > max) reject(column, `longer than ${max} characters`);
  if (CONTROL.test(value)) reject(column, "contains a line break or another control character");
  return value;
}

/** 9 digits, with or without the dash (41-1234567), starting with a prefix the IRS assigns. */
export function taxId(column: string, raw: string): string {
  const value = raw.trim();
  if (!value) reject(column, "missing");
  if (!/^\d{2}-?\d{7}$/.test(value)) reject(column, `"${value}" is not 9 digits like 41-1234567`);
  const digits = value.length === 9 ? value : value.replace("-", "");
  if (!hasValidTaxIdPrefix(digits)) reject(column, `"${value}" starts with ${digits.slice(0, 2)}, a prefix the IRS never assigns`);
  return digits;
}

/** 10 digits whose last is the Luhn check digit over 80840 and the first nine. */
export function npi(column: string, raw: string): string {
  const value = raw.trim();
  if (!value) reject(column, "missing");
  if (!/^\d{10}$/.test(value)) reject(column, `"${value}" is not 10 digits`);
  if (!hasValidNpiCheckDigit(value)) reject(column, `"${value}" has a wrong check digit`);
  return value;
}

export function npiType(column: string, raw: string): "individual" | "organization" {
  const value = raw.trim().toLowerCase();
  if (value === "individual" || value === "organization") return value;
  return value ? reject(column, `"${raw.trim()}" is neither individual nor organization`) : reject(column, "missing");
}

/** 4 to 12 digits (check and vendor numbers as printed). */
export function digits(column: string, raw: string): string {
  const value = raw.trim();
  if (!value) reject(column, "missing");
  if (!/^\d{4,12}$/.test(value)) reject(column, `"${value}" is not 4 to 12 digits`);
  return value;
}

/** As printed: NP and 4 to 12 digits (NP4400123). */
export function noticeNumber(column: string, raw: string): string {
  const value = raw.trim().toUpperCase();
  if (!value) reject(column, "missing");
  if (/^\d{4,12}$/.test(value)) reject(column, `"${raw.trim()}" lacks its NP prefix (like NP4400123)`);
  if (!/^NP\d{4,12}$/.test(value)) reject(column, `"${raw.trim()}" is not NP and 4 to 12 digits (like NP4400123)`);
  return value;
}

/** A calendar date written YYYY-MM-DD that exists (no February 30th), from 1900 on. */
export function isoDate(column: string, raw: string): string {
  const value = raw.trim();
  if (!value) reject(column, "missing");
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) reject(column, `"${value}" is not a date written YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) reject(column, `"${value}" is not a real date`);
  return value;
}

/** Largest amount the cents column holds ($21,474,836.47). */
export const MAX_AMOUNT_CENTS = 2_147_483_647;

/** Dollars with at most two decimals (1234.56, 75, 0.5), more than zero; yields cents. */
export function amountCents(column: string, raw: string): number {
  const value = raw.trim();
  if (!value) reject(column, "missing");
  const match = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) reject(column, `"${value}" is not an amount in dollars like 1234.56`);
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (cents <= 0) reject(column, "must be more than zero");
  if (cents > MAX_AMOUNT_CENTS) reject(column, `"${value}" is more than 21474836.47`);
  return cents;
}

/** A USPS state or territory code (MN). */
export function stateCode(column: string, raw: string): string {
  const value = raw.trim().toUpperCase();
  if (!value) reject(column, "missing");
  if (!/^[A-Z]{2}$/.test(value)) reject(column, `"${raw.trim()}" is not a 2-letter state code`);
  if (!STATES.has(value)) reject(column, `"${value}" is not a US state or territory code`);
  return value;
}

/** ZIP or ZIP+4 (55401, 55401-1234 or 554011234); stored as 55401 or 55401-1234. */
export function postalCode(column: string, raw: string): string {
  const value = raw.trim();
  if (!value) reject(column, "missing");
  if (!/^\d{5}(-?\d{4})?$/.test(value)) reject(column, `"${value}" is not a ZIP code like 55401 or 55401-1234`);
  return value.length > 5 ? `${value.slice(0, 5)}-${value.slice(-4)}` : value;
}
