//! Vietnamese text checks: Unicode NFC (TCVN 6909:2001) and text that looks like it was
//! typed in a legacy encoding (TCVN3 `.VnTime`, VNI) and read as Latin-1/Windows-1252.

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

use super::legacy;

/// A legacy encoding that text appears to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl std::fmt::Display for Legacy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Legacy::Tcvn3 => "TCVN3 (.VnTime)",
            Legacy::Vni => "VNI",
        })
    }
}

/// A problem found in a line of text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum TextProblem {
    NotNfc { line: usize },
    Legacy { line: usize, encoding: Legacy },
}

/// Text as NFC.
pub fn to_nfc(text: &str) -> String {
    text.nfc().collect()
}

pub fn is_nfc(text: &str) -> bool {
    matches!(
        is_nfc_quick(text.chars()),
        unicode_normalization::IsNormalized::Yes
    ) || text.nfc().eq(text.chars())
}

/// Guesses whether a line is legacy-encoded text: its words that use Latin-1 letters are
/// decoded as TCVN3 and as VNI, and the line is legacy when most of them then read as
/// Vietnamese syllables (see `content::legacy`). Unicode Vietnamese never triggers this:
/// it uses letters beyond Latin-1 (ư, ơ, ạ, ế…), which no legacy text contains.
pub fn detect_legacy(line: &str) -> Option<Legacy> {
    // Real Vietnamese uses letters outside Latin-1 (ư, ơ, ạ, ế…); legacy text does not.
    // Checked first: it is cheap and settles almost every Unicode line at its first word.
    // A line with no character a legacy encoding writes (`tcvn3::byte_of`: ASCII alone,
    // such as most front-matter lines) has no word for `legacy::score` to count either.
    let mut legacy_bytes = false;
    for c in line.chars() {
        if c.is_ascii() {
            continue;
        }
        if ('\u{0100}'..='\u{1EFF}').contains(&c) && !"ŒœŠšŸŽžƒ".contains(c) {
            return None;
        }
        legacy_bytes |= legacy::tcvn3::byte_of(c).is_some();
    }
    if !legacy_bytes {
        return None;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).take(4).count();
    if letters < 4 {
        return None;
    }
    let words = legacy::words(line).count();
    [Legacy::Vni, Legacy::Tcvn3]
        .into_iter()
        .map(|encoding| (legacy::score(line, encoding), encoding))
        .filter(|((good, suspicious), _)| {
            *good * 10 >= *suspicious * 7 && (*good >= 2 || (*good == 1 && words <= 3))
        })
        .max_by_key(|((good, _), _)| *good)
        .map(|(_, encoding)| encoding)
}

/// Every problem in `text`, by 1-based line counted from `first_line`.
pub fn check(text: &str, first_line: usize) -> Vec<TextProblem> {
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = first_line + i;
        if let Some(encoding) = detect_legacy(line) {
            problems.push(TextProblem::Legacy {
                line: line_no,
                encoding,
            });
        } else if !is_nfc(line) {
            problems.push(TextProblem::NotNfc { line: line_no });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_vietnamese_is_clean() {
        let t = "Sở Tư pháp tỉnh Bình Phước tổ chức hội nghị phổ biến pháp luật năm 2026.";
        assert!(check(t, 1).is_empty());
    }

    #[test]
    fn tcvn3_text_detected() {
        // "Sở Tư pháp tỉnh Bình Phước" typed in .VnTime, read as Windows-1252.
        let t = "Së T\u{2212} ph¸p tØnh B×nh Ph\u{2212}íc tæ chøc héi nghÞ";
        assert_eq!(detect_legacy(t), Some(Legacy::Tcvn3));
    }

    #[test]
    fn vni_text_detected() {
        // "Sở Tư pháp tỉnh Bình Phước" typed in VNI-Times.
        let t = "Sôû Tö phaùp tænh Bình Phöôùc toå chöùc hoäi nghò";
        assert_eq!(detect_legacy(t), Some(Legacy::Vni));
    }

    #[test]
    fn decomposed_text_flagged() {
        let t = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t";
        assert_eq!(check(t, 5), vec![TextProblem::NotNfc { line: 5 }]);
        assert!(is_nfc(&to_nfc(t)));
    }

    #[test]
    fn english_and_french_are_not_legacy() {
        assert_eq!(
            detect_legacy("Department of Justice of Binh Phuoc Province"),
            None
        );
        assert_eq!(detect_legacy("café déjà vu à la carte"), None);
        assert_eq!(detect_legacy("Je ne sais où aller, déjà vu"), None);
        assert_eq!(detect_legacy("Die Straße für Köln, año nuevo"), None);
    }
}
