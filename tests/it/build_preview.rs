//! The builder end to end through the real binary: a preview of the working tree, output
//! that is byte-identical between builds, and output swapped in whole.

use crate::kit::site::{Site, staging_leftovers, tree};
use crate::kit::{stderr, stdout};

fn example_site() -> Site {
    let site = Site::new();
    site.news(
        "hoi-nghi-tong-ket",
        "Hội nghị tổng kết công tác tư pháp",
        "Sở Tư pháp tổ chức hội nghị.\n\n## Kết quả\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nXem [văn bản](/van-ban/qd-12/).",
    );
    site.write(
        "content/van-ban/qd-12/index.md",
        "---\ntitle: Quyết định 12\ndate: 2026-03-01\ndocument:\n  type: Quyết định\n  number: 12/2026/QĐ-UBND\n  issuer: UBND tỉnh Bình Phước\n  issued: 2026-03-01\n  effective: 2026-03-15\n  excerpt: Ban hành quy chế phối hợp\n  file: qd-12.pdf\n---\nToàn văn.\n",
    );
    site.write("content/van-ban/qd-12/qd-12.pdf", b"%PDF-1.4\n%stp test\n");
    site
}

#[test]
fn preview_builds_every_article_with_banner_and_noindex() {
    let site = example_site();
    let out = site.path("preview");
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("built a preview of 2 articles"),
        "{}",
        stdout(&o)
    );
    let page = std::fs::read_to_string(out.join("tin-tuc/hoi-nghi-tong-ket/index.html")).unwrap();
    assert!(page.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
    assert!(page.contains("BẢN XEM TRƯỚC"));
    assert!(page.contains("<h2 id=\"ket-qua\">Kết quả</h2>"));
    assert!(
        page.contains("<meta name=\"DC.title\" content=\"Hội nghị tổng kết công tác tư pháp\">")
    );
    assert_eq!(
        std::fs::read(out.join("van-ban/qd-12/qd-12.pdf")).unwrap(),
        b"%PDF-1.4\n%stp test\n"
    );
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert_eq!(robots, "User-agent: *\nDisallow: /\n");
    for f in [
        "sitemap.xml",
        "rss.xml",
        "atom.xml",
        "tin-tuc/rss.xml",
        "so-do-trang/index.html",
        "tim-kiem/index.html",
        "404.html",
        "the/tu-phap/index.html",
        "en/index.html",
    ] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
}

#[test]
fn preview_never_goes_to_public() {
    let site = example_site();
    let public = site.path("public");
    let o = site.stp(&["build", "--preview", "--out", public.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!public.exists());
}

#[test]
fn same_input_gives_byte_identical_output() {
    let site = example_site();
    let a = site.path("out-a");
    let b = site.path("out-b");
    for out in [&a, &b] {
        let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let (ta, tb) = (tree(&a), tree(&b));
    assert!(ta.len() > 50, "only {} files", ta.len());
    assert_eq!(ta.len(), tb.len());
    for ((pa, ba), (pb, bb)) in ta.iter().zip(&tb) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{pa} differs between two builds");
    }
}

#[test]
fn failed_build_leaves_previous_output_whole() {
    let site = example_site();
    let out = site.path("preview");
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = tree(&out);
    site.write("content/tin-tuc/hong.md", "---\ntitle: [unclosed\n---\nx\n");
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("content/tin-tuc/hong.md:2:"),
        "{}",
        stderr(&o)
    );
    assert_eq!(tree(&out), before);
    let leftovers = staging_leftovers(site.root());
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn killed_build_leaves_previous_output_whole() {
    let site = Site::new();
    for i in 0..1500 {
        site.news(
            &format!("bai-{i:04}"),
            &format!("Bài số {i}"),
            &"Sở Tư pháp tỉnh Bình Phước triển khai công tác phổ biến pháp luật. ".repeat(60),
        );
    }
    let out = site.path("preview");
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = tree(&out);
    site.news("bai-moi", "Bài mới", "Nội dung mới.");
    let mut killed = 0;
    for delay_ms in [30u64, 60, 120, 200] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stp"))
            .env("STP_LANG", "en")
            .arg("-C")
            .arg(site.root())
            .args(["build", "--preview", "--out", out.to_str().unwrap()])
            .env("SOURCE_DATE_EPOCH", "1795000000")
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
        let now = tree(&out);
        let complete_new = now.iter().any(|(p, _)| p == "tin-tuc/bai-moi/index.html");
        if complete_new {
            // The build finished before the kill: then it must be the whole new site.
            let paths: std::collections::HashSet<&String> = now.iter().map(|(p, _)| p).collect();
            assert!(
                before.iter().all(|(p, _)| paths.contains(p)),
                "a finished build is whole"
            );
            break;
        }
        assert!(
            now == before,
            "a killed build changed the output (delay {delay_ms} ms)"
        );
    }
    assert!(killed > 0, "no build was slow enough to kill");
    // The next build cleans up what the killed ones left behind.
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let leftovers = staging_leftovers(site.root());
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
