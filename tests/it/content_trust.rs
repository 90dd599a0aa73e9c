//! The trust boundary between contributors and the public page: no script reaches a page
//! from an article's body, its front matter or the files beside it; the preview never
//! lands in public/; nothing is read through a symbolic link; and bodies built to be slow
//! (many equal headings, many footnotes) still build.

use crate::kit::site::Site;
use crate::kit::{stderr, stdout};

/// Builds a preview of `site` into `preview/`; returns the command's output.
fn preview(site: &Site) -> std::process::Output {
    let out = site.path("preview");
    site.stp(&["build", "--preview", "--out", out.to_str().unwrap()])
}

fn page(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.path("preview").join(rel)).unwrap()
}

#[test]
fn heading_attributes_cannot_add_handlers() {
    let site = Site::new();
    site.news(
        "tan-cong",
        "Tấn công",
        "## Tin mới {tabindex=0 autofocus onfocus=alert(1)}\n\nNội dung.\n\n## Mục {#muc-rieng .noi-bat style=x}\n",
    );
    let o = preview(&site);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = page(&site, "tin-tuc/tan-cong/index.html");
    assert!(html.contains("<h2 id=\"tin-moi\">Tin mới</h2>"), "{html}");
    assert!(
        html.contains("<h2 id=\"muc-rieng\" class=\"noi-bat\">Mục</h2>"),
        "{html}"
    );
    for bad in [
        "onfocus",
        "autofocus",
        "tabindex=\"0\"",
        "alert(1)",
        "style=\"x\"",
    ] {
        assert!(!html.contains(bad), "{bad} reached the page");
    }
}

#[test]
fn javascript_portal_url_refused_with_file_line_and_field() {
    let site = Site::new();
    let rel = "content/thu-tuc-hanh-chinh/dang-ky.md";
    site.write(
        rel,
        "---\ntitle: \"Đăng ký\"\nprocedure:\n  field: \"Hộ tịch\"\n  service_level: \"một phần\"\n  processing_time: \"5 ngày\"\n  fees: \"Không\"\n  portal_url: \" JaVaScRiPt:alert(1)\"\n---\nNội dung.\n",
    );
    let o = preview(&site);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{rel}:8: `procedure.portal_url`")),
        "{err}"
    );
    assert!(err.contains("https://"), "{err}");
    assert!(
        !site.path("preview").exists(),
        "a refused build wrote output"
    );
    // `stp check` reports the same line.
    let o = site.stp(&["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains(&format!("{rel}:8")) || stderr(&o).contains(&format!("{rel}:8")),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
}

#[test]
fn front_matter_files_must_be_names_or_web_links() {
    for (field, yaml) in [
        (
            "image.src",
            "image: {src: \"javascript:alert(1)\", alt: \"Ảnh\"}",
        ),
        (
            "attachments",
            "attachments:\n  - {file: \"a.pdf\", title: \"A\"}\n  - {file: \"data:text/html,<script>x</script>\", title: \"B\"}",
        ),
        (
            "attachments",
            "attachments:\n  - {file: \"trang.html\", title: \"Trang\"}",
        ),
    ] {
        let site = Site::new();
        let rel = "content/tin-tuc/tep/index.md";
        site.write(
            rel,
            format!("---\ntitle: \"Tệp\"\n{yaml}\n---\nNội dung.\n"),
        );
        let o = preview(&site);
        assert_eq!(o.status.code(), Some(2), "{yaml}");
        let err = stderr(&o);
        let line = 2 + yaml.lines().count();
        assert!(
            err.contains(&format!("{rel}:{line}: `{field}`")),
            "{yaml}: {err}"
        );
    }
}

#[test]
fn bundle_files_that_run_script_are_refused_by_preview_and_check() {
    for name in [
        "trang.html",
        "hinh.SVG",
        "du-lieu.xml",
        "ma.js",
        "tai-lieu.xhtml",
    ] {
        let site = Site::new();
        site.write(
            "content/tin-tuc/goi/index.md",
            "---\ntitle: \"Gói\"\n---\nNội dung.\n",
        );
        let rel = format!("content/tin-tuc/goi/{name}");
        site.write(
            &rel,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
        );
        let o = preview(&site);
        assert_eq!(o.status.code(), Some(2), "{name} was built");
        let err = stderr(&o);
        assert!(err.contains(&rel), "{name}: {err}");
        assert!(err.contains("run script"), "{name}: {err}");
        let o = site.stp(&["check"]);
        assert_eq!(o.status.code(), Some(1), "{name} passed check");
        assert!(stdout(&o).contains(&rel), "{name}: {}", stdout(&o));
    }
    // The theme's own logo.svg is not an attachment: a plain site builds and ships it.
    let site = Site::new();
    site.news("bai", "Bài", "Nội dung.");
    let o = preview(&site);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        site.path("preview/assets")
            .read_dir()
            .unwrap()
            .any(|e| { e.unwrap().file_name().to_string_lossy().starts_with("logo") })
    );
}

#[test]
fn preview_refuses_public_in_every_spelling() {
    let site = Site::new();
    site.news("bai", "Bài", "Nội dung.");
    std::fs::create_dir(site.path("lien-ket")).unwrap();
    std::os::unix::fs::symlink(site.root(), site.path("lien-ket/site")).unwrap();
    let root = site.root().to_str().unwrap().to_string();
    for out in [
        "public".to_string(),
        "./public/".to_string(),
        "public/".to_string(),
        "public/sub".to_string(),
        "content/../public".to_string(),
        format!("{root}/public//"),
        format!("{root}/lien-ket/site/public"),
        ".".to_string(),
    ] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_stp"))
            .env("STP_LANG", "en")
            .current_dir(site.root())
            .args(["build", "--preview", "--out", &out])
            .env("SOURCE_DATE_EPOCH", "1795000000")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "--out {out}: {}", stderr(&o));
        assert!(stderr(&o).contains("public/"), "{}", stderr(&o));
        assert!(!site.path("public").exists(), "--out {out} wrote public/");
    }
    let o = preview(&site);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn symbolic_links_anywhere_are_refused() {
    // static/ itself a link (to a folder inside the repository, even).
    let site = Site::new();
    site.news("bai", "Bài", "Nội dung.");
    site.write("tai-nguyen/a.txt", "x");
    std::os::unix::fs::symlink(site.path("tai-nguyen"), site.path("static")).unwrap();
    let o = preview(&site);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("static: is a symbolic link"),
        "{}",
        stderr(&o)
    );
    // A linked folder inside content/.
    let site = Site::new();
    site.news("bai", "Bài", "Nội dung.");
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("x.md"), "---\ntitle: X\n---\nx\n").unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), site.path("content/tin-tuc/ngoai")).unwrap();
    let o = preview(&site);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("content/tin-tuc/ngoai: is a symbolic link"),
        "{}",
        stderr(&o)
    );
    // A linked file inside the theme's folder.
    let site = Site::new();
    site.news("bai", "Bài", "Nội dung.");
    site.write("themes/default/static/ok.css", "a{}");
    std::os::unix::fs::symlink("/etc/hostname", site.path("themes/default/static/x.css")).unwrap();
    let o = preview(&site);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("x.css: is a symbolic link"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn theme_outside_themes_refused_with_its_line() {
    let site = Site::new();
    site.news("bai", "Bài", "Nội dung.");
    let toml = std::fs::read_to_string(site.path("site.toml")).unwrap();
    let line = toml.lines().position(|l| l.starts_with("theme")).unwrap() + 1;
    for bad in ["../../elsewhere", "/tmp", "a/b"] {
        let text = toml.replace("theme = \"default\"", &format!("theme = \"{bad}\""));
        site.write("site.toml", &text);
        let o = preview(&site);
        assert_ne!(o.status.code(), Some(0), "theme {bad} accepted");
        assert!(
            stderr(&o).contains(&format!("site.toml:{line}: theme `{bad}`")),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn hundred_thousand_equal_headings_and_fifty_thousand_notes_build() {
    let site = Site::new();
    site.news("dau-muc", "Đầu mục", &"## h\n\n".repeat(100_000));
    let mut notes = String::new();
    for n in 0..50_000 {
        notes.push_str(&format!("Câu {n}[^{n}].\n\n"));
    }
    for n in 0..50_000 {
        notes.push_str(&format!("[^{n}]: Ghi chú {n}.\n\n"));
    }
    site.news("chu-thich", "Chú thích", &notes);
    let o = preview(&site);
    assert!(o.status.success(), "{}", stderr(&o));
    let headings = page(&site, "tin-tuc/dau-muc/index.html");
    assert!(headings.contains("<h2 id=\"h-100000\">h</h2>"));
    let notes = page(&site, "tin-tuc/chu-thich/index.html");
    assert!(notes.contains("<li id=\"chu-thich-50000\">"));
}

#[test]
fn markdown_file_inside_a_bundle_breaks_nothing_and_check_names_it() {
    let site = Site::new();
    site.write(
        "content/tin-tuc/goi/index.md",
        "---\ntitle: \"Gói\"\n---\nNội dung.\n",
    );
    site.write("content/tin-tuc/goi/index-2.md", "không phải bài viết");
    site.write("content/tin-tuc/goi/tai-lieu/ghi-chu.md", "# Ghi chú\n");
    let o = preview(&site);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(page(&site, "tin-tuc/goi/index.html").contains("Nội dung."));
    assert!(!site.path("preview/tin-tuc/goi/index-2.md").exists());
    let o = site.stp(&["check"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("content/tin-tuc/goi/index-2.md:1: file: is a Markdown file inside a bundle"),
        "{out}"
    );
    assert!(
        out.contains("content/tin-tuc/goi/tai-lieu/ghi-chu.md:1:"),
        "{out}"
    );
    // A Markdown file that is in no bundle is still not where articles live.
    site.write("content/tin-tuc/lac/bai.md", "---\ntitle: A\n---\nx\n");
    let o = preview(&site);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is not where articles live"),
        "{}",
        stderr(&o)
    );
}
