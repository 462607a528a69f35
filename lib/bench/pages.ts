import { BENCH_NPIS_PER_TAX_ID, BENCH_TAX_IDS, npiWithCheckDigit } from "./bench-records";

export type BenchPageKey = "anchor-prerendered" | "home" | "register" | "signin" | "anchor-signed-in" | "access";

export interface BenchPage {
  key: BenchPageKey;
  path: string;
  /** Text every response must contain: proof that it is the expected page, not an error or sign-in page. */
  markers: string[];
  /** Sends the prepared session's cookie. */
  signedIn: boolean;
  /** The anchor this page's requests/s are compared with, and the goal for the ratio. */
  comparedWith?: { anchor: BenchPageKey; goal: number };
}

/** The bench delegate's last Tax ID and NPI: present only when /access lists all 50 Tax IDs with their NPIs. */
const lastTaxId = `27-5550${String(BENCH_TAX_IDS).padStart(3, "0")}`;
const lastNpi = npiWithCheckDigit(`17555${String(BENCH_TAX_IDS * BENCH_NPIS_PER_TAX_ID).padStart(4, "0")}`);

/** What `npm run bench:pages` measures, in the order of its first round. */
export const BENCH_PAGES: readonly BenchPage[] = [
  { key: "anchor-prerendered", path: "/bench/prerendered", markers: ["Benchmark anchor: prerendered"], signedIn: false },
  { key: "home", path: "/", markers: ["New to the portal?"], signedIn: false, comparedWith: { anchor: "anchor-prerendered", goal: 0.8 } },
  { key: "register", path: "/register/provider/check", markers: ["Register with a check from"], signedIn: false, comparedWith: { anchor: "anchor-prerendered", goal: 0.8 } },
  { key: "signin", path: "/signin", markers: ["Sign in</h1>", 'type="password"'], signedIn: false, comparedWith: { anchor: "anchor-prerendered", goal: 0.8 } },
  { key: "anchor-signed-in", path: "/bench/signed-in", markers: ["Benchmark anchor: signed in", "</table>"], signedIn: true },
  { key: "access", path: "/access", markers: ["Your Tax IDs and NPIs", lastTaxId, lastNpi], signedIn: true, comparedWith: { anchor: "anchor-signed-in", goal: 0.6 } },
];

/** The chosen pages (all by default) with an anchor added for each page compared with one. */
export function selectBenchPages(keys: readonly string[] | null): BenchPage[] {
  if (!keys) return [...BENCH_PAGES];
  const unknown = keys.filter((key) => !BENCH_PAGES.some((page) => page.key === key));
  if (unknown.length > 0) throw new Error(`Unknown page(s): ${unknown.join(", ")}. Pages: ${BENCH_PAGES.map((page) => page.key).join(", ")}.`);
  const wanted = new Set(keys);
  for (const page of BENCH_PAGES) if (wanted.has(page.key) && page.comparedWith) wanted.add(page.comparedWith.anchor);
  return BENCH_PAGES.filter((page) => wanted.has(page.key));
}

/** Round 1 in order, round 2 reversed, and so on: each anchor is measured both before and after its pages. */
export function benchSchedule<T>(pages: readonly T[], rounds: number): Array<{ round: number; page: T }> {
  const schedule: Array<{ round: number; page: T }> = [];
  for (let round = 1; round <= rounds; round += 1) {
    const ordered = round % 2 === 1 ? pages : [...pages].reverse();
    for (const page of ordered) schedule.push({ round, page });
  }
  return schedule;
}
