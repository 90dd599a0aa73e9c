//! How well each key describes one article: a weight per field the key appears in
//! (title and document number above tags, tags above summary and the document's other
//! fields), plus the body's term frequency saturated BM25-style, so a title hit always
//! outranks a body hit. Scores are rounded to tenths and stored as one byte.

use super::fold::normalise;
use super::shards::FastMap;
use super::tokens::terms;

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

/// Each key of `fields` with its score (1..=255, tenths), sorted by key; the body's
/// length is measured against `average_body` words.
pub fn scores(fields: &Fields, average_body: f32) -> Vec<(String, u8)> {
    let mut weight: FastMap<String, f32> = FastMap::default();
    let add_field = |text: &str, w: f32, weight: &mut FastMap<String, f32>| {
        let mut keys = terms(&normalise(text));
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            *weight.entry(k).or_default() += w;
        }
    };
    add_field(fields.title, TITLE, &mut weight);
    add_field(fields.number, NUMBER, &mut weight);
    add_field(&fields.tags.join(" \n "), TAGS, &mut weight);
    add_field(&fields.meta.join(" \n "), META, &mut weight);
    let body = terms(&normalise(fields.body));
    let body_words = body.iter().filter(|t| is_word(t)).count() as f32;
    let mut tf: FastMap<String, u32> = FastMap::default();
    for t in body {
        *tf.entry(t).or_default() += 1;
    }
    let norm = K1 * (1.0 - B + B * body_words / average_body.max(1.0));
    for (k, n) in tf {
        let n = n as f32;
        *weight.entry(k).or_default() += n * (K1 + 1.0) / (n + norm);
    }
    let mut out: Vec<(String, u8)> = weight
        .into_iter()
        .map(|(k, w)| (k, (w * 10.0).round().clamp(1.0, 255.0) as u8))
        .collect();
    out.sort_unstable();
    out
}

/// Whether a key is a single word (not a pair or a code).
pub fn is_word(key: &str) -> bool {
    !key.contains([' ', '/'])
}

/// The number of words of `text`, for the average body length.
pub fn word_count(text: &str) -> usize {
    super::tokens::words(&normalise(text)).count()
}

#[cfg(test)]
mod tests {
    use super::{Fields, scores};

    fn score_of(fields: &Fields, key: &str) -> u8 {
        scores(fields, 100.0)
            .into_iter()
            .find(|(k, _)| k == key)
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
