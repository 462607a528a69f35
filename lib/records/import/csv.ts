import type { Readable } from "node:stream";

/** One CSV record: its first physical line number, its text as written, and its fields (or why it can't be read). */
export interface CsvRecord {
  line: number;
  raw: string;
  fields: string[] | null;
  error: string | null;
}

/** A quoted field longer than this (or spanning more lines) is taken for an unterminated quote. */
export const MAX_RECORD_CHARS = 100_000;
export const MAX_RECORD_LINES = 100;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

interface Pending {
  line: number;
  lines: string[];
  chars: number;
  fields: string[];
  field: string;
  state: State;
}

/**
 * Reads RFC 4180 CSV from a stream without holding the file: yields the records of each chunk
 * as they complete (fields may be quoted, with "" for a quote, commas and line breaks inside
 * quotes). Lines end with LF or CRLF; a leading byte-order mark is dropped; blank lines are
 * skipped. A malformed record is yielded with its error and reading goes on; an unterminated quote
 * is reported on its line alone and the lines it swallowed are read again.
 */
export async function* readCsvRecords(input: Readable): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser();
  let leftover = "";
  let first = true;
  for await (const chunk of input) {
    let text = leftover + (typeof chunk === "string" ? chunk : String(chunk));
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const out: CsvRecord[] = [];
    let start = 0;
    for (let end = text.indexOf("\n", start); end !== -1; end = text.indexOf("\n", start)) {
      parser.pushLine(text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end), out);
      start = end + 1;
    }
    leftover = text.slice(start);
    if (out.length > 0) yield out;
  }
  const out: CsvRecord[] = [];
  if (leftover) parser.pushLine(leftover.endsWith("\r") ? leftover.slice(0, -1) : leftover, out);
  parser.end(out);
  if (out.length > 0) yield out;
}

/** The same parser over a string (tests, and one-off lines). */
export function parseCsvText(text: string): CsvRecord[] {
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  const lines = text.replace(/^\ufeff/, "").split("\n");
  if (lines.at(-1) === "") lines.pop();
  for (const line of lines) parser.pushLine(line.endsWith("\r") ? line.slice(0, -1) : line, out);
  parser.end(out);
  return out;
}

class CsvParser {
  private lineNumber = 0;
  private pending: Pending | null = null;

  pushLine(text: string, out: CsvRecord[]): void {
    this.lineNumber += 1;
    this.feed(this.lineNumber, text, out);
  }

  /** At the end of the input, a record still inside quotes was never closed. */
  end(out: CsvRecord[]): void {
    while (this.pending) this.giveUp(out);
  }

  private feed(line: number, text: string, out: CsvRecord[]): void {
    const pending = this.pending;
    if (!pending) {
      if (text.length === 0 || (text.trim() === "" && !text.includes(","))) return; // blank line
      if (!text.includes('"')) {
        out.push({ line, raw: text, fields: text.split(","), error: null });
        return;
      }
      this.pending = { line, lines: [text], chars: text.length, fields: [], field: "", state: State.FieldStart };
    } else {
      pending.lines.push(text);
      pending.chars += text.length + 1;
      pending.field += "\n";
    }
    this.scan(text, out);
  }

  private scan(text: string, out: CsvRecord[]): void {
    const record = this.pending!;
    let { field, state } = record;
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i];
      switch (state) {
        case State.FieldStart:
          if (char === '"') state = State.Quoted;
          else if (char === ",") record.fields.push("");
          else {
            field = char!;
            state = State.Unquoted;
          }
          break;
        case State.Unquoted:
          if (char === ",") {
            record.fields.push(field);
            field = "";
            state = State.FieldStart;
          } else if (char === '"') return this.fail(`a quote inside an unquoted field (column ${record.fields.length + 1}); quote the whole field and double the quote`, out);
          else field += char;
          break;
        case State.Quoted:
          if (char === '"') state = State.QuoteInQuoted;
          else field += char;
          break;
        case State.QuoteInQuoted:
          if (char === '"') {
            field += '"';
            state = State.Quoted;
          } else if (char === ",") {
            record.fields.push(field);
            field = "";
            state = State.FieldStart;
          } else return this.fail(`text after a closing quote (column ${record.fields.length + 1})`, out);
          break;
      }
    }
    if (state === State.Quoted) {
      record.field = field;
      record.state = state;
      if (record.lines.length >= MAX_RECORD_LINES || record.chars >= MAX_RECORD_CHARS) this.giveUp(out);
      return;
    }
    record.fields.push(field);
    this.pending = null;
    out.push({ line: record.line, raw: record.lines.join("\n"), fields: record.fields, error: null });
  }

  private fail(error: string, out: CsvRecord[]): void {
    const record = this.pending!;
    this.pending = null;
    out.push({ line: record.line, raw: record.lines.join("\n"), fields: null, error });
  }

  /** An unterminated quote: reject its first line and read the lines it swallowed again. */
  private giveUp(out: CsvRecord[]): void {
    const record = this.pending!;
    this.pending = null;
    out.push({ line: record.line, raw: record.lines[0]!, fields: null, error: "a quoted field that never ends (unbalanced quote)" });
    record.lines.slice(1).forEach((text, index) => this.feed(record.line + 1 + index, text, out));
  }
}

/** One CSV field as written by writeCsvRow: quoted only when it must be. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvField).join(",")}\n`;
}
