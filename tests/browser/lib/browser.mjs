// Headless Chromium (the Debian package, never a downloaded browser) driven by
// playwright-core, with the built site served on 127.0.0.1 (by server.mjs, or by a real
// nginx with docs/deploy.md's configuration when STP_SERVER=nginx), and axe-core injected
// from node_modules. Every page load is watched: a request that leaves 127.0.0.1 or a
// script error is recorded, so the tests can prove the site works offline and without
// errors.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

import { chromium } from "playwright-core";

import { serveWithNginx } from "./nginx.mjs";
import { serve } from "./server.mjs";

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve("axe-core/axe.min.js");

/** The built site under test (`scripts/browser-test` sets it). */
export function siteDir() {
  const dir = process.env.STP_SITE_DIR;
  if (!dir) throw new Error("STP_SITE_DIR is not set; run scripts/browser-test, which builds the site first");
  return resolve(dir);
}

/** Where screenshots go. */
export function artefactsDir() {
  const dir = resolve(process.env.STP_ARTEFACTS || "target/browser-artefacts");
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const CHROMIUM = process.env.STP_CHROMIUM || "/usr/bin/chromium";

/** The flags of the brief: no network side traffic, no first-run, no GPU. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Starts the server (server.mjs, or nginx when STP_SERVER=nginx) and Chromium.
 * Playwright gives each launch a fresh temporary user-data-dir and removes it on close.
 * Returns `{ base, browser, problems, close }`; `problems` collects off-site requests and
 * script errors of every page opened with `open()`.
 */
export async function start() {
  const server = process.env.STP_SERVER === "nginx" ? await serveWithNginx(siteDir()) : await serve(siteDir());
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const problems = [];
  const base = server.url;
  return {
    base,
    browser,
    problems,
    /**
     * A new page at `width` px (JavaScript on unless `javaScriptEnabled: false`);
     * `before(context)` runs before the page is opened (to route its requests).
     */
    async open(path, { width = 1280, height = 900, javaScriptEnabled = true, before = null } = {}) {
      const context = await browser.newContext({
        viewport: { width, height },
        javaScriptEnabled,
        locale: "vi-VN",
        timezoneId: "Asia/Ho_Chi_Minh",
      });
      const page = await context.newPage();
      // The page the tab is on now: a tab may be moved from page to page after opening.
      const where = () => (page.url().startsWith(base) ? page.url().slice(base.length) : path);
      page.on("request", (req) => {
        const url = req.url();
        if (!url.startsWith(base + "/") && !url.startsWith("data:")) {
          problems.push(`${where()}: requested ${url}, which is off the site`);
        }
      });
      page.on("pageerror", (err) => problems.push(`${where()}: script error: ${err.message}`));
      page.on("console", (msg) => {
        if (msg.type() === "error" && !/status of 404/.test(msg.text())) {
          problems.push(`${where()}: console error: ${msg.text()}`);
        }
      });
      if (before) await before(context);
      const response = await page.goto(base + path, { waitUntil: "load" });
      return { page, context, response };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** axe-core's source, read once. */
let axeSource = null;

/**
 * Runs axe-core with the WCAG 2.0 A and AA rules; returns its violations. axe is evaluated
 * through the DevTools protocol, which the page's Content-Security-Policy does not govern
 * (a `<script>` tag added to the page would be refused by it, as it should be).
 */
export async function axeViolations(page) {
  axeSource ??= readFileSync(AXE_PATH, "utf8");
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] }, resultTypes: ["violations"] });
  });
  return result.violations;
}

/** A violation list as readable lines: rule, impact, help and the offending nodes. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ")}`).join("\n");
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join("\n");
}

/** The file name of a screenshot: `vi-article-news-375.png`. */
export function screenshotPath(dir, lang, kind, width, suffix = "") {
  return join(dir, `${lang}-${kind}${suffix}-${width}.png`);
}
