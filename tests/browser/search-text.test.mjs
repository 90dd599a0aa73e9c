// The search page's text rules (theme/static/search.js, loaded here as a CommonJS module)
// against the vectors the Rust index builder is tested with
// (crates/stp-render/src/search/vectors.json): normalising (NFC, lower case, one tone
// placement), folding (no marks) and splitting into words must agree, or a query would
// miss what the index holds. No browser needed.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const text = require("../../crates/stp-render/theme/static/search.js");
const vectors = JSON.parse(readFileSync(new URL("../../crates/stp-render/src/search/vectors.json", import.meta.url), "utf8"));

test("search.js normalises, folds and splits as the index builder does", () => {
  assert.ok(vectors.length >= 10);
  for (const v of vectors) {
    assert.equal(text.normalise(v.input), v.normalised, `normalise ${JSON.stringify(v.input)}`);
    assert.equal(text.fold(v.input), v.folded, `fold ${JSON.stringify(v.input)}`);
    assert.deepEqual(text.words(text.normalise(v.input)), v.words, `words ${JSON.stringify(v.input)}`);
  }
});

test("the shard hash is FNV-1a 32 as in shards.rs", () => {
  assert.equal(text.shardOf("", 2 ** 32), 0x811c9dc5);
  assert.equal(text.shardOf("a", 2 ** 32), 0xe40c292c);
  assert.equal(text.shardOf("foobar", 2 ** 32), 0xbf9cf968);
});

test("a query becomes words, pairs and codes; old and new tone placement plan alike", () => {
  const p = text.plan("Nghị định 15/2026/NĐ-CP");
  assert.deepEqual(p.words, ["nghị", "định", "15", "2026", "nđ", "cp"]);
  const keys = p.units.map((u) => u.key);
  assert.ok(keys.includes("15/2026/nd-cp"));
  assert.ok(keys.includes("nghi dinh"));
  assert.deepEqual(p.units.find((u) => u.key === "15/2026/nd-cp").covers, [2, 3, 4, 5]);
  assert.deepEqual(text.plan("hoà giải"), text.plan("hòa giải"));
  assert.equal(text.plan("hoa giai").units.every((u) => !u.marked), true);
});

test("rank: every word must match; marks as typed first, then phrases, then score", () => {
  const p = text.plan("hòa giải");
  // Five articles: 0 holds "hóa giải", 1 and 3 "hòa giải" (1 more often), 2 only "hòa",
  // and a posting for article 9, which this index does not have, is ignored.
  const shard = {
    hoa: [["hòa", 3, [1, 50, 1, 30, 1, 20, 6, 90]], ["hóa", 1, [0, 50]]],
    giai: [["giải", 3, [0, 40, 1, 40, 2, 40]]],
    "hoa giai": [["hòa giải", 2, [1, 30, 2, 30]], ["hóa giải", 1, [0, 30]]],
  };
  const found = p.units.map(() => shard);
  const { hits, capped } = text.rank(p, 5, found);
  assert.deepEqual(hits.map((h) => h.id), [1, 3, 0]);
  assert.deepEqual(hits.map((h) => h.exact), [3, 3, 1]);
  assert.ok(hits[0].score > hits[1].score);
  assert.equal(capped, false);
  // Without marks the query takes both spellings at full weight: "hóa giải" now ranks
  // by its score alone.
  const plain = text.rank(text.plan("hoa giai"), 5, found).hits;
  assert.deepEqual(plain.map((h) => h.id).sort(), [0, 1, 3]);
  assert.ok(plain.every((h) => h.exact === 0 && h.phrases === 1));
});

test("rank: on equal scores the higher article number (the newer article) comes first", () => {
  // Articles are numbered oldest first, so a new article takes the next number and the
  // others' fragments stay as they were; ties must still show the newest first.
  const p = text.plan("thủ tục");
  const shard = {
    "thu": [["thủ", 3, [2, 40, 3, 40, 2, 40]]],
    "tuc": [["tục", 3, [2, 40, 3, 40, 2, 40]]],
    "thu tuc": [["thủ tục", 3, [2, 30, 3, 30, 2, 30]]],
  };
  const { hits } = text.rank(p, 8, p.units.map(() => shard));
  assert.deepEqual(hits.map((h) => h.id), [7, 5, 2]);
  assert.equal(new Set(hits.map((h) => h.score)).size, 1, "the scores are equal");
});
