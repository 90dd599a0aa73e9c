//! How well each key describes one article: a weight per field the key appears in
//! (title and document number above tags, tags above summary and the document's other
//! fields), plus the body's term frequency saturated BM25-style, so a title hit always
//! outranks a body hit. Scores are rounded to tenths and stored as one byte.

use super::packed::Packed;
use super::vocab::{Draft, Key, Tokens, Vocab};

/// Weight of a key found in the title.
pub const TITLE: f32 = 6.0;
/// In the document number (số ký hiệu).
pub const NUMBER: f32 = 6.0;
/// In a tag.
pub const TAGS: f32 = 2.0;
/// In the summary, or the document's type, issuer or excerpt.
pub const META: f32 = 1.5;
/// BM25's saturation and length normalisation for the body.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The text of one article, field by field.
pub struct Fields<'a> {
    pub title: &'a str,
    pub number: &'a str,
    pub tags: Vec<&'a str>,
    pub meta: Vec<&'a str>,
    pub body: &'a str,
}

impl Fields<'_> {
    /// The texts whose keys are weighted (title, number, tags, meta), with their weights;
    /// tags and the meta fields each as one text.
    pub fn weighted(&self) -> [(String, f32); 4] {
        [
            (self.title.to_string(), TITLE),
            (self.number.to_string(), NUMBER),
            (self.tags.join(" \n "), TAGS),
            (self.meta.join(" \n "), META),
        ]
    }
}

/// One article's fields as tokens: the four weighted ones in `Fields::weighted`'s order,
/// and the body, packed (`packed`: it is the bulk, and waits for the second pass).
pub struct Tokenised {
    pub weighted: [Tokens; 4],
    pub body: Packed,
}

impl Tokenised {
    /// The number of words of the body, for the average body length.
    pub fn body_words(&self) -> usize {
        self.body.words()
    }
}

/// Scratch space `scores` reuses from one article to the next.
#[derive(Default)]
pub struct Scratch {
    keys: Vec<Key>,
    body: Tokens,
    table: Table,
}

/// One key of the article being scored: how often its body holds it, and the weight of
/// the fields that hold it.
#[derive(Clone, Copy)]
struct Slot {
    /// The article this slot belongs to (`Table::stamp`); any other is empty.
    stamp: u32,
    key: Key,
    count: u32,
    weight: f32,
}

/// An open-addressing table of one article's keys, emptied by moving to a new stamp: at
/// about 2,000 keys an article, counting them here is cheaper than sorting them (the
/// sort was 4–5 % of a build).
#[derive(Default)]
struct Table {
    slots: Vec<Slot>,
    stamp: u32,
    /// The occupied slots, in the order their keys came.
    used: Vec<u32>,
}

impl Table {
    /// Empties the table, with room for `keys` keys.
    fn reset(&mut self, keys: usize) {
        let size = (keys * 2).next_power_of_two().max(64);
        if self.slots.len() < size || self.stamp == u32::MAX {
            let empty = Slot {
                stamp: 0,
                key: Key::one(0),
                count: 0,
                weight: 0.0,
            };
            self.slots = vec![empty; size];
            self.stamp = 0;
        }
        self.stamp += 1;
        self.used.clear();
    }

    fn slot(&mut self, key: Key) -> &mut Slot {
        let mask = self.slots.len() - 1;
        let mut at = key.mixed() as usize & mask;
        loop {
            let slot = &self.slots[at];
            if slot.stamp != self.stamp {
                self.used.push(at as u32);
                self.slots[at] = Slot {
                    stamp: self.stamp,
                    key,
                    count: 0,
                    weight: 0.0,
                };
                return &mut self.slots[at];
            }
            if slot.key == key {
                return &mut self.slots[at];
            }
            at = (at + 1) & mask;
        }
    }
}

/// `scores_into`, collected (for tests).
#[cfg(test)]
pub fn scores(t: &Tokenised, average_body: f32, scratch: &mut Scratch) -> Vec<(Key, u8)> {
    let mut out = Vec::new();
    scores_into(t, average_body, scratch, &mut out);
    out
}

/// Appends each key of an article with its score (1..=255, tenths) to `out`, in no
/// particular order; the body's length is measured against `average_body` words.
pub fn scores_into(
    t: &Tokenised,
    average_body: f32,
    scratch: &mut Scratch,
    out: &mut Vec<(Key, u8)>,
) {
    let Scratch { keys, body, table } = scratch;
    keys.clear();
    t.body.unpack_into(body);
    body.keys_into(keys);
    let field_keys: usize = t
        .weighted
        .iter()
        .map(|f| 2 * f.words.len() + f.codes.len())
        .sum();
    table.reset(keys.len() + field_keys);
    for &k in keys.iter() {
        table.slot(k).count += 1;
    }
    // Each weighted field counts a key once; their weights add up exactly (halves).
    for (tokens, w) in t.weighted.iter().zip([TITLE, NUMBER, TAGS, META]) {
        keys.clear();
        tokens.keys_into(keys);
        keys.sort_unstable();
        keys.dedup();
        for &k in keys.iter() {
            table.slot(k).weight += w;
        }
    }
    let norm = K1 * (1.0 - B + B * t.body_words() as f32 / average_body.max(1.0));
    let body_score = |n: u32| {
        let n = n as f32;
        n * (K1 + 1.0) / (n + norm)
    };
    let round = |w: f32| (w * 10.0).round().clamp(1.0, 255.0) as u8;
    out.extend(table.used.iter().map(|&at| {
        let slot = &table.slots[at as usize];
        (slot.key, round(slot.weight + body_score(slot.count)))
    }));
}

/// An article's fields drafted against `vocab` (`Vocab::draft`), the four weighted ones
/// and the body: `learn` from them, then `finish`.
pub struct Drafted(pub [Draft; 5]);

impl Drafted {
    pub fn of(fields: &Fields, vocab: &Vocab) -> Drafted {
        let [a, b, c, d] = fields.weighted().map(|(text, _)| vocab.draft(&text));
        Drafted([a, b, c, d, vocab.draft(fields.body)])
    }

    pub fn finish(self, vocab: &Vocab) -> Tokenised {
        let [a, b, c, d, body] = self.0.map(|d| vocab.resolve(d));
        Tokenised {
            weighted: [a, b, c, d],
            body: Packed::of(&body),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{B, Drafted, Fields, K1, META, NUMBER, Scratch, TAGS, TITLE, Tokenised, scores};
    use crate::search::vocab::{Key, Tokens, Vocab};

    /// The scores as the index computed them before the table: every key sorted, runs
    /// counted, fields merged in key order.
    fn by_sorting(t: &Tokenised, average_body: f32) -> Vec<(Key, u8)> {
        let mut fields: std::collections::BTreeMap<Key, f32> = Default::default();
        for (tokens, w) in t.weighted.iter().zip([TITLE, NUMBER, TAGS, META]) {
            let mut keys = Vec::new();
            tokens.keys_into(&mut keys);
            keys.sort_unstable();
            keys.dedup();
            for k in keys {
                *fields.entry(k).or_default() += w;
            }
        }
        let mut body = Tokens::default();
        t.body.unpack_into(&mut body);
        let mut keys = Vec::new();
        body.keys_into(&mut keys);
        let mut counts: std::collections::BTreeMap<Key, usize> = Default::default();
        for k in keys {
            *counts.entry(k).or_default() += 1;
        }
        let norm = K1 * (1.0 - B + B * t.body_words() as f32 / average_body.max(1.0));
        let all: std::collections::BTreeSet<Key> =
            fields.keys().chain(counts.keys()).copied().collect();
        all.into_iter()
            .map(|k| {
                let n = counts.get(&k).copied().unwrap_or(0) as f32;
                let body = if n > 0.0 {
                    n * (K1 + 1.0) / (n + norm)
                } else {
                    0.0
                };
                let w = fields.get(&k).copied().unwrap_or(0.0) + body;
                (k, (w * 10.0).round().clamp(1.0, 255.0) as u8)
            })
            .collect()
    }

    #[test]
    fn the_table_gives_what_sorting_gave_article_after_article() {
        // Articles of growing and shrinking size through one scratch (the table grows,
        // then is reused with stale slots), with repeated words, pairs and codes.
        let mut scratch = Scratch::default();
        for (n, words) in [(1, 5), (2, 400), (3, 3000), (4, 40), (5, 1200)] {
            let body: String = (0..words)
                .map(|i| format!("từ{} ", (i * 7 + n) % (words / 3 + 2)))
                .collect::<String>()
                + " 15/2026/NĐ-CP";
            let title = format!("Tiêu đề từ1 số {n}");
            let fields = Fields {
                title: &title,
                number: "15/2026/NĐ-CP",
                tags: vec!["hộ tịch", "từ2"],
                meta: vec!["Chính phủ", "từ3 từ4"],
                body: &body,
            };
            let mut vocab = Vocab::default();
            let drafted = Drafted::of(&fields, &vocab);
            vocab.learn(&drafted.0);
            let t = drafted.finish(&vocab);
            let mut got = scores(&t, 300.0, &mut scratch);
            got.sort_unstable();
            assert_eq!(got, by_sorting(&t, 300.0), "article {n}");
        }
    }

    fn score_of(fields: &Fields, key: &str) -> u8 {
        let mut vocab = Vocab::default();
        let drafted = Drafted::of(fields, &vocab);
        vocab.learn(&drafted.0);
        let t = drafted.finish(&vocab);
        scores(&t, 100.0, &mut Scratch::default())
            .into_iter()
            .find(|&(k, _)| vocab.exact(k) == key)
            .map_or(0, |(_, s)| s)
    }

    #[test]
    fn a_title_hit_outranks_any_body_hit() {
        let title = Fields {
            title: "Hòa giải ở cơ sở",
            number: "",
            tags: vec![],
            meta: vec![],
            body: "Nội dung khác.",
        };
        let body = Fields {
            title: "Tin khác",
            number: "",
            tags: vec![],
            meta: vec![],
            body: &"hòa giải ".repeat(200),
        };
        assert!(score_of(&title, "hòa giải") > score_of(&body, "hòa giải"));
        assert!(score_of(&body, "hòa giải") > 0);
    }

    #[test]
    fn numbers_and_tags_count() {
        let f = Fields {
            title: "Nghị định",
            number: "15/2026/NĐ-CP",
            tags: vec!["hộ tịch"],
            meta: vec!["Chính phủ"],
            body: "",
        };
        assert_eq!(score_of(&f, "15/2026/nđ-cp"), 60);
        assert_eq!(score_of(&f, "hộ tịch"), 20);
        assert_eq!(score_of(&f, "chính phủ"), 15);
        assert_eq!(score_of(&f, "không"), 0);
    }

    #[test]
    fn more_body_mentions_score_higher_but_saturate() {
        let with = |n: usize| {
            let body = format!("{} {}", "công chứng ".repeat(n), "chữ ".repeat(100 - n));
            let f = Fields {
                title: "",
                number: "",
                tags: vec![],
                meta: vec![],
                body: &body,
            };
            score_of(&f, "công chứng")
        };
        let (one, five, fifty) = (with(1), with(5), with(50));
        assert!(
            one < five && five < fifty && fifty <= 22,
            "{one} {five} {fifty}"
        );
    }
}
