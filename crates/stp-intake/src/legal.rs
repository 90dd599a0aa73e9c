//! The details of a legal or direction document read from its text (the details Nghị định
//! 224/2026/NĐ-CP lists, as 43/2011 and 42/2022 did before it): type from its heading, number from `Số: …`, issue date from `…, ngày DD
//! tháng MM năm YYYY`, effective date from `có hiệu lực … từ ngày …` (or `kể từ ngày
//! ký`), issuer from the first capitalised line. What cannot be found is listed.

use stp_content::LegalDocument;

const TYPES: &[&str] = &[
    "Quyết định",
    "Chỉ thị",
    "Thông tư liên tịch",
    "Thông tư",
    "Nghị định",
    "Nghị quyết",
    "Công văn",
    "Kế hoạch",
    "Thông báo",
    "Báo cáo",
    "Hướng dẫn",
    "Luật",
    "Quy chế",
    "Quy định",
    "Chương trình",
];

/// A date `ngày DD tháng MM năm YYYY` at or after `from` in `text`, as `YYYY-MM-DD`.
fn date_after(text: &str, from: usize) -> Option<(usize, String)> {
    let lower = text.to_lowercase();
    let mut at = from;
    while let Some(i) = lower.get(at..)?.find("ngày") {
        let start = at + i;
        let words: Vec<&str> = lower[start..].split_whitespace().take(6).collect();
        if let [_, d, "tháng", m, "năm", y] = words.as_slice() {
            let digits = |s: &str| {
                s.trim_matches(|c: char| !c.is_ascii_digit())
                    .parse::<u32>()
                    .ok()
            };
            if let (Some(d), Some(m), Some(y)) = (digits(d), digits(m), digits(y))
                && (1..=31).contains(&d)
                && (1..=12).contains(&m)
                && (1900..=2200).contains(&y)
            {
                return Some((start, format!("{y:04}-{m:02}-{d:02}")));
            }
        }
        at = start + "ngày".len();
    }
    None
}

/// Whether a line belongs to the header an administrative document opens with (Nghị
/// định 30/2020): the issuing body or the national motto in capitals, `Độc lập - Tự do -
/// Hạnh phúc`, the `Số:` line, the place and date line, or a rule with no letters.
pub fn header_line(line: &str) -> bool {
    let t = line.trim();
    let mut letters = t.chars().filter(|c| c.is_alphabetic()).peekable();
    let capitals = letters.peek().is_some() && letters.all(char::is_uppercase);
    let lower = t.to_lowercase();
    !t.chars().any(char::is_alphanumeric)
        || capitals
        || lower.starts_with("độc lập")
        || t.starts_with("Số:")
        || t.starts_with("Số :")
        || (t.split_whitespace().count() <= 12 && date_after(&lower, 0).is_some())
}

/// Reads what it can of the document block from `lines`; `title` is the excerpt, `file`
/// the signed PDF. Returns the block, or the list of what is missing.
pub fn read(lines: &[String], title: &str, file: &str) -> Result<LegalDocument, Vec<&'static str>> {
    let text = lines.join("\n");
    let lower_lines: Vec<String> = lines.iter().map(|l| l.to_lowercase()).collect();
    let number = lines.iter().find_map(|l| {
        let t = l.trim();
        let rest = t.strip_prefix("Số:").or_else(|| t.strip_prefix("Số :"))?;
        rest.split_whitespace().next().map(str::to_string)
    });
    let doc_type = lines
        .iter()
        .chain(std::iter::once(&title.to_string()))
        .find_map(|l| {
            let l = l.trim().to_lowercase();
            TYPES
                .iter()
                .find(|t| l == t.to_lowercase() || l.starts_with(&format!("{} ", t.to_lowercase())))
                .map(|t| t.to_string())
        });
    let issuer = lines
        .iter()
        .map(|l| l.trim())
        .find(|l| {
            l.chars().any(char::is_alphabetic)
                && l.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                && !TYPES.iter().any(|t| t.to_uppercase() == *l)
                && !l.starts_with("CỘNG HÒA")
                && !l.starts_with("ĐỘC LẬP")
        })
        .map(str::to_string);
    let issued = date_after(&text, 0).map(|(_, d)| d);
    let effective = lower_lines.iter().find_map(|l| {
        let at = l.find("hiệu lực")?;
        if l[at..].contains("kể từ ngày ký") {
            return issued.clone();
        }
        date_after(l, at).map(|(_, d)| d)
    });
    let mut missing = Vec::new();
    if doc_type.is_none() {
        missing.push("loại văn bản (document type, e.g. QUYẾT ĐỊNH as a heading)");
    }
    if number.is_none() {
        missing.push("số ký hiệu (a `Số: …` line)");
    }
    if issuer.is_none() {
        missing.push("cơ quan ban hành (the issuing body, in capitals at the top)");
    }
    if issued.is_none() {
        missing.push("ngày ban hành (`ngày DD tháng MM năm YYYY`)");
    }
    if effective.is_none() {
        missing.push("ngày có hiệu lực (`có hiệu lực từ ngày …` or `kể từ ngày ký`)");
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    Ok(LegalDocument {
        doc_type: doc_type.unwrap_or_default(),
        number: number.unwrap_or_default(),
        issuer: issuer.unwrap_or_default(),
        issued: issued.unwrap_or_default(),
        effective: effective.unwrap_or_default(),
        expires: None,
        excerpt: title.to_string(),
        file: file.to_string(),
        signer: None,
        field: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_are_known() {
        for line in [
            "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 12/2026/QĐ-UBND",
            "Bình Phước, ngày 01 tháng 3 năm 2026",
            "_______________",
        ] {
            assert!(header_line(line), "{line}");
        }
        for line in [
            "Sáng 2/5, Sở Tư pháp tổ chức hội nghị tổng kết.",
            "Hội nghị ngày 02 tháng 5 năm 2026 đã thông qua kế hoạch công tác của Sở Tư pháp tỉnh.",
        ] {
            assert!(!header_line(line), "{line}");
        }
    }

    #[test]
    fn reads_a_decision() {
        let lines: Vec<String> = [
            "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC",
            "Số: 12/2026/QĐ-UBND",
            "Bình Phước, ngày 01 tháng 3 năm 2026",
            "QUYẾT ĐỊNH",
            "Quyết định này có hiệu lực thi hành từ ngày 15 tháng 3 năm 2026.",
        ]
        .map(String::from)
        .to_vec();
        let d = read(&lines, "Ban hành Quy chế phối hợp", "qd.pdf").unwrap();
        assert_eq!(
            (
                d.doc_type.as_str(),
                d.number.as_str(),
                d.issuer.as_str(),
                d.issued.as_str(),
                d.effective.as_str()
            ),
            (
                "Quyết định",
                "12/2026/QĐ-UBND",
                "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC",
                "2026-03-01",
                "2026-03-15"
            )
        );
        let missing = read(&lines[3..4], "x", "qd.pdf").unwrap_err();
        assert_eq!(missing.len(), 4);
    }
}
