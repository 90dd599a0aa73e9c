// Site search over this language's fragmented index (crates/stp-render/src/search/):
// the query is normalised and folded exactly as the index was (NFC, lower case, one tone
// placement: "hoà" = "hòa"; without marks: "thu tuc" finds "thủ tục"), split into words,
// pairs of neighbouring words and codes (document numbers such as 15/2026/NĐ-CP), and
// each key's shard (t/<n>.<digest>.json, n = FNV-1a of the folded key) is fetched; then
// only the fragments (d/<n>.<digest>.json) of the results on screen. Every word of the query must match;
// results that match the marks as typed come first, then those holding more of the
// query's neighbouring words together (pairs, codes), then by score (title and number
// above body). Snippets and marks are DOM nodes, never HTML. Without JavaScript the page
// points to the sitemap. In node, the text functions and `rank` are exported for the
// shared tests (tests/browser/search-text.test.mjs).
(function () {
  "use strict";
  var TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
  var MARK = /[\u0300-\u036f]/;
  var ASCII = /^[\x00-\x7f]*$/;
  var MAX_WORD = 40, MAX_CODE = 60, MAX_QUERY_WORDS = 12, PAGE = 10;

  function placeTone(word) {
    if (ASCII.test(word)) return word;
    var letters = [];
    for (var c of word.normalize("NFD")) {
      if (MARK.test(c) && letters.length) letters[letters.length - 1].m.push(c);
      else letters.push({ c: c, m: [] });
    }
    var n = letters.length;
    if (n < 2) return word;
    var a = letters[n - 2], b = letters[n - 1];
    var pair = (a.c === "o" && (b.c === "a" || b.c === "e")) || (a.c === "u" && b.c === "y");
    var afterQ = a.c === "u" && n >= 3 && letters[n - 3].c === "q";
    var bare = function (m) { return m.every(function (x) { return TONES.indexOf(x) >= 0; }); };
    if (!pair || afterQ || !bare(a.m) || !bare(b.m)) return word;
    if (b.m.length) a.m.push(b.m.pop());
    return letters.map(function (l) { return l.c + l.m.join(""); }).join("").normalize("NFC");
  }
  function normalise(s) {
    s = String(s).normalize("NFC").toLowerCase();
    return ASCII.test(s) ? s : s.replace(/\p{Alphabetic}+/gu, placeTone);
  }
  function fold(s) {
    return normalise(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }
  function words(n) {
    return n.split(/[^\p{Alphabetic}\p{N}]+/u).filter(function (w) { return w && Array.from(w).length <= MAX_WORD; });
  }
  function trimCode(c) { return c.replace(/^[^\p{Alphabetic}\p{N}]+|[^\p{Alphabetic}\p{N}]+$/gu, ""); }
  function isCode(c) { return c.indexOf("/") >= 0 && /[0-9]/.test(c) && Array.from(c).length <= MAX_CODE; }
  function codes(n) { return n.split(/\s+/).map(trimCode).filter(isCode); }
  function shardOf(key, count) {
    var bytes = new TextEncoder().encode(key), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h % count;
  }
  // The keys a query looks up: its words, its pairs of neighbouring words, its codes;
  // each with the query words it accounts for.
  function plan(q) {
    var ws = [], units = [], seen = {};
    function unit(exact, covers, weight) {
      if (seen[exact]) return;
      seen[exact] = true;
      var key = fold(exact);
      units.push({ exact: exact, key: key, marked: key !== exact, covers: covers, weight: weight, phrase: covers.length > 1 });
    }
    normalise(q).split(/\s+/).forEach(function (chunk) {
      var start = ws.length;
      words(chunk).forEach(function (w) { if (ws.length < MAX_QUERY_WORDS) ws.push(w); });
      var code = trimCode(chunk), covers = [];
      for (var i = start; i < ws.length; i++) covers.push(i);
      if (isCode(code) && covers.length) unit(code, covers, 2);
    });
    ws.forEach(function (w, i) { unit(w, [i], 1); });
    for (var i = 0; i + 1 < ws.length; i++) unit(ws[i] + " " + ws[i + 1], [i, i + 1], 1.5);
    return { words: ws, units: units };
  }

  // Every article of `total` that holds every word of the query planned as `p`, best first,
  // from `found` (each unit's term shard): marks as typed first, then more of the query's
  // neighbouring words together, then score, then the higher article number (articles
  // are numbered oldest first, so the newer one). Per-article figures
  // live in typed arrays indexed by article number, not in a map of objects: a common
  // word's postings run to thousands of articles, and this is the time between the
  // shards arriving and the first result's fragment being asked for.
  function rank(p, total, found) {
    var capped = false, all = (1 << p.words.length) - 1;
    var score = new Float64Array(total), covered = new Int32Array(total);
    var exactCount = new Uint8Array(total), phrases = new Uint8Array(total);
    var best = new Float64Array(total), bestExact = new Uint8Array(total), stamp = new Int32Array(total);
    var touched = [];
    p.units.forEach(function (u, k) {
      var mark = k + 1, ids = [], mask = 0;
      u.covers.forEach(function (i) { mask |= 1 << i; });
      (found[k][u.key] || []).forEach(function (form) {
        var exact = !u.marked || form[0] === u.exact, df = form[1], post = form[2];
        if (df > post.length / 2) capped = true;
        var idf = Math.log(1 + (total - df + 0.5) / (df + 0.5)) * u.weight * (exact ? 1 : 0.5);
        for (var j = 0, id = 0; j < post.length; j += 2) {
          id += post[j];
          if (id >= total) break;
          var s = post[j + 1] / 10 * idf;
          if (stamp[id] !== mark) {
            stamp[id] = mark;
            best[id] = s;
            bestExact[id] = exact ? 1 : 0;
            ids.push(id);
          } else {
            best[id] = Math.max(best[id], s);
            if (exact) bestExact[id] = 1;
          }
        }
      });
      for (var i = 0; i < ids.length; i++) {
        var id = ids[i];
        // Every unit covers a query word, so an article none has reached covers nothing.
        if (!covered[id]) touched.push(id);
        score[id] += best[id];
        if (u.phrase) phrases[id]++;
        if (u.marked && bestExact[id]) exactCount[id]++;
        covered[id] |= mask;
      }
    });
    var hits = [];
    touched.forEach(function (id) {
      if (covered[id] === all) hits.push({ id: id, score: score[id], exact: exactCount[id], phrases: phrases[id] });
    });
    hits.sort(function (a, b) { return b.exact - a.exact || b.phrases - a.phrases || b.score - a.score || b.id - a.id; });
    return { hits: hits, capped: capped };
  }

  var api = { normalise: normalise, fold: fold, words: words, codes: codes, shardOf: shardOf, plan: plan, rank: rank };
  if (typeof module === "object" && module.exports) { module.exports = api; return; }

  var out = document.getElementById("search-results");
  if (!out) return;
  var input = document.getElementById("q");
  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  if (!q.trim()) { input.focus(); return; }
  // The page lists every fragment's digest (DIGEST hex digits each): the term shards'
  // one by one, the result fragments' one per group of `group` fragments.
  var base = out.getAttribute("data-base"), DIGEST = 8;
  var tDigests, dDigests, shards, total, chunk, group;
  // The index as the page `from` lists it (this page, or a fresh copy of it).
  function read(from) {
    tDigests = from.getAttribute("data-t"); dDigests = from.getAttribute("data-d");
    shards = tDigests.length / DIGEST; total = +from.getAttribute("data-docs");
    chunk = +from.getAttribute("data-chunk"); group = +from.getAttribute("data-group");
  }
  read(out);
  function named(kind, n, digests, k) { return kind + "/" + n + "." + digests.substr(k * DIGEST, DIGEST) + ".json"; }
  var cache = {};
  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) { var e = new Error(path + ": " + r.status); e.status = r.status; throw e; }
        return r.json();
      });
    }
    return cache[path];
  }
  function el(tag, text) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    return e;
  }

  var p = plan(q);
  var folded = {};
  p.words.forEach(function (w) { folded[fold(w)] = true; });
  // `text` into `parent`, the query's words marked.
  function marked(parent, text) {
    var re = /[\p{Alphabetic}\p{N}]+/gu, last = 0, m;
    while ((m = re.exec(text))) {
      if (!folded[fold(m[0])]) continue;
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(el("mark", m[0]));
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }
  // Where `text` best matches: the start of its longest run of query words, and how
  // many of the query's words it holds.
  function best(text) {
    var re = /[\p{Alphabetic}\p{N}]+/gu, m, run = 0, start = 0, seen = {}, b = { at: -1, run: 0, words: 0 };
    while ((m = re.exec(text))) {
      var f = fold(m[0]);
      if (!folded[f]) { run = 0; continue; }
      if (!run) start = m.index;
      run++;
      seen[f] = true;
      if (run > b.run) { b.at = start; b.run = run; }
    }
    b.words = Object.keys(seen).length;
    return b;
  }
  // About 220 characters of the summary or the body, around where it best matches the
  // query (the longer run of query words wins; the summary on a tie), else the summary.
  function snippet(summary, body) {
    var s = best(summary), b = best(body), text = summary, at = s.at;
    if (b.run > s.run || (b.run === s.run && b.words > s.words)) { text = body; at = b.at; }
    if (at < 0) { text = summary || body; at = 0; }
    var start = Math.max(0, at - 80);
    if (start > 0) { var sp = text.indexOf(" ", start); start = sp >= 0 && sp < at ? sp + 1 : start; }
    var end = Math.min(text.length, start + 220);
    if (end < text.length) { var e = text.lastIndexOf(" ", end); end = e > at ? e : end; }
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function show(result) {
    var hits = result.hits;
    out.textContent = "";
    if (!hits.length) out.setAttribute("aria-busy", "false");
    var key = !hits.length ? "data-none" : result.capped ? "data-count-more" : "data-count";
    out.appendChild(el("h2", out.getAttribute(key).replace("{n}", hits.length).replace("{q}", q)));
    if (!hits.length) return Promise.resolve();
    var list = out.appendChild(el("ol"));
    var more = el("button", out.getAttribute("data-more"));
    more.type = "button";
    var shown = 0;
    function page() {
      var slice = hits.slice(shown, shown + PAGE);
      shown += slice.length;
      more.disabled = true;
      // The first result's fragment alone, so nothing competes with it; then the rest at
      // once. Each is shown as soon as it and those above it have arrived.
      var path = function (h) { var c = Math.floor(h.id / chunk); return named("d", c, dDigests, Math.floor(c / group)); };
      var first = get(path(slice[0]));
      var chunks = slice.map(function (h, i) {
        return i === 0 ? first : first.then(function () { return get(path(h)); });
      });
      var shownInOrder = Promise.resolve();
      slice.forEach(function (h, i) {
        shownInOrder = shownInOrder.then(function () { return chunks[i]; }).then(function (c) {
          var d = c[h.id % chunk], li = el("li");
          var a = marked(el("a"), d[1]);
          a.href = d[0];
          li.appendChild(a);
          var meta = [d[3], d[2], d[4]].filter(Boolean).join(" · ");
          if (meta) { li.appendChild(el("br")); marked(li.appendChild(el("span")), meta).className = "meta"; }
          var text = snippet(d[5], d[6]);
          if (text) { li.appendChild(el("br")); marked(li.appendChild(el("span")), text).className = "snippet"; }
          list.appendChild(li);
        });
      });
      return shownInOrder.then(function () {
        out.setAttribute("aria-busy", "false");
        more.disabled = false;
        if (shown < hits.length) out.appendChild(more);
        else if (more.parentNode) more.parentNode.removeChild(more);
      });
    }
    more.addEventListener("click", function () { out.setAttribute("aria-busy", "true"); page().catch(failed); });
    return page();
  }
  function failed() {
    out.setAttribute("aria-busy", "false");
    out.textContent = "";
    var msg = out.appendChild(el("p", out.getAttribute("data-failed") + " "));
    var a = msg.appendChild(el("a", out.getAttribute("data-sitemap-label")));
    a.href = out.getAttribute("data-sitemap");
  }
  out.setAttribute("aria-busy", "true");
  if (!p.units.length) { show({ hits: [], capped: false }); return; }
  function run() {
    return Promise.all(p.units.map(function (u) { var n = shardOf(u.key, shards); return get(named("t", n, tDigests, n)); }))
      .then(function (found) { return show(rank(p, total, found)); });
  }
  // A page kept in a cache from before the site was rebuilt names fragments that are gone
  // (each name holds its content's digest). Once, on a missing fragment, the page is
  // fetched again past the cache and the query run with the fresh page's list.
  var refreshed = false;
  function refresh(err) {
    if (refreshed || !err || err.status !== 404) throw err;
    refreshed = true;
    return fetch(location.href, { credentials: "same-origin", cache: "no-cache" })
      .then(function (r) { if (!r.ok) throw err; return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("search-results");
        if (!fresh || (fresh.getAttribute("data-t") === tDigests && fresh.getAttribute("data-d") === dDigests)) throw err;
        read(fresh);
        cache = {};
        return run();
      });
  }
  run().catch(refresh).catch(failed);
})();
