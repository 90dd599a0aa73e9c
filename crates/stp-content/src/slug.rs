//! Slugs: the URL-safe, diacritic-free form of a Vietnamese title (`Đề án` → `de-an`).

/// Lower-case ASCII words joined by `-`. Vietnamese letters lose their marks (đ → d).
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::with_capacity(ascii.len());
    let mut dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out.truncate(120);
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn vietnamese_titles() {
        assert_eq!(
            slugify("Đề án phổ biến pháp luật"),
            "de-an-pho-bien-phap-luat"
        );
        assert_eq!(
            slugify("Hỏi đáp: Luật Đất đai 2024!"),
            "hoi-dap-luat-dat-dai-2024"
        );
        assert_eq!(slugify("  --Tin tức--  "), "tin-tuc");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
    }
}
