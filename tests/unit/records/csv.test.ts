import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { csvLine, MAX_RECORD_LINES, parseCsvText, readCsvRecords } from "@/lib/records/import/csv";

function fieldsOf(text: string) {
  return parseCsvText(text).map((record) => [record.line, record.fields ?? record.error]);
}

async function streamed(chunks: string[]) {
  const out = [];
  for await (const batch of readCsvRecords(Readable.from(chunks))) out.push(...batch);
  return out;
}

describe("the CSV reader (RFC 4180)", () => {
  it("splits plain records and numbers their lines, skipping blank lines", () => {
    expect(fieldsOf("a,b,c\n1,2,3\n\n4,,6\n")).toEqual([
      [1, ["a", "b", "c"]],
      [2, ["1", "2", "3"]],
      [4, ["4", "", "6"]],
    ]);
  });

  it("reads quoted fields with commas, doubled quotes, empty quotes and line breaks", () => {
    expect(fieldsOf('"Smith, Jones",x\n"Say ""hi""","",z\n"two\nlines",after\nnext,row')).toEqual([
      [1, ["Smith, Jones", "x"]],
      [2, ['Say "hi"', "", "z"]],
      [3, ["two\nlines", "after"]],
      [5, ["next", "row"]],
    ]);
  });

  it("keeps the raw text of a record, over several lines when quoted", () => {
    const [record] = parseCsvText('"a\nb",c\n');
    expect(record).toMatchObject({ line: 1, raw: '"a\nb",c' });
  });

  it("accepts CRLF line ends and drops a byte-order mark", () => {
    expect(fieldsOf('\ufeffa,b\r\n"x\r\ny",z\r\n')).toEqual([
      [1, ["a", "b"]],
      [2, ["x\ny", "z"]],
    ]);
  });

  it("rejects a quote inside an unquoted field and text after a closing quote, and reads on", () => {
    expect(fieldsOf('ab"c,d\n"ab"c,d\nok,1')).toEqual([
      [1, expect.stringMatching(/quote inside an unquoted field \(column 1\)/)],
      [2, expect.stringMatching(/text after a closing quote \(column 1\)/)],
      [3, ["ok", "1"]],
    ]);
  });

  it("reports an unterminated quote on its own line and reads the lines it swallowed again", () => {
    expect(fieldsOf('1,"open\n2,b\n3,c')).toEqual([
      [1, expect.stringMatching(/never ends/)],
      [2, ["2", "b"]],
      [3, ["3", "c"]],
    ]);
    const long = ['1,"open', ...Array.from({ length: MAX_RECORD_LINES + 5 }, (_, i) => `${i + 2},x`)].join("\n");
    const records = parseCsvText(long);
    expect(records[0]).toMatchObject({ line: 1, fields: null });
    expect(records.slice(1).every((record, index) => record.line === index + 2 && record.fields?.[1] === "x")).toBe(true);
    expect(records).toHaveLength(MAX_RECORD_LINES + 6);
  });

  it("streams: records split across chunks, a CRLF split between chunks, no final line break", async () => {
    const records = await streamed(['a,"b', ' c"\r', "\n1,2\n3,", "4"]);
    expect(records.map((record) => [record.line, record.fields])).toEqual([
      [1, ["a", "b c"]],
      [2, ["1", "2"]],
      [3, ["3", "4"]],
    ]);
  });

  it("writes fields back so that they read the same", () => {
    const values = ["plain", "with, comma", 'with "quote"', "two\nlines", ""];
    expect(parseCsvText(csvLine(values))[0]?.fields).toEqual(values);
  });
});
