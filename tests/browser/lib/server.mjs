// A tiny static file server on 127.0.0.1 for the browser tests: folders serve their
// index.html, a missing path serves the site's 404.html with status 404, as any static
// host would, and every response carries the headers the build's `_headers` file sets
// for its path (the Content-Security-Policy above all), as a host that reads the file
// would: every page is tested under the policy the site is served with. Nothing else: no
// compression, no caching, no directory listings.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8",
};

/** Resolves a URL path to a file under `root`, or null when it has none. */
async function resolveFile(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    const s = await stat(full);
    if (s.isFile()) return full;
    if (s.isDirectory()) {
      const index = join(full, "index.html");
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * The rules of a `_headers` file: `[{ pattern, headers: [[name, value]] }]`. A pattern is
 * a path, `*` standing for any rest of it; its headers are the indented lines after it.
 */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
    } else if (rules.length > 0) {
      const at = line.indexOf(":");
      rules[rules.length - 1].headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers `rules` give `urlPath`, later rules overriding earlier ones. */
export function headersFor(rules, urlPath) {
  const out = {};
  for (const { pattern, headers } of rules) {
    const matches = pattern.endsWith("*") ? urlPath.startsWith(pattern.slice(0, -1)) : urlPath === pattern;
    if (matches) for (const [name, value] of headers) out[name.toLowerCase()] = value;
  }
  return out;
}

/** Starts serving `root`; resolves to `{ url, close }` once it listens. */
export async function serve(root) {
  const base = normalize(root);
  const rules = parseHeaders(await readFile(join(base, "_headers"), "utf8").catch(() => ""));
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url, "http://127.0.0.1").pathname;
    const file = await resolveFile(base, urlPath);
    if (file === null) {
      const body = await readFile(join(base, "404.html")).catch(() => Buffer.from("not found"));
      res.writeHead(404, { ...headersFor(rules, urlPath), "content-type": TYPES[".html"] });
      res.end(body);
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, {
      ...headersFor(rules, urlPath),
      "content-type": TYPES[extname(file).toLowerCase()] || "application/octet-stream",
    });
    res.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}
