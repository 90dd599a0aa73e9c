// The search page on the example site (examples/site), query by query: without and with
// diacritics, old and new tone placement, document numbers as typed and without marks,
// ranking (a title hit above a body hit, the marks as typed first), a phrase only the
// body holds, marked snippets built as DOM nodes, English, no results and no JavaScript.
// These tests know the example site's content; scripts/browser-test runs them on it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { start } from "./lib/browser.mjs";

const NQ18 = "/van-ban/nq-18-2025-hoa-giai-co-so/";
const HOA_GIAI = "/tin-tuc/doi-thoai-hoa-giai-mau-thuan-khu-dan-cu/";

describe("search on the example site", () => {
  let run;
  before(async () => {
    run = await start();
  });
  after(async () => {
    await run?.close();
  });

  /** The results of `query` on the search page of `lang`, in order. */
  async function search(query, lang = "") {
    const path = `${lang}/tim-kiem/?q=${encodeURIComponent(query)}`;
    const { page, context } = await run.open(path, { width: 1280 });
    try {
      const done = '#search-results[aria-busy="false"]';
      await page.waitForSelector(done);
      const heading = await page.textContent("#search-results h2");
      // Every result: "more results" until it is gone.
      for (let more; (more = await page.$("#search-results > button")); ) {
        await more.click();
        await page.waitForSelector(done);
      }
      const results = await page.$$eval("#search-results li", (lis) =>
        lis.map((li) => ({
          href: li.querySelector("a").getAttribute("href"),
          title: li.querySelector("a").textContent,
          titleMarks: [...li.querySelectorAll("a mark")].map((m) => m.textContent),
          snippet: li.querySelector(".snippet")?.textContent ?? "",
          snippetMarks: [...li.querySelectorAll(".snippet mark")].map((m) => m.textContent),
        })),
      );
      assert.equal(await page.inputValue("#q"), query, "the query stays in the field");
      return { heading, results, hrefs: results.map((r) => r.href), page };
    } finally {
      await context.close();
    }
  }

  test("a query without diacritics finds words with them; title hits rank above body hits", async () => {
    const { heading, results, hrefs } = await search("hoa giai");
    assert.match(heading, /\d+ kết quả cho “hoa giai”/);
    assert.ok(hrefs.includes(NQ18) && hrefs.includes(HOA_GIAI), hrefs.join(", "));
    // The phrase in the title (a title with the two words apart ranks as a body hit of
    // the phrase would not: phrases come first, docs/theme.md).
    const folded = (t) => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").toLowerCase();
    const inTitle = results.map((r) => folded(r.title).includes("hoa giai"));
    assert.ok(inTitle[0], "the first result has the words in its title");
    const firstBodyOnly = inTitle.indexOf(false);
    assert.ok(firstBodyOnly > 0, "some results have the words in the body only");
    assert.ok(!inTitle.slice(firstBodyOnly).includes(true), `title hits first: ${JSON.stringify(inTitle)}`);
    const marks = results.flatMap((r) => [...r.titleMarks, ...r.snippetMarks]).map((m) => m.toLowerCase());
    assert.ok(marks.includes("hòa") && marks.includes("giải"), marks.join(" "));
  });

  test("with diacritics, the marks as typed rank first", async () => {
    const hoa = await search("hòa giải");
    const at = hoa.hrefs.indexOf(HOA_GIAI);
    assert.ok(at > 0, `“hóa giải” is found for “hòa giải”, after: ${hoa.hrefs.join(", ")}`);
    const exactTitles = hoa.results.map((r, i) => [i, r.title.toLowerCase().includes("hòa giải")]).filter(([, t]) => t);
    assert.ok(exactTitles.length >= 2);
    assert.ok(exactTitles.every(([i]) => i < at), "every title with “hòa giải” comes before the one with “hóa giải”");
    const hoaTyped = await search("hóa giải");
    assert.equal(hoaTyped.hrefs[0], HOA_GIAI, hoaTyped.hrefs.join(", "));
    assert.ok(hoaTyped.hrefs.includes(NQ18), "the other spelling still follows");
  });

  test("old and new tone placement are the same word", async () => {
    const newStyle = await search("hoà giải");
    const oldStyle = await search("hòa giải");
    assert.deepEqual(newStyle.hrefs, oldStyle.hrefs);
    // The article writes “Thuý” (new style); a reader types “thúy” (old style).
    const thuy = await search("thúy");
    assert.equal(thuy.hrefs[0], HOA_GIAI, thuy.hrefs.join(", "));
    assert.deepEqual(thuy.results[0].snippetMarks, ["Thuý"]);
  });

  test("a document number is found as typed and without diacritics", async () => {
    for (const q of ["18/2025/NQ-HĐND", "18/2025/NQ-HDND", "18/2025/nq-hdnd"]) {
      const { hrefs } = await search(q);
      assert.equal(hrefs[0], NQ18, `${q}: ${hrefs.join(", ")}`);
    }
    // A number cited in a body only.
    const cited = await search("15/2014/ND-CP");
    assert.ok(cited.hrefs.includes(NQ18), cited.hrefs.join(", "));
  });

  test("a phrase only the body holds is found, its words marked in the snippet", async () => {
    const { results } = await search("van phong pham");
    const hit = results[0];
    assert.equal(hit.href, NQ18, "the phrase above its words apart in titles");
    assert.deepEqual(hit.snippetMarks, ["văn", "phòng", "phẩm"]);
    assert.match(hit.snippet, /văn phòng phẩm/);
  });

  test("English pages have their own index and strings", async () => {
    const { heading, hrefs, results } = await search("history", "/en");
    assert.match(heading, /results? for “history”/);
    assert.equal(hrefs[0], "/en/gioi-thieu/lich-su/");
    assert.deepEqual(results[0].titleMarks, ["History"]);
    const none = await search("khongcotukhoanay", "/en");
    assert.match(none.heading, /No results for/);
  });

  test("no results, and article text and queries are never read as HTML", async () => {
    const none = await search("khongcotukhoanay");
    assert.match(none.heading, /Không có kết quả cho “khongcotukhoanay”/);
    const { page, context } = await run.open(`/tim-kiem/?q=${encodeURIComponent('<img src=x onerror="window.pwned=1"> hòa giải')}`);
    try {
      await page.waitForSelector("#search-results h2");
      assert.equal(await page.$("#search-results img"), null);
      assert.equal(await page.evaluate(() => window.pwned), undefined);
      assert.match(await page.textContent("#search-results h2"), /<img src=x/);
    } finally {
      await context.close();
    }
  });

  test("without JavaScript the page points to the sitemap", async () => {
    const { page, context } = await run.open("/tim-kiem/?q=hoa+giai", { javaScriptEnabled: false });
    try {
      assert.equal(await page.$$eval("#search-results li", (l) => l.length), 0);
      const html = await page.content();
      assert.match(html, /Tìm kiếm cần JavaScript/);
      assert.match(html, /href="\/so-do-trang\/"/);
    } finally {
      await context.close();
    }
  });

  /**
   * Opens the search page for `query` with its HTML as `stale` makes it (the page a
   * browser kept from before a rebuild) and every request for a term shard answered as
   * `shard` says; returns the results, the message shown, and how many times the page
   * itself was requested.
   */
  async function searchWith(query, { stale, shard = (route) => route.continue() }) {
    let pageRequests = 0;
    const before = async (context) => {
      await context.route(/\/tim-kiem\/\?q=/, async (route) => {
        pageRequests += 1;
        if (!route.request().isNavigationRequest()) return route.continue();
        const real = await route.fetch();
        await route.fulfill({ response: real, body: stale(await real.text()) });
      });
      await context.route(/\/tim-kiem\/t\//, shard);
    };
    const { page, context } = await run.open(`/tim-kiem/?q=${encodeURIComponent(query)}`, { before });
    try {
      await page.waitForSelector('#search-results[aria-busy="false"]');
      const hrefs = await page.$$eval("#search-results li a", (as) => as.map((a) => a.getAttribute("href")));
      const links = await page.$$eval("#search-results a", (as) => as.map((a) => a.getAttribute("href")));
      const text = await page.textContent("#search-results");
      return { hrefs, links, text, pageRequests };
    } finally {
      await context.close();
    }
  }

  test("a search page kept from before a rebuild still answers: it fetches itself again, once", async () => {
    const fresh = await search("hoa giai");
    // Every digest the page lists turned into one no fragment has: what a page cached
    // before a rebuild names after the rebuild removed its fragments.
    const stale = (html) => html.replace(/data-(t|d)="([0-9a-f]+)"/g, (_, k, list) => `data-${k}="${list.replace(/[0-9a-f]/g, "0")}"`);
    const kept = await searchWith("hoa giai", { stale });
    assert.deepEqual(kept.hrefs, fresh.hrefs.slice(0, kept.hrefs.length));
    assert.ok(kept.hrefs.length > 0, kept.text);
    assert.equal(kept.pageRequests, 2, "the page, then its fresh copy");
    // Fragments missing on the server too: one fresh copy, then the failure message with
    // the way to the sitemap, no loop.
    const gone = await searchWith("hoa giai", { stale, shard: (route) => route.fulfill({ status: 404, body: "" }) });
    assert.deepEqual(gone.hrefs, []);
    assert.deepEqual(gone.links, ["/so-do-trang/"]);
    assert.match(gone.text, /Không tải được chỉ mục tìm kiếm/);
    assert.equal(gone.pageRequests, 2);
  });

  test("no off-site request, script error or policy violation", () => {
    assert.deepEqual(run.problems, []);
  });
});
