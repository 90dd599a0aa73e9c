//! The two forms a word takes in the search index. `normalise` gives the exact form: NFC,
//! lower case, and one tone placement (`hoà` and `hòa`, `thuý` and `thúy` are the same
//! word written in the old and the new style; both become `hòa`, `thúy`). `fold` gives the
//! form without marks (`hòa` → `hoa`, `đường` → `duong`) that a query typed without
//! diacritics matches. `theme/static/search.js` applies the same rules to the query; the
//! vectors in `vectors.json` are checked against both.

use unicode_normalization::UnicodeNormalization;

/// The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook
/// above, dot below).
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// NFC, lower case, and each syllable ending in `oa`, `oe` or `uy` with its tone on the
/// first of the two vowels (`hoà` → `hòa`, `khoẻ` → `khỏe`, `thuỷ` → `thủy`; `quý`,
/// whose `u` belongs to `qu`, and `hoàng`, whose tone both styles place alike, stay).
pub fn normalise(text: &str) -> String {
    let lower = text.nfc().collect::<String>().to_lowercase();
    if lower.is_ascii() {
        return lower;
    }
    let mut out = String::with_capacity(lower.len());
    let mut word = String::new();
    for c in lower.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            out.push_str(&place_tone(&word));
            word.clear();
            out.push(c);
        }
    }
    out.push_str(&place_tone(&word));
    out
}

/// `word` (lower case, NFC, letters only) with its tone moved as `normalise` says.
fn place_tone(word: &str) -> String {
    if word.is_ascii() || !may_move(word) {
        return word.to_string();
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
        return word.to_string();
    }
    let (first, second) = (letters[n - 2].0, letters[n - 1].0);
    let pair = matches!((first, second), ('o', 'a') | ('o', 'e') | ('u', 'y'));
    let after_q = first == 'u' && n >= 3 && letters[n - 3].0 == 'q';
    // Only tone marks on the pair: `ơa`, `uê`… are other vowels.
    let bare = |marks: &[char]| marks.iter().all(|m| TONES.contains(m));
    if !pair || after_q || !bare(&letters[n - 2].1) || !bare(&letters[n - 1].1) {
        return word.to_string();
    }
    if let Some(tone) = letters[n - 1].1.pop() {
        letters[n - 2].1.push(tone);
    }
    letters
        .iter()
        .flat_map(|(c, marks)| std::iter::once(*c).chain(marks.iter().copied()))
        .nfc()
        .collect()
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
    use super::{fold, normalise};

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
    fn decomposed_input_is_the_same_word() {
        assert_eq!(normalise("ho\u{300}a"), "hòa");
        assert_eq!(normalise("hoa\u{300}"), "hòa");
    }
}
