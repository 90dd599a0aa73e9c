//! TCVN3 (TCVN 5712:1993 VN3, the `.VnTime` fonts): one byte per letter. The lower-case
//! letters with marks sit in 0xA8–0xFE; of the capitals only Ă Â Ê Ô Ơ Ư Đ have codes
//! (0xA1–0xA7). Capitals with tone marks are typed in the "H" fonts (`.VnTimeH`), which
//! draw the lower-case codes as capitals. Word keeps each byte as the Windows-1252
//! character of the same value, so `Sở Tư pháp` arrives as `Së T­ ph¸p`.

/// The letter (or combining tone mark) of a TCVN3 byte at or above 0xA1; `None` for the
/// codes TCVN3 leaves unused.
pub fn letter(byte: u8) -> Option<char> {
    Some(match byte {
        0xA1 => 'Ă',
        0xA2 => 'Â',
        0xA3 => 'Ê',
        0xA4 => 'Ô',
        0xA5 => 'Ơ',
        0xA6 => 'Ư',
        0xA7 => 'Đ',
        0xA8 => 'ă',
        0xA9 => 'â',
        0xAA => 'ê',
        0xAB => 'ô',
        0xAC => 'ơ',
        0xAD => 'ư',
        0xAE => 'đ',
        0xB0 => '\u{300}',
        0xB1 => '\u{309}',
        0xB2 => '\u{303}',
        0xB3 => '\u{301}',
        0xB4 => '\u{323}',
        0xB5 => 'à',
        0xB6 => 'ả',
        0xB7 => 'ã',
        0xB8 => 'á',
        0xB9 => 'ạ',
        0xBB => 'ằ',
        0xBC => 'ẳ',
        0xBD => 'ẵ',
        0xBE => 'ắ',
        0xC6 => 'ặ',
        0xC7 => 'ầ',
        0xC8 => 'ẩ',
        0xC9 => 'ẫ',
        0xCA => 'ấ',
        0xCB => 'ậ',
        0xCC => 'è',
        0xCE => 'ẻ',
        0xCF => 'ẽ',
        0xD0 => 'é',
        0xD1 => 'ẹ',
        0xD2 => 'ề',
        0xD3 => 'ể',
        0xD4 => 'ễ',
        0xD5 => 'ế',
        0xD6 => 'ệ',
        0xD7 => 'ì',
        0xD8 => 'ỉ',
        0xDC => 'ĩ',
        0xDD => 'í',
        0xDE => 'ị',
        0xDF => 'ò',
        0xE1 => 'ỏ',
        0xE2 => 'õ',
        0xE3 => 'ó',
        0xE4 => 'ọ',
        0xE5 => 'ồ',
        0xE6 => 'ổ',
        0xE7 => 'ỗ',
        0xE8 => 'ố',
        0xE9 => 'ộ',
        0xEA => 'ờ',
        0xEB => 'ở',
        0xEC => 'ỡ',
        0xED => 'ớ',
        0xEE => 'ợ',
        0xEF => 'ù',
        0xF1 => 'ủ',
        0xF2 => 'ũ',
        0xF3 => 'ú',
        0xF4 => 'ụ',
        0xF5 => 'ừ',
        0xF6 => 'ử',
        0xF7 => 'ữ',
        0xF8 => 'ứ',
        0xF9 => 'ự',
        0xFA => 'ỳ',
        0xFB => 'ỷ',
        0xFC => 'ỹ',
        0xFD => 'ý',
        0xFE => 'ỵ',
        _ => return None,
    })
}

/// The TCVN3 byte a character stands for: Latin-1 code points as themselves, the
/// private-use copies Word makes for symbol fonts (U+F0A1…), and the minus sign that
/// PDF text extraction gives for 0xAD (`ư`). `None` for plain ASCII and anything else.
pub fn byte_of(c: char) -> Option<u8> {
    match c as u32 {
        0xA1..=0xFE => Some(c as u32 as u8),
        0xF0A1..=0xF0FE => Some((c as u32 - 0xF000) as u8),
        0x2212 => Some(0xAD),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vietnamese_lower_case_letter_has_a_code() {
        let letters = "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";
        for c in letters.chars() {
            assert!(
                (0xA1..=0xFE).any(|b| letter(b) == Some(c)),
                "{c} has no TCVN3 code"
            );
        }
        // 67 lower-case letters with marks, 7 capitals, 5 tone marks.
        assert_eq!(
            (0xA1..=0xFE).filter(|&b| letter(b).is_some()).count(),
            67 + 7 + 5
        );
    }
}
