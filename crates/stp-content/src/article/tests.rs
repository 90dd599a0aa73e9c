use std::path::Path;

use super::*;

fn config() -> SiteConfig {
    SiteConfig::parse(
        Path::new("site.toml"),
        include_str!("../../../../examples/site/site.toml"),
    )
    .unwrap()
}

fn parse(path: &str, text: &str) -> Result<Article, ContentError> {
    parse_article(Path::new(path), text.as_bytes(), &config())
}

#[test]
fn news_article_parses() {
    let a = parse(
        "content/tin-tuc/hoi-nghi-tong-ket.md",
        "---\ntitle: Hội nghị tổng kết\ndate: 2026-11-20 08:30\ntags: [tư pháp]\n---\nNội dung.\n",
    )
    .unwrap();
    assert_eq!(a.slug, "hoi-nghi-tong-ket");
    assert_eq!(a.url_path(), "/tin-tuc/hoi-nghi-tong-ket/");
    assert_eq!(a.body.text(), "Nội dung.\n");
    assert_eq!(a.body_line, 6);
    assert_eq!(a.kind, SectionKind::News);
}

#[test]
fn english_bundle_article() {
    let a = parse(
        "content/gioi-thieu/lich-su/index.en.md",
        "---\ntitle: History\n---\nText\n",
    )
    .unwrap();
    assert_eq!(a.lang, "en");
    assert_eq!(a.url_path(), "/en/gioi-thieu/lich-su/");
    assert_eq!(
        a.bundle_dir.as_deref(),
        Some(Path::new("content/gioi-thieu/lich-su"))
    );
}

#[test]
fn malformed_yaml_names_line() {
    let err = parse(
        "content/tin-tuc/a.md",
        "---\ntitle: A\ntags: [a, b\ndate: 2026-01-01\n---\nx\n",
    )
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("content/tin-tuc/a.md:"), "{err}");
    assert!(err.contains("front matter"), "{err}");
}

#[test]
fn unknown_field_refused_with_line() {
    let err = parse("content/tin-tuc/a.md", "---\ntitle: A\ntitel: B\n---\nx\n")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("content/tin-tuc/a.md:3:"), "{err}");
    assert!(err.contains("titel"), "{err}");
}

#[test]
fn unknown_section_refused() {
    let err = parse("content/khong-co/a.md", "---\ntitle: A\n---\nx\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("section `khong-co`"), "{err}");
    assert!(err.contains("tin-tuc"), "{err}");
}

#[test]
fn invalid_utf8_names_line() {
    let mut bytes = b"---\ntitle: A\n---\nline\n".to_vec();
    bytes.extend_from_slice(b"S\xe1 T\xfd ph\xe1p\n");
    let err = parse_article(Path::new("content/tin-tuc/a.md"), &bytes, &config())
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("content/tin-tuc/a.md:5:"), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn alias_bomb_refused_quickly() {
    // Under fields stp knows, so that only the anchors can stop it; and with a tag in
    // front of the anchor, which the old per-line guard let through.
    for first in ["&a", "!!seq &a"] {
        let mut yaml = format!(
            "---\ntitle: A\ntags: {first} [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        );
        let mut prev = 'a';
        for (name, key) in ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].into_iter().zip([
            "summary",
            "author",
            "unit",
            "status",
            "slug",
            "updated",
            "deadline_kind",
            "deadline_from",
        ]) {
            yaml.push_str(&format!(
                "{key}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
            ));
            prev = name;
        }
        yaml.push_str("---\nx\n");
        let started = std::time::Instant::now();
        let err = parse("content/tin-tuc/a.md", &yaml)
            .unwrap_err()
            .to_string();
        assert!(started.elapsed().as_secs() < 1);
        assert!(
            err.starts_with("content/tin-tuc/a.md:3: YAML anchors and aliases"),
            "{err}"
        );
    }
    let err = parse(
        "content/tin-tuc/a.md",
        "---\ntitle: !!str &t A\nsummary: *t\n---\nx\n",
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("content/tin-tuc/a.md:2: YAML anchors and aliases"),
        "{err}"
    );
    // An alias alone (its anchor never defined) is refused too.
    let err = parse(
        "content/tin-tuc/a.md",
        "---\ntitle: A\nsummary: *t\n---\nx\n",
    )
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("content/tin-tuc/a.md:3:"), "{err}");
}

#[test]
fn deep_nesting_refused_by_the_parser_budget() {
    let yaml = format!(
        "---\ntitle: A\ntags: {}{}\n---\nx\n",
        "[".repeat(40),
        "]".repeat(40)
    );
    let err = parse("content/tin-tuc/a.md", &yaml)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("content/tin-tuc/a.md:3: front matter"),
        "{err}"
    );
}

#[test]
fn oversized_file_refused() {
    let mut text = String::from("---\ntitle: A\n---\n");
    text.push_str(&"x".repeat(5 * 1024 * 1024));
    let err = parse("content/tin-tuc/a.md", &text)
        .unwrap_err()
        .to_string();
    assert!(err.contains("over the 4 MB limit"), "{err}");
}

#[test]
fn parent_path_in_slug_or_attachment_refused() {
    let err = parse(
        "content/tin-tuc/a.md",
        "---\ntitle: A\nslug: ../../etc\n---\nx\n",
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("leaves its folder"), "{err}");
    let err = parse(
        "content/tin-tuc/a/index.md",
        "---\ntitle: A\nattachments:\n  - file: ../../../secret.pdf\n    title: S\n---\nx\n",
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("leaves its folder"), "{err}");
}

#[test]
fn legal_document_needs_its_block() {
    let err = parse(
        "content/van-ban/qd-12.md",
        "---\ntitle: Quyết định 12\n---\nx\n",
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("needs a `document:` block"), "{err}");
    let ok = parse(
        "content/van-ban/qd-12/index.md",
        "---\ntitle: Quyết định 12\ndocument:\n  type: Quyết định\n  number: 12/2026/QĐ-UBND\n  issuer: UBND tỉnh\n  issued: 2026-03-01\n  effective: 2026-03-15\n  excerpt: Ban hành quy chế\n  file: qd-12.pdf\n---\nx\n",
    )
    .unwrap();
    assert_eq!(ok.named_files(), vec!["qd-12.pdf"]);
}

#[test]
fn impossible_date_refused_with_line() {
    let err = parse(
        "content/hoi-dap/a.md",
        "---\ntitle: A\nqa:\n  question: Q?\n  asker: Nguyễn A\n  asked: 2026-02-30\n  answered_by: Phòng X\n---\nx\n",
    )
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("content/hoi-dap/a.md:6:"), "{err}");
}

#[test]
fn legacy_encoded_text_refused() {
    let err = parse(
        "content/tin-tuc/a.md",
        "---\ntitle: A\n---\nSë T\u{2212} ph¸p tØnh B×nh Ph\u{2212}íc tæ chøc héi nghÞ\n",
    )
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("content/tin-tuc/a.md:4:"), "{err}");
    assert!(err.contains("TCVN3"), "{err}");
}

#[test]
fn text_not_in_nfc_is_left_to_check() {
    // Decomposed marks are `stp check`'s warning, not a build error.
    let a = parse(
        "content/tin-tuc/a.md",
        "---\ntitle: A\n---\nTie\u{302}\u{301}ng Vie\u{323}\u{302}t\n",
    )
    .unwrap();
    assert_eq!(a.body.text(), "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t\n");
}
