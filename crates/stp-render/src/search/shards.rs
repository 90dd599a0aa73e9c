//! The term fragments: every key's postings (article number, score), at most
//! `MAX_POSTINGS` of them (the best-scored; a word in most articles keeps its best
//! thousand), grouped under the key's folded form and split into shards by a hash of that
//! form, so a query fetches one shard per key. A shard is a JSON object, keys in order:
//!
//! ```text
//! {"hoa giai":[["hòa giải",12,[3,61,4,15]],["hóa giải",1,[9,20]]]}
//! ```
//!
//! Each folded key lists its exact forms; each form has its document frequency (before
//! the cap) and its postings as pairs of article-number delta and score, article numbers
//! ascending. `search.js` computes the same hash (`shard_of`).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use super::fold::fold;

/// Postings kept per exact key.
pub const MAX_POSTINGS: usize = 1000;
/// Shards aim at this many bytes before compression.
pub const SHARD_BYTES: usize = 24 * 1024;

/// One key's postings being gathered: how many articles have it, and the best of them.
#[derive(Default)]
struct Gathered {
    df: u32,
    /// The worst kept posting on top: lowest score, then highest article number.
    best: BinaryHeap<Reverse<(u8, Reverse<u32>)>>,
}

/// Postings gathered article by article, in article-number order.
#[derive(Default)]
pub struct Postings {
    keys: FastMap<String, Gathered>,
}

/// A map keyed by short strings, hashed with FNV-1a rather than SipHash: an index of
/// 100,000 articles makes hundreds of millions of lookups, and its keys come from the
/// site's own text. Iteration order never reaches the output (keys are sorted).
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// FNV-1a, 64 bits.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Postings {
    /// Adds article `doc`'s keys and scores; `doc` grows with each call.
    pub fn add(&mut self, doc: u32, scores: Vec<(String, u8)>) {
        for (key, score) in scores {
            let g = self.keys.entry(key).or_default();
            g.df += 1;
            let item = Reverse((score, Reverse(doc)));
            if g.best.len() < MAX_POSTINGS {
                g.best.push(item);
            } else if g.best.peek().is_some_and(|worst| item < *worst) {
                // `Reverse` turns the order around: smaller is better here.
                g.best.pop();
                g.best.push(item);
            }
        }
    }

    /// The shard files' contents, shard number by shard number.
    pub fn into_shards(self) -> Vec<String> {
        let mut by_folded: BTreeMap<String, Vec<(String, Gathered)>> = BTreeMap::new();
        for (key, g) in self.keys {
            by_folded.entry(fold(&key)).or_default().push((key, g));
        }
        let entries: Vec<(String, String)> = by_folded
            .into_iter()
            .map(|(folded, mut forms)| {
                forms.sort_by(|a, b| a.0.cmp(&b.0));
                let json = entry_json(&folded, forms);
                (folded, json)
            })
            .collect();
        let total: usize = entries.iter().map(|(_, j)| j.len() + 1).sum();
        let count = total.div_ceil(SHARD_BYTES).max(1);
        let mut shards = vec![String::from("{"); count];
        for (folded, json) in entries {
            let s = &mut shards[shard_of(&folded, count)];
            if s.len() > 1 {
                s.push(',');
            }
            s.push_str(&json);
        }
        for s in &mut shards {
            s.push('}');
        }
        shards
    }
}

/// `"folded":[["exact",df,[delta,score,…]],…]`.
fn entry_json(folded: &str, forms: Vec<(String, Gathered)>) -> String {
    let quote = |s: &str| serde_json::to_string(s).expect("a string serialises");
    let mut out = quote(folded);
    out.push_str(":[");
    for (i, (exact, g)) in forms.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut postings: Vec<(u32, u8)> = g
            .best
            .into_iter()
            .map(|Reverse((score, Reverse(doc)))| (doc, score))
            .collect();
        postings.sort_unstable();
        out.push('[');
        out.push_str(&quote(&exact));
        out.push_str(&format!(",{},[", g.df));
        let mut last = 0;
        for (j, (doc, score)) in postings.into_iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str(&format!("{},{score}", doc - last));
            last = doc;
        }
        out.push_str("]]");
    }
    out.push(']');
    out
}

/// The shard of a folded key among `count`: FNV-1a (32 bits) of its UTF-8 bytes.
pub fn shard_of(folded: &str, count: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in folded.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h as usize % count
}

#[cfg(test)]
mod tests {
    use super::{MAX_POSTINGS, Postings, shard_of};

    #[test]
    fn fnv_matches_the_published_vectors() {
        // FNV-1a 32: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
        assert_eq!(shard_of("", usize::MAX), 0x811c_9dc5);
        assert_eq!(shard_of("a", usize::MAX), 0xe40c_292c);
        assert_eq!(shard_of("foobar", usize::MAX), 0xbf9c_f968);
    }

    #[test]
    fn forms_group_under_their_folded_key_with_deltas() {
        let mut p = Postings::default();
        p.add(3, vec![("hòa giải".into(), 61)]);
        p.add(7, vec![("hòa giải".into(), 15), ("hóa giải".into(), 20)]);
        let shards = p.into_shards();
        assert_eq!(
            shards,
            [r#"{"hoa giai":[["hòa giải",2,[3,61,4,15]],["hóa giải",1,[7,20]]]}"#]
        );
    }

    #[test]
    fn keeps_the_best_postings_of_a_common_key() {
        let mut p = Postings::default();
        for doc in 0..(MAX_POSTINGS as u32 + 500) {
            let score = if doc % 3 == 0 { 90 } else { 10 };
            p.add(doc, vec![("và".into(), score)]);
        }
        let shard = &p.into_shards()[0];
        let v: serde_json::Value = serde_json::from_str(shard).unwrap();
        let form = &v["va"][0];
        assert_eq!(form[1], MAX_POSTINGS as u64 + 500);
        let pairs = form[2].as_array().unwrap();
        assert_eq!(pairs.len(), 2 * MAX_POSTINGS);
        // All 500 high scores are kept; the rest are the lowest-numbered low scores.
        let highs = pairs.chunks(2).filter(|p| p[1] == 90).count();
        assert_eq!(highs, 500);
    }

    #[test]
    fn identical_input_gives_identical_shards() {
        let build = || {
            let mut p = Postings::default();
            for doc in 0..2000u32 {
                let keys = (0..20)
                    .map(|k| (format!("từ{}", (doc * 7 + k) % 300), (doc % 200) as u8 + 1))
                    .collect();
                p.add(doc, keys);
            }
            p.into_shards()
        };
        let (a, b) = (build(), build());
        assert!(a.len() > 1, "several shards");
        assert_eq!(a, b);
    }
}
