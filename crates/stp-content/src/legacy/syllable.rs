//! Whether a word is one Vietnamese syllable: an onset, a vowel cluster with at most one
//! tone mark, and a final consonant. Used to tell text that decodes to Vietnamese from
//! French, German or Spanish words that happen to use the same Latin-1 letters.

use unicode_normalization::UnicodeNormalization;

const ONSETS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

const CODAS: &[&str] = &["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];

/// Vowel clusters (with their semivowel endings), tone marks removed.
const RHYMES: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai", "oay", "oao", "oeo",
    "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
];

const TONES: &[char] = &['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// True when `word` (any case) is a Vietnamese syllable.
pub fn is_vietnamese_syllable(word: &str) -> bool {
    let lower = word.to_lowercase();
    let decomposed: String = lower.nfd().collect();
    let tones = decomposed.chars().filter(|c| TONES.contains(c)).count();
    if tones > 1 {
        return false;
    }
    let plain: String = decomposed
        .chars()
        .filter(|c| !TONES.contains(c))
        .collect::<String>()
        .nfc()
        .collect();
    ONSETS.iter().any(|onset| {
        let Some(rest) = plain.strip_prefix(onset) else {
            return false;
        };
        // `gi` and `qu` may stand before a rhyme that starts with a consonant (`gìn`).
        let rest = if rest.is_empty() && matches!(*onset, "gi") {
            "i"
        } else {
            rest
        };
        CODAS.iter().any(|coda| {
            rest.strip_suffix(coda)
                .is_some_and(|v| RHYMES.contains(&v) || (v.is_empty() && *onset == "gi"))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::is_vietnamese_syllable as ok;

    #[test]
    fn vietnamese_syllables_pass() {
        for w in "Sở Tư pháp tỉnh Bình Phước tổ chức hội nghị nghiêng khuya gìn giữ quyết người ĐẠI"
            .split(' ')
        {
            assert!(ok(w), "{w}");
        }
    }

    #[test]
    fn other_words_fail() {
        for w in [
            "café", "für", "año", "déjà", "straße", "cafộ", "fỹr", "aủo", "ắắ",
        ] {
            assert!(!ok(w), "{w}");
        }
    }
}
