//! The default theme as the real binary renders it, without a browser: the fixture site
//! (`tests/fixtures/theme-site/`) is built with `stp build --preview` and its HTML read
//! back. The browser tests (`scripts/browser-test`) check the same pages in Chromium with
//! axe-core and the Nu HTML checker; these pin the facts the law asks of every page
//! (Thông tư 32/2017 Điều 16–18; the regulation's Điều 4.1, 5, 6.5–6.6) in `cargo test`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/theme-site")
}

/// Builds the fixture into a fresh temporary folder; returns (the folder's guard, the site).
fn build() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let out = tmp.path().join("site");
    preview(&fixture(), &out);
    (tmp, out)
}

/// `stp build --preview` of the site at `root` into `out`.
fn preview(root: &Path, out: &Path) {
    let run = Command::new(env!("CARGO_BIN_EXE_stp"))
        .env("STP_LANG", "en")
        .arg("-C")
        .arg(root)
        .args(["build", "--preview", "--out"])
        .arg(out)
        .output()
        .expect("stp runs");
    assert!(
        run.status.success(),
        "stp build failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn read(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn html_pages(site: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    let mut stack = vec![site.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable output") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    pages
}

#[test]
fn every_page_has_its_language_kind_header_footer_and_skip_link() {
    let (_tmp, site) = build();
    let pages = html_pages(&site);
    assert!(pages.len() > 40, "the fixture builds {} pages", pages.len());
    for page in &pages {
        let html = std::fs::read_to_string(page).expect("UTF-8 HTML");
        let rel = page
            .strip_prefix(&site)
            .unwrap_or(page)
            .display()
            .to_string();
        let lang = if rel.starts_with("en/") { "en" } else { "vi" };
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{rel}: <html lang>"
        );
        assert!(html.contains("<body data-kind=\""), "{rel}: data-kind");
        assert!(
            html.contains("class=\"skip\" href=\"#noi-dung\""),
            "{rel}: skip link"
        );
        // Header: emblem and the agency's full name (Thông tư 32/2017 Điều 16).
        assert!(html.contains("class=\"brand\""), "{rel}: header");
        // Footer: address, phone, fax, email, the person responsible (Điều 6.5–6.6).
        for needle in ["0271 3879 005", "0271 3879 006", "stp@binhphuoc.gov.vn"] {
            assert!(html.contains(needle), "{rel}: footer lacks {needle}");
        }
        // The preview says so on every page, and is never indexed.
        assert!(html.contains("class=\"preview-banner\""), "{rel}: banner");
        assert!(html.contains("noindex"), "{rel}: noindex");
        // Nothing from elsewhere: no external stylesheet, script or font.
        for tag in ["<script src=\"http", "<link rel=\"stylesheet\" href=\"http"] {
            assert!(!html.contains(tag), "{rel}: external resource");
        }
    }
}

#[test]
fn english_part_introduces_the_agency_and_menus_only_english_sections() {
    let (_tmp, site) = build();
    let home = read(&site, "en/index.html");
    assert!(home.contains("History of the Department"));
    assert!(home.contains("Contact us"));
    assert!(
        home.contains("hreflang=\"vi\""),
        "links the Vietnamese-only sections"
    );
    let menu = home
        .split("class=\"main-nav\"")
        .nth(1)
        .and_then(|rest| rest.split("</nav>").next())
        .expect("a menu");
    assert!(menu.contains("About us") && menu.contains("News and events"));
    assert!(
        !menu.contains("Legal documents"),
        "the English menu leaves out sections without English articles"
    );
    let empty = read(&site, "en/van-ban/index.html");
    assert!(empty.contains("published in Vietnamese only"));
    // An article with a translation switches to it.
    let about = read(&site, "gioi-thieu/lich-su-hinh-thanh/index.html");
    assert!(about.contains("class=\"lang-switch\" href=\"/en/gioi-thieu/lich-su-hinh-thanh/\""));
}

#[test]
fn drafts_show_deadline_and_closed_state() {
    let (_tmp, site) = build();
    let open = read(
        &site,
        "gop-y-du-thao/du-thao-quy-dinh-tro-giup-phap-ly/index.html",
    );
    assert!(open.contains("data-kind=\"article-draft-open\""));
    assert!(open.contains("31/12/2030"), "the deadline, dd/mm/yyyy");
    assert!(open.contains("mailto:bbt.stp@binhphuoc.gov.vn?subject="));
    let closed = read(
        &site,
        "gop-y-du-thao/du-thao-ke-hoach-pbgdpl-2026/index.html",
    );
    assert!(closed.contains("data-kind=\"article-draft-closed\""));
    assert!(closed.contains("Đã hết hạn góp ý"));
    assert!(!closed.contains("class=\"draft-send\""));
}

#[test]
fn legal_documents_table_has_filters_and_every_document() {
    let (_tmp, site) = build();
    let list = read(&site, "van-ban/index.html");
    for needle in [
        "data-filter=\"type\"",
        "data-filter=\"issuer\"",
        "data-filter=\"year\"",
        "data-filter=\"effect\"",
        "data-filter=\"text\"",
        "12/2026/QĐ-UBND",
        "data-effect=\"expired\"",
        "data-effect=\"in-force\"",
    ] {
        assert!(list.contains(needle), "the document list lacks {needle}");
    }
    let doc = read(&site, "van-ban/qd-12-2026/index.html");
    assert!(doc.contains("download>"), "the signed file to download");
    assert!(site.join("van-ban/qd-12-2026/qd-12-2026.pdf").is_file());
}

#[test]
fn feedback_forms_mail_the_board_with_a_subject() {
    let (_tmp, site) = build();
    let page = read(
        &site,
        "thu-tuc-hanh-chinh/cap-phieu-ly-lich-tu-phap/index.html",
    );
    assert_eq!(
        page.matches("action=\"mailto:bbt.stp@binhphuoc.gov.vn\" method=\"get\"")
            .count(),
        2,
        "the rating and the question form"
    );
    assert!(page.contains("name=\"subject\" value=\"[Đánh giá: Rất hài lòng] Cấp Phiếu"));
    assert!(page.contains("name=\"subject\" value=\"[Hỏi đáp, góp ý] Cấp Phiếu"));
}

/// The addresses the main menu marks `aria-current="page"` on a page of the built site.
fn menu_current(site: &Path, rel: &str) -> Vec<String> {
    let html = read(site, rel);
    let start = html.find("<nav class=\"main-nav\"").expect("the main menu");
    let nav = &html[start..start + html[start..].find("</nav>").expect("its end")];
    nav.split("<a href=\"")
        .skip(1)
        .filter(|a| a[..a.find('>').expect("a tag")].contains("aria-current=\"page\""))
        .map(|a| a[..a.find('"').expect("an address")].to_string())
        .collect()
}

#[test]
fn the_menu_marks_the_page_or_section_shown_and_nothing_else() {
    let (_tmp, site) = build();
    // A section's list and its articles: the section.
    assert_eq!(menu_current(&site, "tin-tuc/index.html"), ["/tin-tuc/"]);
    assert_eq!(
        menu_current(&site, "tin-tuc/ngay-phap-luat-2026/index.html"),
        ["/tin-tuc/"]
    );
    // A filter of the legal documents belongs to their section.
    assert_eq!(
        menu_current(&site, "van-ban/loai/chi-thi/index.html"),
        ["/van-ban/"]
    );
    assert_eq!(
        menu_current(&site, "van-ban/qd-12-2026/index.html"),
        ["/van-ban/"]
    );
    // The home page marks the home link; a [[menu]] link (the sitemap) is marked on the
    // page it leads to; a tag belongs to no entry.
    assert_eq!(menu_current(&site, "index.html"), ["/"]);
    assert_eq!(
        menu_current(&site, "so-do-trang/index.html"),
        ["/so-do-trang/"]
    );
    assert!(menu_current(&site, "the/ho-tich/index.html").is_empty());
    assert!(menu_current(&site, "tim-kiem/index.html").is_empty());
    // The English part: its own addresses.
    assert_eq!(
        menu_current(&site, "en/gioi-thieu/lich-su-hinh-thanh/index.html"),
        ["/en/gioi-thieu/"]
    );
}

/// A copy of `from` (files only) under `to`.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("a readable entry");
        let dest = to.join(entry.path().strip_prefix(from).expect("under the tree"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("a folder");
        } else {
            std::fs::copy(entry.path(), &dest).expect("a copy");
        }
    }
}

/// `template` with its `{% call fragment(…) %}…{% endcall %}` blocks made plain blocks,
/// and how many there were.
fn without_fragments(template: &str) -> (String, usize) {
    let mut plain = String::new();
    let mut calls = 0;
    for (n, piece) in template.split("{% call fragment(").enumerate() {
        if n == 0 {
            plain.push_str(piece);
        } else {
            let (_, rest) = piece.split_once(") %}").expect("a call block's head");
            plain.push_str("{% if true %}");
            plain.push_str(rest);
            calls += 1;
        }
    }
    (plain.replace("{% endcall %}", "{% endif %}"), calls)
}

/// Parts many pages share (the header, the footer, an article's sidebar) are rendered
/// once per key and reused (`fragment`); a page must come out exactly as it would if they
/// were rendered for it. Each site (the fixture: two languages, translations, every kind
/// of page; the example site) is built as it is and again with the default theme's
/// templates overridden by copies whose `fragment` calls are plain blocks, and every file
/// of the two builds is compared.
#[test]
fn shared_parts_are_byte_for_byte_what_each_page_would_render() {
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/stp-render/theme/templates");
    let mut plain = Vec::new();
    for entry in std::fs::read_dir(&theme).expect("the default theme") {
        let path = entry.expect("an entry").path();
        let text = std::fs::read_to_string(&path).expect("a template");
        let (without, calls) = without_fragments(&text);
        if calls > 0 {
            assert!(!without.contains("fragment"), "{}", path.display());
            plain.push((path.file_name().expect("a name").to_owned(), without, calls));
        }
    }
    let calls: usize = plain.iter().map(|(_, _, n)| n).sum();
    assert_eq!(
        calls, 3,
        "the header, the footer and the sidebar are fragments"
    );
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/site");
    for site in [fixture(), example] {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let (shared, unshared) = (tmp.path().join("shared"), tmp.path().join("unshared"));
        copy_tree(&site, &shared);
        copy_tree(&site, &unshared);
        let templates = unshared.join("themes/default/templates");
        std::fs::create_dir_all(&templates).expect("a theme folder");
        for (name, text, _) in &plain {
            std::fs::write(templates.join(name), text).expect("written");
        }
        let mut built = Vec::new();
        for root in [&shared, &unshared] {
            let out = root.join("_out");
            preview(root, &out);
            built.push(crate::kit::files(&out));
        }
        let pages = built[0].keys().filter(|k| k.ends_with(".html")).count();
        assert!(pages > 20, "{}: {pages} pages", site.display());
        assert_eq!(
            built[0].keys().collect::<Vec<_>>(),
            built[1].keys().collect::<Vec<_>>()
        );
        for (rel, bytes) in &built[0] {
            assert!(
                bytes == &built[1][rel],
                "{}: {rel} differs with its shared parts rendered for the page",
                site.display()
            );
        }
    }
}
