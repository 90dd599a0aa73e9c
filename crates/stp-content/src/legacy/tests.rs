use super::*;

const UNICODE: &str = "Sở Tư pháp tỉnh Bình Phước tổ chức hội nghị";

#[test]
fn tcvn3_decodes_to_nfc() {
    let legacy = "Së T\u{AD} ph¸p tØnh B×nh Ph\u{AD}íc tæ chøc héi nghÞ";
    assert_eq!(decode(legacy, Legacy::Tcvn3, false).unwrap(), UNICODE);
    // The minus sign PDF extraction gives for `ư`.
    let pdf = "Së T\u{2212} ph¸p";
    assert_eq!(decode(pdf, Legacy::Tcvn3, false).unwrap(), "Sở Tư pháp");
}

#[test]
fn tcvn3_capital_font_gives_capitals() {
    assert_eq!(
        decode("Së T\u{AD} ph¸p", Legacy::Tcvn3, true).unwrap(),
        "SỞ TƯ PHÁP"
    );
    assert_eq!(decode("§¹i häc", Legacy::Tcvn3, false).unwrap(), "Đại học");
    // 0xC0 is a code TCVN3 leaves unused.
    assert_eq!(
        decode("h\u{C0}c", Legacy::Tcvn3, false).unwrap_err().index,
        1
    );
}

#[test]
fn vni_decodes_to_nfc() {
    let legacy = "Sôû Tö phaùp tænh Bình Phöôùc toå chöùc hoäi nghò";
    assert_eq!(decode(legacy, Legacy::Vni, false).unwrap(), UNICODE);
    assert_eq!(
        decode("SÔÛ TÖ PHAÙP ÑAÏI HOÄI", Legacy::Vni, false).unwrap(),
        "SỞ TƯ PHÁP ĐẠI HỘI"
    );
    assert_eq!(
        decode(
            "naêm hoïc, khuyeán khích, ngaøy ñaàu, quyeàn lôïi",
            Legacy::Vni,
            false
        )
        .unwrap(),
        "năm học, khuyến khích, ngày đầu, quyền lợi"
    );
}

#[test]
fn vni_mark_without_vowel_names_its_place() {
    let err = decode("Sôû Tö phùp", Legacy::Vni, false).unwrap_err();
    assert_eq!(err.index, 9);
    assert_eq!(err.character, 'ù');
    assert!(err.to_string().contains("character 10"), "{err}");
}

#[test]
fn every_letter_round_trips_through_both_tables() {
    // Every Vietnamese letter, lower and upper case, written in each legacy encoding by
    // an encoder built from the tables in the other direction.
    let all = "aăâbcdđeêghiklmnoôơpqrstuưvxy";
    let tones = ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"];
    for base in all.chars() {
        for tone in tones {
            if !tone.is_empty() && !"aăâeêioôơuưy".contains(base) {
                continue;
            }
            let letter: String = format!("{base}{tone}").nfc().collect();
            let vni = encode_vni(&letter);
            assert_eq!(
                decode(&vni, Legacy::Vni, false).unwrap(),
                letter,
                "VNI {vni}"
            );
            let upper = letter.to_uppercase();
            let vni_upper = encode_vni(&upper);
            assert_eq!(
                decode(&vni_upper, Legacy::Vni, false).unwrap(),
                upper,
                "VNI {vni_upper}"
            );
            let tcvn = encode_tcvn3(&letter);
            assert_eq!(
                decode(&tcvn, Legacy::Tcvn3, false).unwrap(),
                letter,
                "TCVN3 {tcvn}"
            );
            assert_eq!(
                decode(&tcvn, Legacy::Tcvn3, true).unwrap(),
                upper,
                "TCVN3 H {tcvn}"
            );
        }
    }
}

fn encode_tcvn3(letter: &str) -> String {
    letter
        .chars()
        .map(|c| {
            if c.is_ascii() {
                return c;
            }
            (0xA1..=0xFEu8)
                .find(|&b| tcvn3::letter(b) == Some(c))
                .map(|b| b as char)
                .unwrap_or_else(|| panic!("no TCVN3 code for {c}"))
        })
        .collect()
}

fn encode_vni(letter: &str) -> String {
    let c = letter.chars().next().unwrap();
    let upper = c.is_uppercase();
    if let Some(s) = ('\u{C0}'..='\u{FF}').find(|s| vni::single(*s) == Some(c)) {
        return s.to_string();
    }
    let nfd: Vec<char> = letter.nfd().collect();
    let (base, marks) = nfd.split_first().unwrap();
    let (base, marks): (String, Vec<char>) = match (base, marks.first()) {
        ('o' | 'O', Some('\u{31B}')) => (if upper { "Ô" } else { "ô" }.into(), marks[1..].to_vec()),
        ('u' | 'U', Some('\u{31B}')) => (if upper { "Ö" } else { "ö" }.into(), marks[1..].to_vec()),
        _ => (base.to_string(), marks.to_vec()),
    };
    if marks.is_empty() {
        return base;
    }
    let mark = ('\u{C0}'..='\u{FF}')
        .filter(|m| m.is_lowercase() != upper)
        .find(|m| {
            vni::single(*m).is_none() && vni::marks(*m).is_some_and(|k| same_marks(k, &marks))
        })
        .unwrap_or_else(|| panic!("no VNI mark for {letter}"));
    format!("{base}{mark}")
}

#[test]
fn font_names() {
    assert_eq!(font_encoding(".VnTime"), Some((Legacy::Tcvn3, false)));
    assert_eq!(font_encoding(".VnTimeH"), Some((Legacy::Tcvn3, true)));
    assert_eq!(font_encoding(".VnArialH"), Some((Legacy::Tcvn3, true)));
    assert_eq!(font_encoding("VNI-Times"), Some((Legacy::Vni, false)));
    assert_eq!(font_encoding("Times New Roman"), None);
}

#[test]
fn scores_tell_the_encodings_apart() {
    let tcvn = "Së T\u{AD} ph¸p tØnh B×nh Ph\u{AD}íc";
    assert_eq!(score(tcvn, Legacy::Tcvn3), (6, 6));
    assert_eq!(score(tcvn, Legacy::Vni).0, 0);
}

fn same_marks(a: &[char], b: &[char]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    b.sort();
    a == b
}

#[test]
fn repair_converts_legacy_lines_and_composes_marks() {
    let text = "---\ntitle: \"Th«ng b¸o tuyÓn dông\"\n---\n\nTie\u{302}\u{301}ng Vie\u{323}\u{302}t\nSôû Tö phaùp tænh Bình Phöôùc\ncafé\n";
    assert_eq!(
        repair(text).unwrap(),
        "---\ntitle: \"Thông báo tuyển dụng\"\n---\n\nTiếng Việt\nSở Tư pháp tỉnh Bình Phước\ncafé\n"
    );
}

#[test]
fn vietnamese_in_latin1_letters_only_is_not_legacy() {
    for line in [
        "title: \"Võ Thanh Tùng\"",
        "  service_level: \"toàn trình\"",
        "## Thông tin chung",
        "Tôi có con",
    ] {
        assert_eq!(crate::text::detect_legacy(line), None, "{line}");
    }
}
