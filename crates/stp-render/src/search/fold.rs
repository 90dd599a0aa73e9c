//! The two forms a word takes in the search index. `normalise` gives the exact form: NFC,
//! lower case, and one tone placement (`hoà` and `hòa`, `thuý` and `thúy` are the same
//! word written in the old and the new style; both become `hòa`, `thúy`). `fold` gives the
//! form without marks (`hòa` → `hoa`, `đường` → `duong`) that a query typed without
//! diacritics matches. `theme/static/search.js` applies the same rules to the query; the
//! vectors in `vectors.json` are checked against both.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook
/// above, dot below).
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// `c.is_alphabetic()`, answered without Unicode's tables for ASCII and for the Latin
/// blocks Vietnamese is written in (Latin-1, Extended-A and -B, Extended Additional:
/// letters all, but `×` and `÷`), where the index spends nearly all its time.
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') {
        c != '×' && c != '÷'
    } else {
        c.is_alphabetic()
    }
}

/// `c.is_alphanumeric()`, with the same fast path as `is_letter`.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_letter(c) || c.is_alphanumeric()
    }
}

/// Whether `text` is in NFC (as nearly all text is): the quick check, and the full one
/// only when the quick one cannot tell.
pub(crate) fn is_nfc(text: &str) -> bool {
    if text.chars().all(plainly_nfc) {
        return true;
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(text),
    }
}

/// Characters that are in NFC whatever surrounds them (a starter that nothing composes
/// with from before): ASCII, the Latin blocks Vietnamese is written in, and the general
/// punctuation of quotes and dashes. A text of these alone is in NFC.
pub(crate) fn plainly_nfc(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{a0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' | '\u{2010}'..='\u{2027}')
}

/// `text` in NFC, borrowed when it already is.
fn nfc(text: &str) -> Cow<'_, str> {
    if is_nfc(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// NFC, lower case, and each syllable ending in `oa`, `oe` or `uy` with its tone on the
/// first of the two vowels (`hoà` → `hòa`, `khoẻ` → `khỏe`, `thuỷ` → `thủy`; `quý`,
/// whose `u` belongs to `qu`, and `hoàng`, whose tone both styles place alike, stay).
pub fn normalise(text: &str) -> String {
    let lower = nfc(text).to_lowercase();
    if lower.is_ascii() {
        return lower;
    }
    let mut out = String::with_capacity(lower.len());
    let mut word = 0;
    for (at, c) in lower.char_indices() {
        if !is_letter(c) {
            place_tone(&lower[word..at], &mut out);
            out.push(c);
            word = at + c.len_utf8();
        }
    }
    place_tone(&lower[word..], &mut out);
    out
}

/// `word` (lower case, NFC, letters only) with its tone moved as `normalise` says,
/// appended to `out`.
fn place_tone(word: &str, out: &mut String) {
    if word.is_ascii() || !may_move(word) {
        out.push_str(word);
        return;
    }
    // Each letter with its marks, decomposed.
    let mut letters: Vec<(char, Vec<char>)> = Vec::new();
    for c in word.nfd() {
        match letters.last_mut() {
            Some((_, marks)) if is_mark(c) => marks.push(c),
            _ => letters.push((c, Vec::new())),
        }
    }
    let n = letters.len();
    if n < 2 {
        out.push_str(word);
        return;
    }
    let (first, second) = (letters[n - 2].0, letters[n - 1].0);
    let pair = matches!((first, second), ('o', 'a') | ('o', 'e') | ('u', 'y'));
    let after_q = first == 'u' && n >= 3 && letters[n - 3].0 == 'q';
    // Only tone marks on the pair: `ơa`, `uê`… are other vowels.
    let bare = |marks: &[char]| marks.iter().all(|m| TONES.contains(m));
    if !pair || after_q || !bare(&letters[n - 2].1) || !bare(&letters[n - 1].1) {
        out.push_str(word);
        return;
    }
    if let Some(tone) = letters[n - 1].1.pop() {
        letters[n - 2].1.push(tone);
    }
    out.extend(
        letters
            .iter()
            .flat_map(|(c, marks)| std::iter::once(*c).chain(marks.iter().copied()))
            .nfc(),
    );
}

/// Whether `word` ends in `o`/`u` then `a`/`e`/`y`, marks aside: the only words whose
/// tone can move (checked without decomposing, as most words are not).
fn may_move(word: &str) -> bool {
    let mut last = word.chars().rev();
    let (Some(second), Some(first)) = (last.next(), last.next()) else {
        return false;
    };
    let base = |c: char| std::iter::once(c).nfd().next().unwrap_or(c);
    matches!(
        (base(first), base(second)),
        ('o', 'a') | ('o', 'e') | ('u', 'y')
    )
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// `normalise`d text without marks: `Thủ tục Đất đai` → `thu tuc dat dai`.
pub fn fold(text: &str) -> String {
    normalise(text)
        .nfd()
        .filter(|c| !is_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::{fold, is_letter, is_word_char, normalise, plainly_nfc};
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc_quick};

    /// The vectors `search.js` is checked against too (tests/browser/search-text.test.mjs).
    #[derive(serde::Deserialize)]
    pub(crate) struct Vector {
        pub input: String,
        pub normalised: String,
        pub folded: String,
        pub words: Vec<String>,
    }

    pub(crate) fn vectors() -> Vec<Vector> {
        serde_json::from_str(include_str!("vectors.json")).unwrap()
    }

    #[test]
    fn shared_vectors() {
        for v in vectors() {
            assert_eq!(normalise(&v.input), v.normalised, "normalise {:?}", v.input);
            assert_eq!(fold(&v.input), v.folded, "fold {:?}", v.input);
        }
    }

    #[test]
    fn old_and_new_tone_placement_are_one_word() {
        for (old, new) in [
            ("hòa", "hoà"),
            ("thúy", "thuý"),
            ("khỏe", "khoẻ"),
            ("thủy", "thuỷ"),
            ("tòa", "toà"),
            ("ủy", "uỷ"),
            ("Hòa", "HOÀ"),
        ] {
            assert_eq!(normalise(old), normalise(new), "{old} / {new}");
        }
        // Tones both styles place alike, and other vowels, are left alone.
        for same in [
            "hoàng", "quý", "thuyết", "hoài", "của", "quà", "thuở", "huệ",
        ] {
            assert_eq!(normalise(same), same);
        }
    }

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Thủ tục Đất đai"), "thu tuc dat dai");
        assert_eq!(fold("HỎI ĐÁP"), "hoi dap");
        assert_eq!(fold("đường"), "duong");
        assert_eq!(fold("15/2026/NĐ-CP"), "15/2026/nd-cp");
    }

    #[test]
    fn fast_letter_tests_agree_with_unicode() {
        for c in '\0'..='\u{2fff}' {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn plainly_nfc_characters_are_starters_in_nfc() {
        for c in ('\0'..='\u{2fff}').filter(|&c| plainly_nfc(c)) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
        }
    }

    #[test]
    fn decomposed_input_is_the_same_word() {
        assert_eq!(normalise("ho\u{300}a"), "hòa");
        assert_eq!(normalise("hoa\u{300}"), "hòa");
    }
}
