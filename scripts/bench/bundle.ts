import { gzipSync } from "node:zlib";

/**
 * First-load JavaScript of pages, as a browser gets it: every `<script src>` of the page's HTML,
 * fetched and gzipped (level 9, like a CDN would), summed per page. Against a running `npm start`:
 *
 *   BENCH_URL=http://127.0.0.1:3000 npm run bench:bundle [-- /path /other/path]
 */
const base = (process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const args = process.argv.slice(2).filter((arg) => arg.startsWith("/"));
const paths = args.length > 0 ? args : ["/", "/register/provider/check", "/register/provider/notice", "/register/billing", "/signin", "/findmydelegate"];

const chunkSizes = new Map<string, { raw: number; gzip: number }>();

async function chunk(src: string): Promise<{ raw: number; gzip: number }> {
  const known = chunkSizes.get(src);
  if (known) return known;
  const response = await fetch(new URL(src, base));
  if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  const size = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  chunkSizes.set(src, size);
  return size;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const rows: Array<{ path: string; scripts: number; raw: number; gzip: number }> = [];
for (const path of paths) {
  const response = await fetch(`${base}${path}`, { redirect: "manual" });
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
  const html = await response.text();
  const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&")))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const size = await chunk(src);
    raw += size.raw;
    gzip += size.gzip;
  }
  rows.push({ path, scripts: sources.length, raw, gzip });
}

console.log(`first-load JavaScript at ${base} (every <script src> of the page, gzip -9)\n`);
console.log(`${"page".padEnd(30)} ${"scripts".padStart(7)} ${"raw".padStart(10)} ${"gzip".padStart(10)}   vs home (gzip)`);
const home = rows.find((row) => row.path === "/");
for (const row of rows) {
  const delta = home && row !== home ? `${row.gzip >= home.gzip ? "+" : ""}${kB(row.gzip - home.gzip)}` : "";
  console.log(`${row.path.padEnd(30)} ${String(row.scripts).padStart(7)} ${kB(row.raw).padStart(10)} ${kB(row.gzip).padStart(10)}   ${delta}`);
}
