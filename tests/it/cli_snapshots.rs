//! Snapshots of what people see: `stp check` output, `stp new` files, and a rendered
//! article body.

use crate::kit::site::Site;
use crate::kit::{stderr, stdout};

#[test]
fn check_lists_every_problem_with_file_and_line() {
    let site = Site::new();
    site.news(
        "lien-ket-hong",
        "Liên kết hỏng",
        "Xem [bài không có](/tin-tuc/khong-co/) và [mục](/tin-tuc/dich/#khong-co-muc).\n\n![](anh.png)\n",
    );
    site.news("dich", "Đích", "## Mục có thật\n\nNội dung.");
    site.write(
        "content/tin-tuc/to-hop.md",
        "---\ntitle: Tổ hợp\n---\nTie\u{302}\u{301}ng Vie\u{323}\u{302}t\n",
    );
    site.write(
        "content/van-ban/thieu-tep/index.md",
        "---\ntitle: Thiếu tệp\ndocument:\n  type: Quyết định\n  number: 1/2026/QĐ-UBND\n  issuer: UBND tỉnh\n  issued: 2026-01-05\n  effective: 2026-01-20\n  excerpt: Trích yếu\n  file: khong-co.pdf\n---\nx\n",
    );
    let o = site.stp(&["check"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("check_problems_stdout", stdout(&o));
    insta::assert_snapshot!("check_problems_stderr", stderr(&o));
}

#[test]
fn check_json_is_machine_readable() {
    let site = Site::new();
    site.news("a", "A", "[x](/khong-co/)");
    let o = site.stp(&["check", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v = crate::kit::versioned_json(&stdout(&o));
    let first = &v["problems"][0];
    assert_eq!(first["kind"], "link");
    assert_eq!(first["file"], "content/tin-tuc/a.md");
    assert_eq!(first["line"], 6);
}

#[test]
fn check_fix_rewrites_decomposed_text_as_nfc() {
    let site = Site::new();
    site.write(
        "content/tin-tuc/to-hop.md",
        "---\ntitle: Tổ hợp\n---\nTie\u{302}\u{301}ng Vie\u{323}\u{302}t\n",
    );
    let o = site.stp(&["check", "--fix"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let fixed = std::fs::read_to_string(site.path("content/tin-tuc/to-hop.md")).unwrap();
    assert!(fixed.contains("Tiếng Việt"), "{fixed}");
}

#[test]
fn new_writes_the_front_matter_its_section_needs() {
    let site = Site::new();
    let o = site.stp(&["new", "hoi-dap", "Thủ tục đăng ký khai sinh cho con?"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "content/hoi-dap/thu-tuc-dang-ky-khai-sinh-cho-con.md\n"
    );
    let text =
        std::fs::read_to_string(site.path("content/hoi-dap/thu-tuc-dang-ky-khai-sinh-cho-con.md"))
            .unwrap();
    let today_free: String = text
        .lines()
        .map(|l| {
            if l.contains("20") && (l.starts_with("date:") || l.trim_start().starts_with("asked:"))
            {
                l.split(':').next().unwrap().to_string() + ": <today>"
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("new_qa_article", today_free);
    let o = site.stp(&["new", "khong-co", "Bài"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("site.toml has no section `khong-co`"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("hint: choose one of: gioi-thieu"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rendered_article_body() {
    let r = stp::render::markdown::render(
        "## Hồ sơ gồm\n\n1. Tờ khai\n2. Giấy chứng sinh[^1]\n\n| Lệ phí | Thời hạn |\n|---|---|\n| Miễn | 1 ngày |\n\n[^1]: Bản chính.\n\n```toml\ntitle = \"x\"\n```\n",
    );
    insta::assert_snapshot!("rendered_body", r.html);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' calendar holidays 2026 | head -n 1",
            env!("CARGO_BIN_EXE_stp")
        ))
        .output()
        .unwrap();
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}
