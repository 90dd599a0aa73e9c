// Page weight of a built site: for each page kind and language, the heaviest page's HTML +
// CSS + JS bytes (pictures aside, as issue 4 counts them), raw and gzipped. Exits 1 when a
// page is over the 100 KB budget.
//
//   node tests/browser/page-weight.mjs SITE_DIR
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

import { PAGE_BUDGET_BYTES, weightsByKind } from "./lib/site.mjs";

const dir = process.argv[2];
if (!dir || !existsSync(join(dir, "index.html"))) {
  console.error("usage: node tests/browser/page-weight.mjs SITE_DIR (a built site, with index.html)");
  process.exit(2);
}

const kb = (n) => (n / 1024).toFixed(1);
const rows = weightsByKind(dir);
const header = ["kind", "lang", "heaviest page", "HTML", "CSS", "JS", "total KB", "gzip KB"];
const table = rows.map((r) => [r.kind, r.lang, r.path, kb(r.html), kb(r.css), kb(r.js), kb(r.total), kb(r.gzip)]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i > 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
console.log(line(header));
for (const row of table) console.log(line(row));
for (const lang of ["", "en/"]) {
  // The search index: tim-kiem/t/<n>.<digest>.json (term shards) and d/ (results).
  const root = join(dir, lang, "tim-kiem");
  if (!existsSync(root)) continue;
  for (const kind of ["t", "d"]) {
    const folder = join(root, kind);
    if (!existsSync(folder)) continue;
    const sizes = readdirSync(folder).filter((n) => n.endsWith(".json")).map((n) => statSync(join(folder, n)).size);
    const sum = sizes.reduce((a, b) => a + b, 0);
    console.log(`search index /${lang}tim-kiem/${kind}/: ${sizes.length} fragments, ${kb(sum)} KB, largest ${kb(Math.max(0, ...sizes))} KB (a query fetches ${kind === "t" ? "one per key" : "one per result shown"})`);
  }
}
const over = rows.filter((r) => r.total > PAGE_BUDGET_BYTES);
if (over.length > 0) {
  for (const r of over) console.error(`${r.path}: ${kb(r.total)} KB of HTML+CSS+JS, over the ${kb(PAGE_BUDGET_BYTES)} KB budget`);
  process.exit(1);
}
console.log(`every page is within the ${kb(PAGE_BUDGET_BYTES)} KB budget (HTML+CSS+JS, pictures aside)`);
