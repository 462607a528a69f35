import { parseArgs } from "node:util";
import { generateRecords } from "../../lib/records/generate";

// `npm run records:generate -- --out <folder> --checks 10000000 --npis 1000000 --tax-ids 200000 [--notices N] [--seed S] [--as-of YYYY-MM-DD]`
// Writes a synthetic records folder in the format of `npm run records:import` (valid Tax IDs and
// NPIs), for benchmarks. The same seed and --as-of date give the same files.
const usage = "Usage: npm run records:generate -- --out <folder> --checks 10000000 --npis 1000000 --tax-ids 200000 [--notices N] [--seed S] [--as-of YYYY-MM-DD]";

function whole(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(number)) throw new Error(`--${name} must be a whole number, not ${JSON.stringify(value)}.`);
  return number;
}

try {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      checks: { type: "string" },
      npis: { type: "string" },
      "tax-ids": { type: "string" },
      notices: { type: "string" },
      seed: { type: "string" },
      "as-of": { type: "string" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
  } else {
    if (!values.out || !values.checks || !values.npis || !values["tax-ids"]) throw new Error("--out, --checks, --npis and --tax-ids are required.");
    const summary = await generateRecords({
      out: values.out,
      checks: whole("checks", values.checks)!,
      npis: whole("npis", values.npis)!,
      taxIds: whole("tax-ids", values["tax-ids"])!,
      notices: whole("notices", values.notices),
      seed: whole("seed", values.seed),
      asOf: values["as-of"],
      progress: (line) => console.error(line),
    });
    for (const file of summary.files) console.log(`${file.file}: ${file.rows.toLocaleString("en-US")} rows, ${(file.bytes / 1e6).toFixed(1)} MB`);
    console.log(`Wrote ${values.out} in ${summary.seconds.toFixed(1)} s.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage);
  process.exitCode = 1;
}
