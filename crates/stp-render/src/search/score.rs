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
}

/// Each key of an article with its score (1..=255, tenths), sorted by key; the body's
/// length is measured against `average_body` words.
pub fn scores(t: &Tokenised, average_body: f32, scratch: &mut Scratch) -> Vec<(Key, u8)> {
    let Scratch { keys, body } = scratch;
    // Each weighted field counts a key once; their weights add up exactly (halves).
    let mut weighted: Vec<(Key, f32)> = Vec::new();
    for (tokens, w) in t.weighted.iter().zip([TITLE, NUMBER, TAGS, META]) {
        keys.clear();
        tokens.keys_into(keys);
        keys.sort_unstable();
        keys.dedup();
        weighted.extend(keys.iter().map(|&k| (k, w)));
    }
    weighted.sort_unstable_by_key(|&(k, _)| k);
    let mut fields: Vec<(Key, f32)> = Vec::with_capacity(weighted.len());
    for (k, w) in weighted {
        match fields.last_mut() {
            Some((last, sum)) if *last == k => *sum += w,
            _ => fields.push((k, w)),
        }
    }

    keys.clear();
    t.body.unpack_into(body);
    body.keys_into(keys);
    keys.sort_unstable();
    let norm = K1 * (1.0 - B + B * t.body_words() as f32 / average_body.max(1.0));
    let body_score = |n: usize| {
        let n = n as f32;
        n * (K1 + 1.0) / (n + norm)
    };
    let mut out: Vec<(Key, u8)> = Vec::with_capacity(keys.len() / 2 + fields.len());
    let round = |w: f32| (w * 10.0).round().clamp(1.0, 255.0) as u8;
    let mut fields = fields.into_iter().peekable();
    let mut body = keys.chunk_by(|a, b| a == b).peekable();
    loop {
        let (f, b) = (fields.peek().map(|f| f.0), body.peek().map(|b| b[0]));
        let (key, weight) = match (f, b) {
            (None, None) => break,
            (Some(f), Some(b)) if f == b => {
                let (_, w) = fields.next().expect("peeked");
                let run = body.next().expect("peeked");
                (f, w + body_score(run.len()))
            }
            (Some(f), b) if b.is_none_or(|b| f < b) => fields.next().expect("peeked"),
            _ => {
                let run = body.next().expect("peeked");
                (run[0], body_score(run.len()))
            }
        };
        out.push((key, round(weight)));
    }
    out
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
    use super::{Drafted, Fields, Scratch, scores};
    use crate::search::vocab::Vocab;

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
