// What readers do with the theme, in headless Chromium: the keyboard (skip link, visible
// focus, access keys), the text-size control, the language switch, the legal-document
// table's filters and sorting, search, drafts' deadlines, the mailto rating and question
// forms, printing, and the whole site without JavaScript (issue 4, Thông tư 32/2017
// Điều 16–18, Nghị định 224/2026 Điều 10.3).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { artefactsDir, screenshotPath, siteDir, start } from "./lib/browser.mjs";
import { decodeEntities, pageKinds } from "./lib/site.mjs";

const kinds = pageKinds(siteDir());
const pathOf = (kind, lang = "vi") => kinds.find((k) => k.kind === kind && k.lang === lang)?.path;
const shots = artefactsDir();
// These tests know the fixture's content (tests/fixtures/theme-site/).
const siteToml = readFileSync(new URL("../fixtures/theme-site/site.toml", import.meta.url), "utf8");
const boardEmail = /board_email\s*=\s*"([^"]+)"/.exec(siteToml)?.[1];

describe("reader behaviour", () => {
  let run;
  before(async () => {
    run = await start();
  });
  after(async () => {
    await run?.close();
  });

  test("the skip link comes first, shows on focus and moves focus to the content", async () => {
    const { page, context } = await run.open("/", { width: 375 });
    try {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return { cls: el.className, href: el.getAttribute("href"), left: box.left, width: box.width, bg: style.backgroundColor };
      });
      assert.equal(focused.cls, "skip");
      assert.equal(focused.href, "#noi-dung");
      assert.ok(focused.left >= 0 && focused.width > 0, "the focused skip link is on screen");
      await page.keyboard.press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement.id), "noi-dung");
    } finally {
      await context.close();
    }
  });

  test("keyboard focus is visible on links, buttons and fields", async () => {
    const { page, context } = await run.open(pathOf("article-news"), { width: 1280 });
    try {
      const seen = new Set();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        const f = await page.evaluate(() => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          const marked = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none";
          return { tag: el.tagName, marked, name: (el.textContent || el.id || "").trim().slice(0, 40) };
        });
        assert.ok(f.marked, `focus on <${f.tag.toLowerCase()}> "${f.name}" has no visible outline`);
        seen.add(f.tag);
      }
      for (const tag of ["A", "INPUT", "BUTTON"]) assert.ok(seen.has(tag), `tabbed through no <${tag.toLowerCase()}>`);
      await page.screenshot({ path: screenshotPath(shots, "vi", "focus", 1280) });
    } finally {
      await context.close();
    }
  });

  test("access keys: 1 home, 2 content, 3 sitemap, 4 search, on every page kind", async () => {
    for (const { path, lang, file } of kinds) {
      const html = decodeEntities(readFileSync(file, "utf8"));
      const keys = [...html.matchAll(/<(\w+)[^>]*\saccesskey="(\d)"[^>]*>/g)].map((m) => [m[2], m[0]]);
      const byKey = Object.fromEntries(keys);
      assert.equal(keys.length, 4, `${path}: access keys ${keys.map((k) => k[0]).join(",")}`);
      const prefix = lang === "vi" ? "" : `/${lang}`;
      assert.match(byKey["1"], new RegExp(`href="${prefix}/"`), `${path}: key 1`);
      assert.match(byKey["2"], /href="#noi-dung"/, `${path}: key 2`);
      assert.match(byKey["3"], new RegExp(`href="${prefix}/so-do-trang/"`), `${path}: key 3`);
      assert.match(byKey["4"], /^<input[^>]*name="q"/, `${path}: key 4`);
    }
  });

  test("the text-size control enlarges, shrinks, resets and is remembered", async () => {
    const { page, context } = await run.open(pathOf("article-news"), { width: 375 });
    try {
      const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      const start = await size();
      assert.ok(await page.isVisible(".font-size"), "the control shows when JavaScript runs");
      await page.click("[data-font='1']");
      await page.click("[data-font='1']");
      assert.ok((await size()) > start * 1.15, "A+ twice makes text larger");
      await page.screenshot({ path: screenshotPath(shots, "vi", "font-larger", 375), fullPage: false });
      await page.reload();
      assert.ok((await size()) > start * 1.15, "the size is kept across pages");
      await page.click("[data-font='0']");
      assert.equal(await size(), start);
      await page.click("[data-font='-1']");
      assert.ok((await size()) < start, "A− makes text smaller");
    } finally {
      await context.close();
    }
  });

  test("at the largest text size no page kind scrolls sideways on a 375 px phone", async () => {
    for (const { kind, path } of kinds) {
      const { page, context } = await run.open(path, { width: 375 });
      try {
        for (let i = 0; i < 6; i++) await page.click("[data-font='1']");
        const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
        assert.equal(size, "25.6px", "the control goes up to 160 %");
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${kind} ${path} scrolls sideways by ${overflow} px at 160 % text`);
        if (kind === "home") await page.screenshot({ path: screenshotPath(shots, "vi", "home-text-160", 375), fullPage: false });
      } finally {
        await context.close();
      }
    }
  });

  test("the language switch leads to the translation, or to the other home page", async () => {
    const { page, context } = await run.open(pathOf("article-page"), { width: 1280 });
    try {
      const switchLink = page.locator(".topbar .lang-switch");
      assert.equal(await switchLink.getAttribute("lang"), "en");
      await switchLink.click();
      await page.waitForLoadState("load");
      assert.equal(await page.getAttribute("html", "lang"), "en");
      assert.match(page.url(), /\/en\/gioi-thieu\//);
      await page.locator(".topbar .lang-switch").click();
      await page.waitForLoadState("load");
      assert.equal(await page.getAttribute("html", "lang"), "vi");
    } finally {
      await context.close();
    }
    // Every language switch on every page leads to a page that exists.
    for (const { path } of kinds) {
      const html = decodeEntities(readFileSync(kinds.find((k) => k.path === path).file, "utf8"));
      const target = /class="lang-switch" href="([^"]+)"/.exec(html)?.[1];
      assert.ok(target, `${path} has a language switch`);
      const res = await fetch(run.base + target);
      assert.equal(res.status, 200, `${path}: language switch to ${target}`);
    }
  });

  test("the English home page introduces the Department and links what is only in Vietnamese", async () => {
    const { page, context } = await run.open("/en/", { width: 375 });
    try {
      const text = await page.textContent("main");
      assert.match(text, /About the Department/);
      assert.match(text, /Contact us/);
      assert.match(text, /In Vietnamese/);
      const links = await page.$$eval(".card-list a", (as) => as.map((a) => a.getAttribute("href")));
      assert.ok(links.some((h) => h.startsWith("/en/gioi-thieu/")), "links the English introduction");
      assert.ok(links.some((h) => h.startsWith("/en/lien-he/")), "links the English contacts page");
      const viOnly = await page.$$eval("a[hreflang='vi']", (as) => as.map((a) => a.getAttribute("href")));
      assert.ok(viOnly.includes("/van-ban/"), "links the Vietnamese legal documents");
      const menu = await page.$$eval(".main-nav a", (as) => as.map((a) => a.getAttribute("href")));
      assert.ok(!menu.includes("/en/van-ban/"), "the English menu leaves out sections with no English articles");
    } finally {
      await context.close();
    }
  });

  test("the legal-document table filters by type, issuer, year and effect, searches and sorts", async () => {
    const { page, context } = await run.open("/van-ban/", { width: 1280 });
    try {
      const visible = () => page.$$eval("table.doc-table tbody tr:not([hidden]) td:first-child", (tds) => tds.map((td) => td.textContent.trim()));
      const all = await visible();
      assert.ok(all.length >= 2, "the fixture has at least two documents");
      await page.selectOption("#loc-loai", "Chỉ thị");
      assert.deepEqual(await visible(), ["03/CT-UBND"]);
      await page.selectOption("#loc-loai", "");
      await page.selectOption("#loc-hieu-luc", "in-force");
      assert.deepEqual(await visible(), ["12/2026/QĐ-UBND"]);
      await page.selectOption("#loc-hieu-luc", "");
      await page.selectOption("#loc-nam", "2024");
      assert.deepEqual(await visible(), ["03/CT-UBND"]);
      await page.selectOption("#loc-nam", "");
      await page.selectOption("#loc-co-quan", "Ủy ban nhân dân tỉnh Bình Phước");
      assert.equal((await visible()).length, all.length);
      await page.selectOption("#loc-co-quan", "");
      await page.fill("#loc-tu-khoa", "qd ubnd 12");
      assert.deepEqual(await visible(), ["12/2026/QĐ-UBND"], "search by number, without diacritics");
      await page.fill("#loc-tu-khoa", "theo doi thi hanh");
      assert.deepEqual(await visible(), ["03/CT-UBND"], "search by title");
      assert.match(await page.textContent(".filter-count"), /1/);
      await page.fill("#loc-tu-khoa", "");
      await page.click("th[data-sort='0'] button");
      assert.equal(await page.getAttribute("th[data-sort='0']", "aria-sort"), "ascending");
      const up = await visible();
      assert.deepEqual(up, [...up].sort((a, b) => a.localeCompare(b, "vi", { numeric: true })));
      await page.click("th[data-sort='0'] button");
      assert.equal(await page.getAttribute("th[data-sort='0']", "aria-sort"), "descending");
      assert.deepEqual(await visible(), [...up].reverse());
      await page.screenshot({ path: screenshotPath(shots, "vi", "list-legal_document-sorted", 1280), fullPage: true });
    } finally {
      await context.close();
    }
  });

  test("search finds Vietnamese text typed without diacritics, in both languages", async () => {
    const cases = [
      ["/tim-kiem/?q=ly%20lich%20tu%20phap", "/thu-tuc-hanh-chinh/cap-phieu-ly-lich-tu-phap/"],
      ["/en/tim-kiem/?q=history", "/en/gioi-thieu/lich-su-hinh-thanh/"],
    ];
    for (const [path, expected] of cases) {
      const { page, context } = await run.open(path, { width: 375 });
      try {
        await page.waitForSelector("#search-results h2");
        const hrefs = await page.$$eval("#search-results a", (as) => as.map((a) => a.getAttribute("href")));
        assert.ok(hrefs.includes(expected), `${path}: ${hrefs.join(", ")}`);
        assert.equal(await page.inputValue("#q"), new URL(run.base + path).searchParams.get("q"));
        await page.screenshot({ path: screenshotPath(shots, path.startsWith("/en") ? "en" : "vi", "search-results", 375), fullPage: true });
      } finally {
        await context.close();
      }
    }
    const { page, context } = await run.open("/tim-kiem/?q=khongcotukhoanay", { width: 375 });
    try {
      await page.waitForSelector("#search-results h2");
      assert.match(await page.textContent("#search-results"), /Không có kết quả/);
    } finally {
      await context.close();
    }
  });

  test("drafts show their deadline, and a closed state once it has passed", async () => {
    const { page, context } = await run.open(pathOf("article-draft-closed"), { width: 375 });
    try {
      assert.match(await page.textContent(".draft-status"), /Đã hết hạn góp ý/);
      assert.equal(await page.$(".draft-send"), null, "no way to comment on a closed draft");
    } finally {
      await context.close();
    }
    const open = await run.open(pathOf("article-draft-open"), { width: 375 });
    try {
      assert.match(await open.page.textContent(".draft-status"), /Đang lấy ý kiến/);
      assert.match(await open.page.textContent(".draft-status"), /Hạn góp ý: 31\/12\/2030/);
      const href = await open.page.getAttribute(".draft-send a", "href");
      assert.match(href, new RegExp(`^mailto:${boardEmail}\\?subject=`));
    } finally {
      await open.context.close();
    }
    const list = await run.open("/gop-y-du-thao/", { width: 375 });
    try {
      const states = await list.page.$$eval(".draft-state", (s) => s.map((x) => x.textContent));
      assert.deepEqual(states.sort(), ["Đang lấy ý kiến", "Đã hết hạn góp ý"].sort());
    } finally {
      await list.context.close();
    }
  });

  test("the rating and the question form become mails to the board with a prefilled subject", async () => {
    const { page, context } = await run.open(pathOf("article-procedure"), { width: 375 });
    try {
      const actionOf = async (sel) => page.getAttribute(sel, "action");
      assert.equal(await actionOf("form.rating"), `mailto:${boardEmail}`);
      assert.equal(await actionOf("form.question"), `mailto:${boardEmail}`);
      // The URL a GET submission of the rating form makes, as the browser builds it.
      const url = await page.evaluate(() => {
        const form = document.querySelector("form.rating");
        form.querySelector("input[type=radio]").checked = true;
        form.querySelector("textarea").value = "Rõ ràng, dễ hiểu";
        const data = new URLSearchParams(new FormData(form));
        return form.action + "?" + data.toString();
      });
      const params = new URL(url.replace(/^mailto:[^?]+/, "http://x/")).searchParams;
      assert.match(params.get("subject"), /^\[Đánh giá: Rất hài lòng\] Cấp Phiếu lý lịch tư pháp/);
      assert.equal(params.get("body"), "Rõ ràng, dễ hiểu");
      const question = await page.$eval("form.question input[name=subject]", (i) => i.value);
      assert.match(question, /^\[Hỏi đáp, góp ý\] Cấp Phiếu lý lịch tư pháp/);
      assert.equal(await page.getAttribute("form.rating", "method"), "get");
      assert.equal(await page.getAttribute("form.question", "method"), "get");
    } finally {
      await context.close();
    }
  });

  test("the legal documents' filter pages narrow the list with links alone, from the keyboard, without JavaScript", async () => {
    const { page, context } = await run.open("/van-ban/", { width: 375, javaScriptEnabled: false });
    try {
      const visible = () => page.$$eval("table.doc-table tbody tr td:first-child", (tds) => tds.map((td) => td.textContent.trim()));
      assert.equal(await page.getAttribute(".doc-facets a[href='/van-ban/']", "aria-current"), "page", "all documents is current");
      assert.match(await page.textContent(".doc-facets"), /Chỉ thị\s*\(1\)/, "each filter shows its count");
      // Open the type group and follow "Chỉ thị" with the keyboard alone.
      await page.focus(".doc-facets details:first-of-type summary");
      await page.keyboard.press("Enter");
      await page.focus(".doc-facets a[href='/van-ban/loai/chi-thi/']");
      await Promise.all([page.waitForURL(/\/van-ban\/loai\/chi-thi\/$/), page.keyboard.press("Enter")]);
      assert.deepEqual(await visible(), ["03/CT-UBND"]);
      assert.equal(await page.getAttribute(".doc-facets a[href='/van-ban/loai/chi-thi/']", "aria-current"), "page");
      assert.match(await page.textContent("h1"), /Chỉ thị/);
      await page.goto(`${run.base}/van-ban/linh-vuc/pho-bien-giao-duc-phap-luat/`);
      assert.deepEqual(await visible(), ["12/2026/QĐ-UBND"], "the field filter");
      await page.goto(`${run.base}/van-ban/nam/2024/`);
      assert.deepEqual(await visible(), ["03/CT-UBND"], "the year filter");
      await page.screenshot({ path: screenshotPath(shots, "vi", "list-legal_document-facet-nojs", 375), fullPage: true });
    } finally {
      await context.close();
    }
  });

  test("without JavaScript every page still reads and navigates; script-only controls stay hidden", async () => {
    for (const [kind, path] of [["home", "/"], ["list-legal_document", "/van-ban/"], ["article-news", pathOf("article-news")], ["search", "/tim-kiem/"]]) {
      const { page, context } = await run.open(path, { width: 375, javaScriptEnabled: false });
      try {
        assert.equal(await page.isVisible(".font-size"), false, `${kind}: text-size control hidden`);
        assert.ok(await page.isVisible(".main-nav a[href='/van-ban/']"), `${kind}: the menu is open without JavaScript`);
        assert.ok(await page.isVisible("footer.site-footer"), `${kind}: footer`);
        if (kind === "list-legal_document") {
          assert.equal(await page.isVisible(".doc-filter"), false, "the filter needs JavaScript, so it is hidden");
          const rows = await page.$$eval("table.doc-table tbody tr", (r) => r.length);
          assert.ok(rows >= 2, "every document is listed");
        }
        if (kind === "search") {
          assert.match(await page.textContent("main"), /Sơ đồ trang/, "search points to the sitemap");
        }
        await page.screenshot({ path: screenshotPath(shots, "vi", `${kind}-nojs`, 375), fullPage: true });
      } finally {
        await context.close();
      }
    }
  });

  test("with JavaScript the menu folds on a phone and stays open on a wide screen", async () => {
    const phone = await run.open("/", { width: 375 });
    try {
      assert.equal(await phone.page.isVisible(".main-nav a[href='/van-ban/']"), false);
      await phone.page.click(".menu > summary");
      assert.ok(await phone.page.isVisible(".main-nav a[href='/van-ban/']"));
      await phone.page.screenshot({ path: screenshotPath(shots, "vi", "menu-open", 375) });
    } finally {
      await phone.context.close();
    }
    const wide = await run.open("/", { width: 1280 });
    try {
      assert.ok(await wide.page.isVisible(".main-nav a[href='/van-ban/']"));
      assert.equal(await wide.page.isVisible(".menu > summary"), false);
    } finally {
      await wide.context.close();
    }
  });

  test("the print stylesheet leaves the content and drops the menus and forms", async () => {
    const { page, context } = await run.open(pathOf("article-legal_document"), { width: 1280 });
    try {
      await page.emulateMedia({ media: "print" });
      for (const sel of [".main-nav", ".feedback", ".search-box", ".topbar", ".breadcrumb"]) {
        assert.equal(await page.isVisible(sel), false, `${sel} is not printed`);
      }
      assert.ok(await page.isVisible("h1"));
      assert.ok(await page.isVisible(".meta-table"));
      assert.ok(await page.isVisible(".brand-name"), "the agency's name heads the printout");
      await page.screenshot({ path: screenshotPath(shots, "vi", "print", 1280), fullPage: true });
    } finally {
      await context.close();
    }
  });

  test("the document page offers the signed file for download", async () => {
    const { page, context } = await run.open(pathOf("article-legal_document"), { width: 375 });
    try {
      const href = await page.getAttribute(".files a[download]", "href");
      assert.match(href, /\.pdf$/);
      const res = await fetch(run.base + href);
      assert.equal(res.status, 200);
      assert.equal((await res.arrayBuffer()).byteLength > 100, true);
      const rows = await page.$$eval(".meta-table th", (th) => th.map((h) => h.textContent));
      for (const label of ["Số ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành", "Ngày hiệu lực", "Trích yếu"]) {
        assert.ok(rows.includes(label), `metadata row ${label}`);
      }
    } finally {
      await context.close();
    }
  });

  test("nothing was fetched off the site and no script failed", () => {
    assert.deepEqual(run.problems, []);
  });
});
