// Search side by side: stp's fragmented index (the site's own /tim-kiem/ page, served
// with the site's _headers, Content-Security-Policy included) and Pagefind (a copy of the
// same built site indexed by the `pagefind` binary, searched from a small page that calls
// its JS API and shows the first ten results in order, as stp's page does). For each
// query, in a fresh browser context (cold cache): every response's bytes, raw and gzipped
// (zlib level 6), the time from DOMContentLoaded to the first result on screen, the
// number of results and the first ten addresses. See docs/bench.md, "Search".
//
//   node tests/browser/bench-search.mjs SITE_DIR [--pagefind PAGEFIND_COPY] [--queries q1,q2,…]
//
// PAGEFIND_COPY is a copy of SITE_DIR without _headers, on which `pagefind --site
// PAGEFIND_COPY` has run; this script writes its search page (pf-search.html) into it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { chromium } from "playwright-core";

import { CHROMIUM } from "./lib/browser.mjs";
import { serve } from "./lib/server.mjs";

const args = process.argv.slice(2);
const site = args[0];
const opt = (name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const pagefind = opt("--pagefind");
const queries = (opt("--queries") ?? "thủ tục hành chính,thu tuc hanh chinh,hộ tịch,chuyển đổi số,sở tư pháp,bồi thường nhà nước,hoà giải cơ sở").split(",");
if (!site) {
  console.error("usage: node tests/browser/bench-search.mjs SITE_DIR [--pagefind PAGEFIND_COPY] [--queries q1,q2]");
  process.exit(2);
}

const PF_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><ol id="r"></ol><script type="module">
const pf = await import("/pagefind/pagefind.js");
const q = new URLSearchParams(location.search).get("q") || "";
const found = await pf.search(q);
document.body.dataset.count = found.results.length;
const list = document.getElementById("r");
const datas = found.results.slice(0, 10).map((r) => r.data());
for (const d of datas) {
  const item = await d;
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = item.url;
  a.textContent = item.meta.title;
  li.append(a, " ", item.excerpt.replace(/<[^>]*>/g, ""));
  list.append(li);
}
document.body.dataset.done = "1";
</script></body></html>`;

async function measure(browser, base, path, resultSel, countOf) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript((sel) => {
    new MutationObserver((_, obs) => {
      if (document.querySelector(sel)) {
        window.__firstResult = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, resultSel);
  const bodies = [];
  page.on("response", (r) => bodies.push(r.body().then((b) => b, () => Buffer.alloc(0))));
  await page.goto(base + path, { waitUntil: "load" });
  let ms = null;
  try {
    await page.waitForSelector(resultSel, { timeout: 15000 });
    ms = await page.evaluate(() => window.__firstResult - performance.getEntriesByType("navigation")[0].domContentLoadedEventStart);
  } catch {
    // no result
  }
  await page.waitForLoadState("networkidle");
  const all = await Promise.all(bodies);
  const count = await countOf(page);
  const top = await page.$$eval(resultSel.replace(/ li$/, " li a"), (as) => as.slice(0, 10).map((a) => a.getAttribute("href")));
  await context.close();
  return {
    requests: all.length,
    rawKB: +(all.reduce((n, b) => n + b.length, 0) / 1024).toFixed(1),
    gzipKB: +(all.reduce((n, b) => n + gzipSync(b, { level: 6 }).length, 0) / 1024).toFixed(1),
    firstResultMs: ms === null ? null : Math.round(ms),
    count,
    top,
  };
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"], headless: true });
const stpServer = await serve(site);
let pfServer = null;
if (pagefind) {
  writeFileSync(join(pagefind, "pf-search.html"), PF_PAGE);
  pfServer = await serve(pagefind);
}
const rows = [];
for (const q of queries) {
  const enc = encodeURIComponent(q);
  const stp = await measure(browser, stpServer.url, `/tim-kiem/?q=${enc}`, "#search-results li", (page) =>
    page.textContent("#search-results h2").then((h) => h?.match(/\d+/)?.[0] ?? "0"),
  );
  rows.push({ engine: "stp", q, ...stp });
  if (pfServer) {
    const pf = await measure(browser, pfServer.url, `/pf-search.html?q=${enc}`, "#r li", (page) =>
      page.waitForSelector("body[data-done]", { timeout: 15000 }).then(() => page.getAttribute("body", "data-count"), () => "0"),
    );
    rows.push({ engine: "pagefind", q, ...pf });
  }
}
for (const r of rows) console.log(JSON.stringify(r));
await browser.close();
await stpServer.close();
await pfServer?.close();
