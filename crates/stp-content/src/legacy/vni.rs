//! VNI (the `VNI-Times` fonts): a vowel followed by a mark byte, read by Word as the
//! Windows-1252 letter of that byte, so `Sở Tư pháp` arrives as `Sôû Tö phaùp`. A few
//! letters are single bytes (ơ `ô`, ư `ö`, đ `ñ`, the five toned i's and ỵ). Capitals use
//! the capital forms of the same bytes (`SÔÛ TÖ PHAÙP`).

/// A letter VNI writes as one byte, upper- and lower-case.
pub fn single(c: char) -> Option<char> {
    Some(match c {
        'ô' => 'ơ',
        'ö' => 'ư',
        'ñ' => 'đ',
        'í' => 'í',
        'ì' => 'ì',
        'æ' => 'ỉ',
        'ó' => 'ĩ',
        'ò' => 'ị',
        'î' => 'ỵ',
        'Ô' => 'Ơ',
        'Ö' => 'Ư',
        'Ñ' => 'Đ',
        'Í' => 'Í',
        'Ì' => 'Ì',
        'Æ' => 'Ỉ',
        'Ó' => 'Ĩ',
        'Ò' => 'Ị',
        'Î' => 'Ỵ',
        _ => return None,
    })
}

/// The combining marks a VNI mark byte adds to the vowel before it: a shape mark
/// (circumflex U+0302, breve U+0306) and/or a tone mark.
pub fn marks(c: char) -> Option<&'static [char]> {
    Some(match c.to_lowercase().next().unwrap_or(c) {
        'ù' => &['\u{301}'],
        'ø' => &['\u{300}'],
        'û' => &['\u{309}'],
        'õ' => &['\u{303}'],
        'ï' => &['\u{323}'],
        'â' => &['\u{302}'],
        'ê' => &['\u{306}'],
        'á' => &['\u{302}', '\u{301}'],
        'à' => &['\u{302}', '\u{300}'],
        'å' => &['\u{302}', '\u{309}'],
        'ã' => &['\u{302}', '\u{303}'],
        'ä' => &['\u{302}', '\u{323}'],
        'é' => &['\u{306}', '\u{301}'],
        'è' => &['\u{306}', '\u{300}'],
        'ú' => &['\u{306}', '\u{309}'],
        'ü' => &['\u{306}', '\u{303}'],
        'ë' => &['\u{306}', '\u{323}'],
        _ => return None,
    })
}

/// Whether a mark byte may follow `base` (after `single` has been applied): tones go on
/// any vowel, the circumflex on a/e/o, the breve on a.
pub fn fits(base: char, mark: &[char]) -> bool {
    let b = base.to_lowercase().next().unwrap_or(base);
    match mark.first() {
        Some('\u{302}') => matches!(b, 'a' | 'e' | 'o'),
        Some('\u{306}') => b == 'a',
        Some(_) => matches!(b, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ơ' | 'ư'),
        None => false,
    }
}
