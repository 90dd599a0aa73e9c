//! Vietnamese text checks: Unicode NFC (TCVN 6909:2001) and text that looks like it was
//! typed in a legacy encoding (TCVN3 `.VnTime`, VNI) and read as Latin-1/Windows-1252.

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

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

/// Characters that Unicode Vietnamese never uses but TCVN3 text read as Windows-1252 is
/// full of: TCVN3 puts its precomposed lower-case letters at these code points.
const TCVN3_MARKERS: &[char] = &[
    '¸', 'µ', '¶', '·', '¹', '¨', '»', '¾', '¼', '½', 'Æ', 'Ç', 'Ë', 'È', 'É', 'Ð', 'Ì', 'Î', 'Ï',
    'Ñ', 'Ò', 'Ó', '×', 'Ø', 'Ü', 'Ý', 'ß', 'ã', 'ç', 'æ', 'ì', 'ï', 'ñ', 'ò', 'ó', 'ø', 'ö', 'ú',
    'û', 'ü', 'þ', '®', '©', 'ª', '«', '¬', '−', '\u{ad}',
];

/// VNI writes tone and shape marks as a second byte after the vowel; read as
/// Windows-1252 they become these letters following a vowel.
const VNI_MARKS: &[char] = &[
    'ù', 'ø', 'û', 'õ', 'ï', 'â', 'ä', 'à', 'á', 'å', 'ã', 'ë', 'ê',
];

/// Guesses whether a line is legacy-encoded text. Unicode Vietnamese only triggers this
/// when a line is mostly such letters, which real Vietnamese never is.
pub fn detect_legacy(line: &str) -> Option<Legacy> {
    // Real Vietnamese uses letters outside Latin-1 (ư, ơ, ạ, ế…); legacy text does not.
    // Checked first: it is cheap and settles almost every Unicode line at its first word.
    let has_vietnamese = line
        .chars()
        .any(|c| ('\u{0100}'..='\u{1EFF}').contains(&c) && c != '−');
    if has_vietnamese {
        return None;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).take(4).count();
    if letters < 4 {
        return None;
    }
    let tcvn = line.chars().filter(|c| TCVN3_MARKERS.contains(c)).count();
    let mut vni = 0;
    let mut prev = ' ';
    for c in line.chars() {
        if VNI_MARKS.contains(&c) && "aeiouyAEIOUYôÔöÖ".contains(prev) {
            vni += 1;
        }
        if c == 'ñ' || c == 'Ñ' || c == 'ö' || c == 'Ö' {
            vni += 1;
        }
        prev = c;
    }
    let words = line.split_whitespace().count().max(1);
    if vni * 5 >= words && vni >= 2 && vni >= tcvn {
        Some(Legacy::Vni)
    } else if tcvn * 5 >= words && tcvn >= 2 {
        Some(Legacy::Tcvn3)
    } else {
        None
    }
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
    }
}
