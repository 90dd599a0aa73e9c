//! Every kind of bad input gets a clear refusal that names the file (and line), and the
//! build writes nothing: the previous output stays as it was.

use crate::kit::site::{Site, tree};
use crate::kit::stderr;

/// Builds a good site once, then adds `rel` with `bytes` and builds again; returns the
/// second build's stderr after checking that it failed and changed nothing.
fn refused(rel: &str, bytes: &[u8]) -> String {
    let site = Site::new();
    site.news("bai-tot", "Bài tốt", "Nội dung.");
    let out = site.path("preview");
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = tree(&out);
    site.write(rel, bytes);
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "expected a refusal for {rel}");
    assert!(tree(&out) == before, "a refused build changed the output");
    let err = stderr(&o);
    assert!(err.contains(rel), "error does not name {rel}: {err}");
    err
}

#[test]
fn malformed_yaml() {
    let err = refused(
        "content/tin-tuc/hong.md",
        b"---\ntitle: A\ntags: [a, b\n---\nx\n",
    );
    assert!(err.contains("content/tin-tuc/hong.md:"), "{err}");
    assert!(err.contains("front matter"), "{err}");
}

#[test]
fn unknown_section() {
    let err = refused("content/khong-co/bai.md", b"---\ntitle: A\n---\nx\n");
    assert!(err.contains("section `khong-co`"), "{err}");
}

#[test]
fn invalid_utf8() {
    let err = refused(
        "content/tin-tuc/latin1.md",
        b"---\ntitle: A\n---\nS\xe1 T\xfd ph\xe1p\n",
    );
    assert!(err.contains("content/tin-tuc/latin1.md:4:"), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn legacy_tcvn3_text() {
    let err = refused(
        "content/tin-tuc/tcvn3.md",
        "---\ntitle: A\n---\nSë T\u{2212} ph¸p tØnh B×nh Ph\u{2212}íc tæ chøc héi nghÞ\n"
            .as_bytes(),
    );
    assert!(err.contains("TCVN3"), "{err}");
}

#[test]
fn yaml_alias_bomb_refused_within_a_second() {
    // Under fields stp knows, with a tag before the first anchor (`!!seq &a`), which a
    // per-line guard let through: only the parser's own budget stops it.
    let mut yaml = String::from(
        "---\ntitle: A\ntags: !!seq &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let keys = [
        "summary",
        "author",
        "unit",
        "status",
        "slug",
        "updated",
        "deadline_kind",
        "deadline_from",
    ];
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    let mut prev = "a";
    for (n, key) in names.into_iter().zip(keys) {
        yaml.push_str(&format!(
            "{key}: &{n} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
        prev = n;
    }
    yaml.push_str("---\nx\n");
    let started = std::time::Instant::now();
    let err = refused("content/tin-tuc/bomb.md", yaml.as_bytes());
    assert!(
        started.elapsed().as_secs() < 5,
        "the refusal took {:?}",
        started.elapsed()
    );
    assert!(
        err.contains("content/tin-tuc/bomb.md:3: YAML anchors and aliases"),
        "{err}"
    );
}

#[test]
fn tagged_anchor_refused() {
    let err = refused(
        "content/tin-tuc/the.md",
        b"---\ntitle: !!str &t A\nsummary: *t\n---\nx\n",
    );
    assert!(
        err.contains("content/tin-tuc/the.md:2: YAML anchors and aliases"),
        "{err}"
    );
}

#[test]
fn fifty_megabyte_file() {
    let mut big = b"---\ntitle: A\n---\n".to_vec();
    big.resize(50 * 1024 * 1024, b'x');
    let err = refused("content/tin-tuc/lon.md", &big);
    assert!(err.contains("50.0 MB"), "{err}");
}

#[test]
fn parent_path_in_slug() {
    let err = refused(
        "content/tin-tuc/slug.md",
        b"---\ntitle: A\nslug: ../../thoat\n---\nx\n",
    );
    assert!(err.contains("leaves its folder"), "{err}");
}

#[test]
fn parent_path_in_attachment() {
    let err = refused(
        "content/tin-tuc/dinh-kem/index.md",
        b"---\ntitle: A\nattachments:\n  - file: ../../../../etc/passwd\n    title: x\n---\nx\n",
    );
    assert!(err.contains("leaves its folder"), "{err}");
}

#[test]
fn symlink_outside_the_repository() {
    let site = Site::new();
    site.news("bai-tot", "Bài tốt", "Nội dung.");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: Bí mật\n---\nx\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        site.path("content/tin-tuc/lien-ket.md"),
    )
    .unwrap();
    let out = site.path("preview");
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("lien-ket.md: is a symbolic link"), "{err}");
    assert!(!out.exists());
}

#[test]
fn script_handlers_and_javascript_links_are_sanitised() {
    let site = Site::new();
    site.news(
        "cong-dan",
        "Bài của công dân",
        "Xin chào <script>alert('x')</script>\n\n<img src=\"a.png\" alt=\"ảnh\" onerror=\"alert(1)\">\n\n<a href=\"javascript:alert(1)\" onclick=\"x()\">bấm</a> [md](javascript:alert(2))\n",
    );
    let out = site.path("preview");
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = std::fs::read_to_string(out.join("tin-tuc/cong-dan/index.html")).unwrap();
    let body = &page[page.find("<div class=\"body\">").unwrap()..];
    let body = &body[..body.find("</article>").unwrap()];
    assert!(!body.contains("<script"), "{body}");
    assert!(
        !body.contains("onerror") && !body.contains("onclick"),
        "{body}"
    );
    assert!(!body.to_lowercase().contains("javascript:"), "{body}");
    assert!(body.contains("Xin chào"), "{body}");
}

/// Script in every front-matter field a contributor writes (title, summary, tags, author,
/// unit) reaches no page and no feed as markup: every file of the build is read, and the
/// only place the text stands unescaped is the search index's JSON, which `search.js`
/// puts on the page as text.
#[test]
fn script_in_every_front_matter_field_is_escaped_on_every_page() {
    let site = Site::new();
    let payload = r#"\"'><script>alert(1)</script><img src=x onerror=alert(2)>"#;
    site.write(
        "content/tin-tuc/do-doc.md",
        format!(
            "---\ntitle: \"T {payload}\"\ndate: 2026-11-20 08:30\nsummary: \"S {payload}\"\n\
             tags: [\"G {payload}\"]\nauthor: \"A {payload}\"\nunit: \"U {payload}\"\n---\nNội dung.\n"
        ),
    );
    let out = site.path("preview");
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut read = 0;
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if !entry.file_type().is_file() || rel.starts_with("tim-kiem/") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        read += 1;
        for raw in ["<script>alert", "<img src=x", "'><"] {
            assert!(!text.contains(raw), "{rel} holds {raw}");
        }
    }
    let page = std::fs::read_to_string(out.join("tin-tuc/do-doc/index.html")).unwrap();
    assert!(
        page.contains("T &quot;&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the title is shown, escaped"
    );
    assert!(read > 20, "{read} files read");
}
