// Every page kind of the built site, in every language, at 375 px (a phone, Nghị định
// 224/2026 Điều 10.3a) and 1280 px: zero axe-core violations of WCAG 2.0 A/AA (Thông tư
// 32/2017 Điều 16–18), no horizontal scrolling on the phone, `<html lang>` set, nothing
// fetched from off the site, no script errors. Full-page screenshots are saved as test
// artefacts (target/browser-artefacts/ unless STP_ARTEFACTS says otherwise).
// axe runs here only on a sampled site (STP_SAMPLE=1, the generated corpus): otherwise
// every-page.test.mjs runs it on every page at both widths, these pages included, and a
// second run here would only cost time. One tab per width is moved from page to page.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { artefactsDir, axeViolations, formatViolations, screenshotPath, siteDir, start } from "./lib/browser.mjs";
import { pageKinds } from "./lib/site.mjs";

/** The page kinds every site built with the default theme has, whatever its content. */
const ALWAYS = {
  vi: ["home", "search", "sitemap", "not-found"],
  en: ["home", "search", "sitemap"],
};

/** The page kinds of the fixture site (tests/fixtures/theme-site/): every one there is. */
const FIXTURE = {
  vi: [
    "home", "search", "sitemap", "not-found",
    "article-news", "article-article", "article-page", "article-legal_document",
    "article-procedure", "article-qa", "article-draft-open", "article-draft-closed",
    "article-schedule", "article-staff",
    "list-news", "list-article", "list-page", "list-legal_document", "list-procedure",
    "list-qa", "list-draft", "list-schedule", "list-staff", "list-tag",
  ],
  en: ["home", "search", "sitemap", "article-page", "list-page", "list-legal_document"],
};

const WIDTHS = [375, 1280];
const kinds = pageKinds(siteDir());
const shots = artefactsDir();
/** A generated corpus, where every-page.test.mjs checks only a spread of pages. */
const sampled = process.env.STP_SAMPLE === "1";

describe("every page kind, Vietnamese and English", () => {
  let run;
  /** One tab per width, moved from page to page (a fresh context costs half a second). */
  const tabs = new Map();
  before(async () => {
    run = await start();
    for (const width of WIDTHS) tabs.set(width, await run.open("/", { width }));
  });
  after(async () => {
    for (const tab of tabs.values()) await tab.context.close();
    await run?.close();
  });

  test("the site has every page kind in both languages", () => {
    const expected = process.env.STP_FIXTURE === "1" ? FIXTURE : ALWAYS;
    for (const [lang, required] of Object.entries(expected)) {
      const have = new Set(kinds.filter((k) => k.lang === lang).map((k) => k.kind));
      const missing = required.filter((k) => !have.has(k));
      assert.deepEqual(missing, [], `${lang}: no page of kind ${missing.join(", ")}`);
    }
    const unmarked = kinds.filter((k) => !k.kind || !k.lang);
    assert.deepEqual(unmarked.map((k) => k.path), [], "pages without <html lang> or <body data-kind>");
  });

  for (const { kind, lang, path: file } of kinds) {
    // The 404 page is tested as a static host serves it: for a path that does not exist.
    const path = kind === "not-found" ? "/khong-co-trang-nay/" : file;
    test(`${lang} ${kind} (${path}): ${sampled ? "WCAG 2.0 A/AA, " : ""}layout at ${WIDTHS.join(" and ")} px`, async () => {
      for (const width of WIDTHS) {
        const { page } = tabs.get(width);
        const response = await page.goto(run.base + path, { waitUntil: "load" });
        await page.screenshot({ path: screenshotPath(shots, lang, kind, width), fullPage: true });
        assert.equal(response.status(), kind === "not-found" ? 404 : 200, `${path} status`);
        assert.equal(await page.getAttribute("html", "lang"), lang);
        if (sampled) {
          const violations = await axeViolations(page);
          assert.equal(violations.length, 0, `${path} at ${width} px:\n${formatViolations(violations)}`);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow} px at ${width} px`);
      }
    });
  }

  test("no page fetched anything off the site or had a script error", () => {
    assert.deepEqual(run.problems, []);
  });
});
