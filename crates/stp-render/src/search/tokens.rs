//! Splitting normalised text into what the index keys: words (runs of letters and
//! digits), pairs of neighbouring words (Vietnamese words are mostly two syllables:
//! `thủ tục`, `hòa giải`, so a pair is what a reader means), and codes: whitespace-
//! separated runs holding a `/` and a digit, such as the document number `15/2026/nđ-cp`,
//! kept whole so a number is found as typed. `search.js` splits queries the same way.

use super::fold::is_word_char;

/// Words longer than this many characters are not indexed (they are not words).
pub const MAX_WORD_CHARS: usize = 40;
/// Nor are codes longer than this.
pub const MAX_CODE_CHARS: usize = 60;

/// The words of `normalised` text, in order.
pub fn words(normalised: &str) -> impl Iterator<Item = &str> {
    normalised
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty() && w.chars().count() <= MAX_WORD_CHARS)
}

/// The codes of `normalised` text: `số 15/2026/nđ-cp,` gives `15/2026/nđ-cp`.
pub fn codes(normalised: &str) -> impl Iterator<Item = &str> {
    normalised
        .split_whitespace()
        .map(|chunk| chunk.trim_matches(|c: char| !is_word_char(c)))
        .filter(|c| {
            c.contains('/')
                && c.bytes().any(|b| b.is_ascii_digit())
                && c.chars().count() <= MAX_CODE_CHARS
        })
}

/// Every key of `normalised` text as a string, with repeats: words, then pairs, then
/// codes. The index numbers them instead (`vocab`); its tests check both agree.
#[cfg(test)]
pub fn terms(normalised: &str) -> Vec<String> {
    let words: Vec<&str> = words(normalised).collect();
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out.extend(words.windows(2).map(|p| format!("{} {}", p[0], p[1])));
    out.extend(codes(normalised).map(str::to_string));
    out
}

#[cfg(test)]
mod tests {
    use super::{codes, terms, words};
    use crate::search::fold::normalise;

    #[test]
    fn shared_vectors() {
        for v in crate::search::fold::tests::vectors() {
            let n = normalise(&v.input);
            let got: Vec<&str> = words(&n).collect();
            assert_eq!(got, v.words, "words of {:?}", v.input);
        }
    }

    #[test]
    fn words_pairs_and_codes() {
        let n = normalise("Nghị định số 15/2026/NĐ-CP, về thủ tục.");
        assert_eq!(codes(&n).collect::<Vec<_>>(), ["15/2026/nđ-cp"]);
        let t = terms(&n);
        assert!(t.contains(&"thủ tục".to_string()));
        assert!(t.contains(&"15".to_string()));
        assert!(t.contains(&"nđ cp".to_string()));
        assert!(t.contains(&"15/2026/nđ-cp".to_string()));
        assert!(!t.iter().any(|w| w.contains(',') || w.contains('.')));
    }

    #[test]
    fn no_codes_in_plain_text_or_bare_slashes() {
        let n = normalise("và/hoặc a/b 1/ / ngày 01/7");
        assert_eq!(codes(&n).collect::<Vec<_>>(), ["01/7"]);
        assert!(words(&"x".repeat(41)).next().is_none());
    }
}
