// Every built HTML page passes the Nu HTML checker (vnu.jar from npm, run with the
// system's Java), the theme's stylesheets pass its CSS checker, and no page weighs more
// than 100 KB of HTML+CSS+JS, pictures aside (issue 4).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import vnuJar from "vnu-jar";

import { siteDir } from "./lib/browser.mjs";
import { PAGE_BUDGET_BYTES, htmlPages, pageKinds, weightsByKind } from "./lib/site.mjs";

const dir = siteDir();

/** Runs vnu on `files`; returns its error messages as `file:line: message` lines. */
function vnuErrors(args) {
  const run = spawnSync("java", ["-jar", String(vnuJar), "--errors-only", "--format", "json", ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`could not run java: ${run.error.message}; install default-jre-headless`);
  const report = JSON.parse(run.stderr || run.stdout || '{"messages":[]}');
  return report.messages
    .filter((m) => m.type === "error" || m.subType === "fatal")
    .map((m) => `${m.url?.replace(/^file:/, "")}:${m.lastLine ?? "?"}: ${m.message} [${m.extract?.trim() ?? ""}]`);
}

test("every HTML page is valid (Nu HTML checker)", () => {
  // A generated 10,000-article corpus (STP_SAMPLE=1): one page of every kind.
  const sampled = process.env.STP_SAMPLE === "1";
  const pages = (sampled ? pageKinds(dir) : htmlPages(dir)).map((p) => p.file);
  assert.ok(pages.length > 0, "the site has no HTML pages");
  const errors = vnuErrors(pages);
  assert.deepEqual(errors, [], `${errors.length} validator errors`);
});

test("the theme's stylesheets are valid CSS (Nu HTML checker)", () => {
  const assets = join(dir, "assets");
  const sheets = readdirSync(assets).filter((f) => f.endsWith(".css")).map((f) => join(assets, f));
  assert.ok(sheets.length > 0, "the site has no stylesheets");
  const errors = vnuErrors(["--css", ...sheets]);
  assert.deepEqual(errors, [], `${errors.length} CSS errors`);
});

test("no page is over 100 KB of HTML+CSS+JS", (t) => {
  const rows = weightsByKind(dir);
  for (const r of rows) {
    t.diagnostic(`${r.lang} ${r.kind}: ${(r.total / 1024).toFixed(1)} KB (${(r.gzip / 1024).toFixed(1)} KB gzipped), heaviest ${r.path}`);
  }
  const over = rows.filter((r) => r.total > PAGE_BUDGET_BYTES).map((r) => `${r.path}: ${r.total} bytes`);
  assert.deepEqual(over, []);
});
