// Reading a built site from disk: its HTML pages, the page kind and language each one
// declares (`<html lang>` and `<body data-kind>`, written by the default theme), and the
// weight of a page: its HTML plus every stylesheet and script it links, pictures aside.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

/** The budget of issue 4: HTML + CSS + JS of one page, pictures aside. */
export const PAGE_BUDGET_BYTES = 100 * 1024;

/** Every `.html` file under `dir`, as site paths (`/tin-tuc/`, `/404.html`), sorted. */
export function htmlPages(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".html")) {
        const rel = relative(dir, full).split(sep).join("/");
        out.push({ file: full, path: "/" + rel.replace(/(^|\/)index\.html$/, "$1") });
      }
    }
  };
  walk(dir);
  return out;
}

/** `{ lang, kind }` of a page, from `<html lang>` and `<body data-kind>`. */
export function describe(html) {
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? "";
  const kind = /<body[^>]*\sdata-kind="([^"]+)"/.exec(html)?.[1] ?? "";
  return { lang, kind };
}

/**
 * One page of each (kind, language): the first in path order. Returns a sorted array of
 * `{ kind, lang, path, file }`.
 */
export function pageKinds(dir) {
  const seen = new Map();
  for (const page of htmlPages(dir)) {
    const { lang, kind } = describe(readFileSync(page.file, "utf8"));
    const key = `${kind} ${lang}`;
    if (!seen.has(key)) seen.set(key, { kind, lang, ...page });
  }
  return [...seen.values()].sort((a, b) =>
    a.lang === b.lang ? a.kind.localeCompare(b.kind) : a.lang.localeCompare(b.lang),
  );
}

/** An attribute value with its character references decoded (`&#x2f;` → `/`). */
export function decodeEntities(value) {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The stylesheets and scripts a page links, as site paths. */
export function linkedAssets(html) {
  const urls = [];
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (/\brel="stylesheet"/.test(tag)) urls.push(/\bhref="([^"]+)"/.exec(tag)?.[1]);
  }
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    urls.push(/\bsrc="([^"]+)"/.exec(tag)?.[1]);
  }
  return urls.filter(Boolean).map(decodeEntities);
}

/**
 * The weight of the page in `file` of the site in `dir`: `{ html, css, js, total, gzip }`
 * in bytes. An asset that is not in the site is an error (the site must work offline).
 */
export function pageWeight(dir, file) {
  const html = readFileSync(file);
  const parts = [html];
  const weight = { html: html.length, css: 0, js: 0 };
  for (const url of linkedAssets(html.toString("utf8"))) {
    if (!url.startsWith("/")) {
      throw new Error(`${relative(dir, file)} links ${url}, which is not on the site itself`);
    }
    const bytes = readFileSync(join(dir, url.split(/[?#]/)[0]));
    parts.push(bytes);
    if (url.endsWith(".css")) weight.css += bytes.length;
    else weight.js += bytes.length;
  }
  weight.total = weight.html + weight.css + weight.js;
  weight.gzip = parts.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
  return weight;
}

/** The heaviest page of each (kind, language): `[{ kind, lang, path, ...weight }]`. */
export function weightsByKind(dir) {
  const worst = new Map();
  for (const page of htmlPages(dir)) {
    const { lang, kind } = describe(readFileSync(page.file, "utf8"));
    const w = { kind, lang, path: page.path, ...pageWeight(dir, page.file) };
    const key = `${kind} ${lang}`;
    if (!worst.has(key) || worst.get(key).total < w.total) worst.set(key, w);
  }
  return [...worst.values()].sort((a, b) =>
    a.lang === b.lang ? a.kind.localeCompare(b.kind) : a.lang.localeCompare(b.lang),
  );
}
