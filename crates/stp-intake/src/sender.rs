//! The sender's details (Điều 9.1.b: organisation, full name, title if any, email, phone
//! or postal address), read from labelled lines (`Đơn vị: …`, `Điện thoại: …`) in the
//! document and the mail, then from the mail's `From:` and the document's properties.

use stp_content::Sender;

/// Which field a label names, by the label's words (lower case, NFC).
fn field_of(label: &str) -> Option<usize> {
    let l = label
        .trim()
        .trim_start_matches(['-', '+', '*', '•'])
        .trim()
        .to_lowercase();
    const LABELS: &[(&str, usize)] = &[
        ("cơ quan, đơn vị", 0),
        ("cơ quan", 0),
        ("đơn vị", 0),
        ("tổ chức", 0),
        ("người gửi", 1),
        ("họ và tên", 1),
        ("họ tên", 1),
        ("tác giả", 1),
        ("chức vụ", 2),
        ("chức danh", 2),
        ("email", 3),
        ("e-mail", 3),
        ("thư điện tử", 3),
        ("điện thoại", 4),
        ("số điện thoại", 4),
        ("sđt", 4),
        ("đt", 4),
        ("địa chỉ", 5),
    ];
    LABELS.iter().find(|(name, _)| l == *name).map(|(_, f)| *f)
}

/// The field and value of a `Label: value` line, if it is one.
pub fn labelled(line: &str) -> Option<(usize, String)> {
    let (label, value) = line.split_once(':')?;
    let field = field_of(label)?;
    let value = value.trim().trim_end_matches(['.', ';']).trim().to_string();
    if value.is_empty() || (field == 3 && !value.contains('@')) {
        return None;
    }
    Some((field, value))
}

/// Fills the empty fields of `sender` from labelled lines.
pub fn fill_from_lines<'a>(sender: &mut Sender, lines: impl IntoIterator<Item = &'a str>) {
    for line in lines {
        if let Some((field, value)) = labelled(line) {
            let slot = match field {
                0 => &mut sender.organisation,
                1 => &mut sender.name,
                2 => &mut sender.title,
                3 => &mut sender.email,
                4 => &mut sender.phone,
                _ => &mut sender.address,
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
    }
}

/// What Điều 9.1.b requires and `sender` lacks, in Vietnamese with the English gloss.
pub fn missing(sender: &Sender) -> Vec<&'static str> {
    let mut out = Vec::new();
    if sender.organisation.is_none() {
        out.push("cơ quan, đơn vị (organisation)");
    }
    if sender.name.is_none() {
        out.push("họ và tên (full name)");
    }
    if sender.email.is_none() {
        out.push("email");
    }
    if sender.phone.is_none() && sender.address.is_none() {
        out.push("điện thoại hoặc địa chỉ (phone or postal address)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_lines_fill_the_sender() {
        let mut s = Sender::default();
        fill_from_lines(
            &mut s,
            [
                "Đơn vị: Phòng Tư pháp huyện Bù Đăng",
                "Người gửi: Trần Thị Bình",
                "Chức vụ: Chuyên viên",
                "Điện thoại: 0271 3879 123.",
                "Email: không có",
                "Nội dung: x",
            ],
        );
        assert_eq!(
            s.organisation.as_deref(),
            Some("Phòng Tư pháp huyện Bù Đăng")
        );
        assert_eq!(s.name.as_deref(), Some("Trần Thị Bình"));
        assert_eq!(s.title.as_deref(), Some("Chuyên viên"));
        assert_eq!(s.phone.as_deref(), Some("0271 3879 123"));
        assert_eq!(missing(&s), vec!["email"]);
    }
}
