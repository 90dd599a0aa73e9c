// Every HTML page the site has, not one per kind: zero axe-core violations of WCAG 2.0
// A/AA at 375 and 1280 px. A page kind can pass on its first page and fail on another
// (a footnote, a long table, a picture without its file), so nothing is sampled here
// unless STP_SAMPLE=1 says the site is a generated 10,000-article corpus, where one page
// of each kind is tested (a11y.test.mjs) and this file checks a spread of pages instead.
// Every page is served with the headers of the build's `_headers` file, so each is also
// checked to work under the site's Content-Security-Policy. With STP_SERVER=nginx
// (`scripts/browser-test --built DIR --nginx`) a real nginx serves them with the
// configuration of docs/deploy.md instead, and each page with a `.gz` variant must come
// gzip-encoded: Chromium reads the variant itself.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, test } from "node:test";

import { axeViolations, formatViolations, siteDir, start } from "./lib/browser.mjs";
import { htmlPages } from "./lib/site.mjs";

const nginx = process.env.STP_SERVER === "nginx";
/** Under nginx, one width: the layout was checked at both on the same build without it. */
const WIDTHS = nginx ? [1280] : [375, 1280];
/** In a sampled run: every this-many-th page, so the spread covers the whole corpus. */
const SAMPLE_STEP = 250;

const all = htmlPages(siteDir());
const pages = process.env.STP_SAMPLE === "1" ? all.filter((_, i) => i % SAMPLE_STEP === 0) : all;

let run;
before(async () => {
  run = await start();
});
after(async () => {
  await run?.close();
});

for (const width of WIDTHS) {
  test(`all ${pages.length} of ${all.length} pages: WCAG 2.0 A/AA at ${width} px`, async () => {
    assert.ok(pages.length > 0, "the site has no HTML pages");
    // One browser tab per width, moved from page to page: a fresh context per page would
    // cost more than the check itself on a site of hundreds of pages.
    const failures = [];
    let tab;
    try {
      tab = await run.open("/", { width });
      for (const { path, file } of pages) {
        const response = await tab.page.goto(run.base + path, { waitUntil: "load" });
        const expected = /(^|\/)404\.html$/.test(path) ? [200, 404] : [200];
        if (!expected.includes(response.status())) {
          failures.push(`${path}: status ${response.status()}`);
          continue;
        }
        const headers = response.headers();
        if (!headers["content-security-policy"]?.includes("script-src 'self'")) {
          failures.push(`${path}: served without the site's Content-Security-Policy (_headers)`);
        }
        if (nginx && !/^nginx/.test(headers.server ?? "")) failures.push(`${path}: not served by nginx`);
        if (nginx && existsSync(`${file}.gz`) && headers["content-encoding"] !== "gzip") {
          failures.push(`${path}: sent without its .gz variant (content-encoding: ${headers["content-encoding"]})`);
        }
        const violations = await axeViolations(tab.page);
        if (violations.length > 0) failures.push(`${path}:\n${formatViolations(violations)}`);
        const overflow = await tab.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) failures.push(`${path}: scrolls sideways by ${overflow} px`);
      }
    } finally {
      await tab?.context.close();
    }
    assert.deepEqual(failures, [], `${failures.length} of ${pages.length} pages fail at ${width} px:\n${failures.join("\n")}`);
  });
}

// Under the policy, a CSP violation is a console error ("Refused to …") and lands here.
test("no page fetched anything off the site, had a script error or broke the CSP", () => {
  assert.deepEqual(run.problems, []);
});
