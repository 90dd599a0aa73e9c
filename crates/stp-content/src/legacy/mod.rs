//! Legacy Vietnamese encodings → Unicode NFC (TCVN 6909:2001, Điều 4.1.a): the TCVN3
//! (`.VnTime`) and VNI (`VNI-Times`) tables, font-name detection for Word and OpenOffice
//! runs, and a syllable check that tells converted Vietnamese from other Latin-1 text.
//! Decomposed Unicode (NFD, UniKey's "Unicode tổ hợp") needs no table: NFC composes it.

mod syllable;
pub(crate) mod tcvn3;
mod vni;

use unicode_normalization::UnicodeNormalization;

pub use super::text::Legacy;
pub use syllable::is_vietnamese_syllable;

/// A character that has no meaning in the legacy encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconvertible {
    /// The 0-based character index in the text given.
    pub index: usize,
    pub character: char,
    pub encoding: Legacy,
}

impl std::fmt::Display for Unconvertible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "character {} (`{}`, U+{:04X}) has no meaning in {}",
            self.index + 1,
            self.character,
            self.character as u32,
            self.encoding
        )
    }
}

/// How a font name says its text is encoded: `.VnTime` / `.VnArial` … (TCVN3; a name
/// ending in `H`, such as `.VnTimeH`, draws capitals), `VNI-Times`, `VNI-Helve` … (VNI).
pub fn font_encoding(font: &str) -> Option<(Legacy, bool)> {
    let f = font.trim();
    if let Some(rest) = f.strip_prefix(".Vn").or_else(|| f.strip_prefix(".vn")) {
        let name = rest.trim_end_matches([' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
        let capitals = name.ends_with('H') && name.len() > 1;
        return Some((Legacy::Tcvn3, capitals));
    }
    let lower = f.to_ascii_lowercase();
    if lower.starts_with("vni-") || lower.starts_with("vni ") {
        return Some((Legacy::Vni, false));
    }
    None
}

/// Converts `text` read in `encoding` to Unicode NFC. `capitals` is for TCVN3 "H" fonts,
/// whose lower-case codes are drawn as capitals.
pub fn decode(text: &str, encoding: Legacy, capitals: bool) -> Result<String, Unconvertible> {
    let out = match encoding {
        Legacy::Tcvn3 => decode_tcvn3(text)?,
        Legacy::Vni => decode_vni(text)?,
    };
    let out: String = out.nfc().collect();
    Ok(if capitals { out.to_uppercase() } else { out })
}

fn decode_tcvn3(text: &str) -> Result<String, Unconvertible> {
    let mut out = String::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        match tcvn3::byte_of(c) {
            Some(b) => out.push(tcvn3::letter(b).ok_or(Unconvertible {
                index,
                character: c,
                encoding: Legacy::Tcvn3,
            })?),
            None if is_foreign(c) => {
                return Err(Unconvertible {
                    index,
                    character: c,
                    encoding: Legacy::Tcvn3,
                });
            }
            None => out.push(c),
        }
    }
    Ok(out)
}

fn decode_vni(text: &str) -> Result<String, Unconvertible> {
    let mut out = String::with_capacity(text.len());
    // The last letter written, if a mark byte may still attach to it.
    let mut base: Option<char> = None;
    for (index, c) in text.chars().enumerate() {
        if let Some(letter) = vni::single(c) {
            // `ô`/`ö` after a vowel-less position are letters; after a vowel, `ô` is
            // still ơ (`ươ` is written `öô`).
            out.push(letter);
            base = Some(letter);
            continue;
        }
        if let Some(marks) = vni::marks(c) {
            match base {
                Some(b) if vni::fits(b, marks) => {
                    out.extend(marks);
                    base = None;
                    continue;
                }
                _ => {
                    return Err(Unconvertible {
                        index,
                        character: c,
                        encoding: Legacy::Vni,
                    });
                }
            }
        }
        // A Latin-1 letter that is neither a VNI letter nor a mark has no meaning here.
        if is_foreign(c) || (('\u{C0}'..='\u{FF}').contains(&c) && c.is_alphabetic()) {
            return Err(Unconvertible {
                index,
                character: c,
                encoding: Legacy::Vni,
            });
        }
        out.push(c);
        base = if c.is_ascii_alphabetic() {
            Some(c)
        } else {
            None
        };
    }
    Ok(out)
}

/// Letters beyond Latin-1 (other than the Windows-1252 punctuation Word keeps in legacy
/// text): real Unicode Vietnamese or another script, never legacy bytes.
fn is_foreign(c: char) -> bool {
    c as u32 > 0xFF
        && c.is_alphabetic()
        && !matches!(c, 'Œ' | 'œ' | 'Š' | 'š' | 'Ÿ' | 'Ž' | 'ž' | 'ƒ')
}

/// Scores how well `line` reads as Vietnamese once decoded from `encoding`: the number of
/// words that use legacy bytes and decode to a Vietnamese syllable, and the number of
/// words that use legacy bytes at all. A decoding error scores nothing. A word that is
/// already a Vietnamese syllable as it stands (`Võ`, `Thông`, `toàn`: Vietnamese written
/// with Latin-1 letters only) is Unicode text, and is no evidence either way.
pub fn score(line: &str, encoding: Legacy) -> (usize, usize) {
    let mut good = 0;
    let mut suspicious = 0;
    for word in words(line) {
        if word.is_empty() || !word.chars().any(|c| tcvn3::byte_of(c).is_some()) {
            continue;
        }
        if is_vietnamese_syllable(&word.nfc().collect::<String>()) {
            continue;
        }
        suspicious += 1;
        if decode(word, encoding, false).is_ok_and(|d| is_vietnamese_syllable(&d)) {
            good += 1;
        }
    }
    (good, suspicious)
}

/// Rewrites `text` as Unicode NFC: each line that `text::detect_legacy` finds in a
/// legacy encoding is decoded from it, and decomposed marks are composed. Fails at the
/// first line that looks legacy but does not decode, naming its 1-based line number.
pub fn repair(text: &str) -> Result<String, (usize, Unconvertible)> {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split_inclusive('\n').enumerate() {
        match super::text::detect_legacy(line) {
            Some(encoding) => out.push_str(&decode(line, encoding, false).map_err(|e| (i + 1, e))?),
            None => out.push_str(line),
        }
    }
    Ok(out.nfc().collect())
}

/// The words of a line: split at spaces and punctuation, but not at the Latin-1 signs
/// (`×`, `¸`, `«`) that stand for letters in legacy text.
pub fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| {
        c.is_whitespace()
            || c.is_ascii_punctuation()
            || matches!(
                c,
                '\u{2013}' | '\u{2014}' | '\u{2018}'..='\u{201F}' | '\u{2026}'
            )
    })
    .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests;
