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

use rayon::prelude::*;

use super::vocab::{Key, KeyMap, Vocab};

/// Postings kept per exact key.
pub const MAX_POSTINGS: usize = 1000;
/// Shards aim at this many bytes before compression, at most: their count is the next
/// power of two, so it stays the same while the index grows up to twice its size (and a
/// key stays in its shard), and shards average 12 to 24 KB.
pub const SHARD_BYTES: usize = 24 * 1024;

/// One key's postings being gathered: how many articles have it, and the best of them.
#[derive(Default)]
struct Gathered {
    df: u32,
    /// The lowest score among the best `MAX_POSTINGS` once they were first cut back: a
    /// posting scored below it can never be among them, and is only counted. (A `u8`, so
    /// it takes what was padding.)
    floor: u8,
    /// Candidates for the best `MAX_POSTINGS`, each `rank`ed; cut back to the best
    /// `MAX_POSTINGS` as soon as it holds twice as many.
    best: Vec<u64>,
}

/// A posting as one number, greater when better: higher score, then higher article
/// number (the newer article).
fn rank(doc: u32, score: u8) -> u64 {
    (u64::from(score) << 32) | u64::from(doc)
}

/// The article number and score of a `rank`.
fn unrank(rank: u64) -> (u32, u8) {
    (rank as u32, (rank >> 32) as u8)
}

impl Gathered {
    fn add(&mut self, doc: u32, score: u8) {
        self.df += 1;
        if score < self.floor {
            return;
        }
        self.best.push(rank(doc, score));
        if self.best.len() == 2 * MAX_POSTINGS {
            self.keep_best();
            // The cut leaves the lowest kept at the end (`select_nth_unstable_by`).
            self.floor = self.best.last().map_or(0, |&r| unrank(r).1);
        }
    }

    /// Keeps the best `MAX_POSTINGS` (ranks are distinct, so which is exact).
    fn keep_best(&mut self) {
        if self.best.len() > MAX_POSTINGS {
            self.best
                .select_nth_unstable_by(MAX_POSTINGS - 1, |a, b| b.cmp(a));
            self.best.truncate(MAX_POSTINGS);
        }
    }
}

/// Postings gathered article by article, in article-number order. The keys are split
/// into `PARTS` maps by their hash: each is small enough to stay in a cache while its
/// part of a batch of articles is added, and the parts are filled in parallel.
pub struct Postings {
    parts: Vec<KeyMap<Gathered>>,
}

/// How many parts the keys are split into.
const PARTS: usize = 256;
/// Articles whose keys one thread sorts into the parts at a time.
const SCATTER: usize = 64;

/// Bits of the hash the maps themselves do not use (they use the lowest for the slot,
/// the highest seven to tell keys apart).
fn part_of(key: Key) -> usize {
    (key.mixed() >> 32) as usize % PARTS
}

impl Default for Postings {
    fn default() -> Postings {
        Postings {
            parts: (0..PARTS).map(|_| KeyMap::default()).collect(),
        }
    }
}

impl Postings {
    /// Adds the keys and scores of consecutive articles, the first numbered `first`;
    /// article numbers grow from call to call.
    #[cfg(test)]
    pub fn add(&mut self, first: u32, articles: &[Vec<(Key, u8)>]) {
        self.add_scored(first, articles, || (), |keys, (), out| out.extend(keys));
    }

    /// Adds consecutive articles, the first numbered `first` (article numbers grow from
    /// call to call), each scored by `score` into its keys and scores, with a `scratch`
    /// per thread: an article's keys go from the scoring straight into the parts, while
    /// they are in the cache.
    pub fn add_scored<T: Sync, S>(
        &mut self,
        first: u32,
        articles: &[T],
        scratch: impl Fn() -> S + Sync + Send,
        score: impl Fn(&T, &mut S, &mut Vec<(Key, u8)>) + Sync + Send,
    ) {
        // Each run of articles sorted into the parts, in article order.
        let runs: Vec<Vec<Vec<(Key, u32, u8)>>> = articles
            .par_chunks(SCATTER)
            .enumerate()
            .map_init(
                || (scratch(), Vec::new(), Vec::new()),
                |(scratch, scored, lens), (r, run)| {
                    // Scored first, so each part gets about its share: room for a
                    // quarter more than the average, so few of them grow (growing them
                    // was 2-3 % of a build).
                    scored.clear();
                    lens.clear();
                    for article in run {
                        let before = scored.len();
                        score(article, scratch, scored);
                        lens.push(scored.len() - before);
                    }
                    let keys = scored.len();
                    let room = keys / PARTS + keys / PARTS / 4 + 16;
                    let mut parts: Vec<Vec<(Key, u32, u8)>> =
                        (0..PARTS).map(|_| Vec::with_capacity(room)).collect();
                    let mut at = 0;
                    for (doc, &len) in (first + (r * SCATTER) as u32..).zip(lens.iter()) {
                        for &(key, score) in &scored[at..at + len] {
                            parts[part_of(key)].push((key, doc, score));
                        }
                        at += len;
                    }
                    parts
                },
            )
            .collect();
        self.parts
            .par_iter_mut()
            .enumerate()
            .for_each(|(part, keys)| {
                for run in &runs {
                    for &(key, doc, score) in &run[part] {
                        keys.entry(key).or_default().add(doc, score);
                    }
                }
            });
    }

    /// The shard files' contents, shard number by shard number. The keys' strings are
    /// made here, from `vocab`.
    pub fn into_shards(self, vocab: &Vocab) -> Vec<String> {
        let gathered: Vec<(Key, Gathered)> = self.parts.into_iter().flatten().collect();
        let mut named: Vec<(String, String, Gathered)> = gathered
            .into_par_iter()
            .map(|(key, g)| {
                let exact = vocab.exact(key);
                (vocab.folded(key, &exact), exact, g)
            })
            .collect();
        // Exact forms are distinct: the order is total.
        named.par_sort_unstable_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        let mut groups: Vec<Vec<(String, String, Gathered)>> = Vec::new();
        for entry in named {
            match groups.last_mut() {
                Some(group) if group[0].0 == entry.0 => group.push(entry),
                _ => groups.push(vec![entry]),
            }
        }
        let entries: Vec<(String, String)> = groups
            .into_par_iter()
            .map(|mut forms| {
                let folded = std::mem::take(&mut forms[0].0);
                let json = entry_json(&folded, forms.into_iter().map(|(_, e, g)| (e, g)));
                (folded, json)
            })
            .collect();
        let total: usize = entries.iter().map(|(_, j)| j.len() + 1).sum();
        let count = total.div_ceil(SHARD_BYTES).max(1).next_power_of_two();
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

/// `"folded":[["exact",df,[delta,score,…]],…]`, the forms in the order given.
fn entry_json(folded: &str, forms: impl Iterator<Item = (String, Gathered)>) -> String {
    let quote = |s: &str| serde_json::to_string(s).expect("a string serialises");
    let mut out = quote(folded);
    out.push_str(":[");
    for (i, (exact, g)) in forms.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut g = g;
        g.keep_best();
        let mut postings: Vec<(u32, u8)> = g.best.into_iter().map(unrank).collect();
        postings.sort_unstable();
        out.push('[');
        out.push_str(&quote(&exact));
        out.push(',');
        number(&mut out, g.df);
        out.push_str(",[");
        let mut last = 0;
        for (j, (doc, score)) in postings.into_iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            number(&mut out, doc - last);
            out.push(',');
            number(&mut out, u32::from(score));
            last = doc;
        }
        out.push_str("]]");
    }
    out.push(']');
    out
}

/// Appends `n` in decimal.
fn number(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
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
    use crate::search::vocab::Vocab;

    /// Adds article `doc` with its keys given as strings.
    fn add(p: &mut Postings, v: &mut Vocab, doc: u32, keys: Vec<(String, u8)>) {
        let keys = keys.into_iter().map(|(k, s)| (v.key(&k), s)).collect();
        p.add(doc, &[keys]);
    }

    #[test]
    fn fnv_matches_the_published_vectors() {
        // FNV-1a 32: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
        assert_eq!(shard_of("", usize::MAX), 0x811c_9dc5);
        assert_eq!(shard_of("a", usize::MAX), 0xe40c_292c);
        assert_eq!(shard_of("foobar", usize::MAX), 0xbf9c_f968);
    }

    #[test]
    fn forms_group_under_their_folded_key_with_deltas() {
        let (mut p, mut v) = (Postings::default(), Vocab::default());
        add(&mut p, &mut v, 3, vec![("hòa giải".into(), 61)]);
        add(
            &mut p,
            &mut v,
            7,
            vec![("hòa giải".into(), 15), ("hóa giải".into(), 20)],
        );
        let shards = p.into_shards(&v);
        assert_eq!(
            shards,
            [r#"{"hoa giai":[["hòa giải",2,[3,61,4,15]],["hóa giải",1,[7,20]]]}"#]
        );
    }

    #[test]
    fn keeps_the_best_postings_of_a_common_key() {
        let (mut p, mut v) = (Postings::default(), Vocab::default());
        for doc in 0..(MAX_POSTINGS as u32 + 500) {
            let score = if doc % 3 == 0 { 90 } else { 10 };
            add(&mut p, &mut v, doc, vec![("và".into(), score)]);
        }
        let shard = &p.into_shards(&v)[0];
        let v: serde_json::Value = serde_json::from_str(shard).unwrap();
        let form = &v["va"][0];
        assert_eq!(form[1], MAX_POSTINGS as u64 + 500);
        let pairs = form[2].as_array().unwrap();
        assert_eq!(pairs.len(), 2 * MAX_POSTINGS);
        // All 500 high scores are kept; the rest are the highest-numbered (newest) low
        // scores, so the last article is kept and the first low-scored one is not.
        let highs = pairs.chunks(2).filter(|p| p[1] == 90).count();
        assert_eq!(highs, 500);
        let mut doc = 0;
        let kept: Vec<(u64, u64)> = pairs
            .chunks(2)
            .map(|p| {
                doc += p[0].as_u64().unwrap();
                (doc, p[1].as_u64().unwrap())
            })
            .collect();
        assert_eq!(kept.last().unwrap().0, MAX_POSTINGS as u64 + 499);
        assert!(!kept.contains(&(1, 10)), "the oldest low score is dropped");
    }

    #[test]
    fn past_many_cuts_the_best_are_exactly_what_sorting_all_gives() {
        // Enough articles for several cuts (and a floor), scores rising and falling.
        let (mut p, mut v) = (Postings::default(), Vocab::default());
        let n = 7 * MAX_POSTINGS as u32 + 123;
        let score = |doc: u32| ((doc * 37 + doc / 500) % 97 + 1) as u8;
        for doc in 0..n {
            add(&mut p, &mut v, doc, vec![("và".into(), score(doc))]);
        }
        let mut all: Vec<(u8, u32)> = (0..n).map(|d| (score(d), d)).collect();
        all.sort_unstable_by(|a, b| b.cmp(a));
        let mut want: Vec<(u64, u64)> = all[..MAX_POSTINGS]
            .iter()
            .map(|&(s, d)| (u64::from(d), u64::from(s)))
            .collect();
        want.sort_unstable();
        let v: serde_json::Value = serde_json::from_str(&p.into_shards(&v)[0]).unwrap();
        assert_eq!(v["va"][0][1], u64::from(n));
        let mut doc = 0;
        let got: Vec<(u64, u64)> = (v["va"][0][2].as_array().unwrap().chunks(2))
            .map(|p| {
                doc += p[0].as_u64().unwrap();
                (doc, p[1].as_u64().unwrap())
            })
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn identical_input_gives_identical_shards() {
        let build = || {
            let (mut p, mut v) = (Postings::default(), Vocab::default());
            for doc in 0..2000u32 {
                let keys = (0..20)
                    .map(|k| (format!("từ{}", (doc * 7 + k) % 300), (doc % 200) as u8 + 1))
                    .collect();
                add(&mut p, &mut v, doc, keys);
            }
            p.into_shards(&v)
        };
        let (a, b) = (build(), build());
        assert!(a.len() > 1, "several shards");
        assert_eq!(a, b);
    }
}
