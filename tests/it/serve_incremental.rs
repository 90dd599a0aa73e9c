//! The preview server's incremental rebuild: after each kind of change, the output is
//! byte-identical to a full build of the same tree, and only touched pages were written.
//! Then the real `stp serve` process: an edit shows up over HTTP.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use crate::kit;
use crate::kit::site::{Site, tree};
use stp::render::{Incremental, RenderOptions};

fn site_with(n: usize) -> Site {
    let site = Site::new();
    for i in 0..n {
        site.write(
            &format!("content/tin-tuc/bai-{i:03}.md"),
            format!(
                "---\ntitle: \"Bài {i}\"\ndate: 2026-10-{:02} 08:00\nsummary: \"Tóm tắt {i}\"\ntags: [{}]\n---\nNội dung {i}.\n",
                1 + i % 28,
                if i % 2 == 0 { "chẵn" } else { "lẻ" }
            ),
        );
    }
    site
}

/// `stp serve`'s model of `site`, built into its `serve-out` folder.
fn serve(site: &Site, options: &RenderOptions) -> (PathBuf, Incremental) {
    let out = site.path("serve-out");
    let live = Incremental::new(site.root(), &out, options).unwrap();
    (out, live)
}

/// A full build of the same tree, for comparison.
fn full_build(site: &Site, options: &RenderOptions) -> Vec<(String, Vec<u8>)> {
    let out = site.path("full");
    let _ = std::fs::remove_dir_all(&out);
    drop(Incremental::new(site.root(), &out, options).unwrap());
    let t = tree(&out);
    std::fs::remove_dir_all(&out).unwrap();
    t
}

/// The builder reads the build date from `SOURCE_DATE_EPOCH` in this process: the test runs
/// in a process of its own with it pinned (a variable set here would reach every test).
/// Returns whether this is that process, where the test's body runs.
fn with_pinned_date(test: &str) -> bool {
    kit::in_own_process(module_path!(), test, &[("SOURCE_DATE_EPOCH", "1795000000")])
}

#[test]
fn each_kind_of_change_matches_a_full_build() {
    if !with_pinned_date("each_kind_of_change_matches_a_full_build") {
        return;
    }
    each_change_matches_a_full_build(&RenderOptions::default());
}

/// With precompressed variants: each page's are rewritten with it, a removed page's go.
#[test]
fn each_kind_of_change_matches_a_full_build_with_variants() {
    if !with_pinned_date("each_kind_of_change_matches_a_full_build_with_variants") {
        return;
    }
    let options = RenderOptions {
        compress: true,
        ..RenderOptions::default()
    };
    each_change_matches_a_full_build(&options);
}

fn each_change_matches_a_full_build(options: &RenderOptions) {
    let site = site_with(35);
    let (out, mut live) = serve(&site, options);
    let variants =
        |tree: &[(String, Vec<u8>)]| tree.iter().filter(|(r, _)| r.ends_with(".gz")).count();
    assert_eq!(variants(&tree(&out)) > 0, options.compress);
    let rel = |p: &str| vec![PathBuf::from(p)];

    // A body-only edit rewrites its own page and the search index, and no other page.
    let before = tree(&out);
    assert_eq!(search_fragments(&before), named_by_search_page(&before));
    site.write(
        "content/tin-tuc/bai-007.md",
        "---\ntitle: \"Bài 7\"\ndate: 2026-10-08 08:00\nsummary: \"Tóm tắt 7\"\ntags: [lẻ]\n---\nNội dung đã sửa.\n",
    );
    let u = live.update(&rel("content/tin-tuc/bai-007.md")).unwrap();
    assert!(!u.full);
    assert!(
        u.files > 1,
        "a body edit writes its page and the search index"
    );
    let after = tree(&out);
    let written_pages: Vec<&String> = after
        .iter()
        .map(|(r, _)| r)
        .filter(|r| r.ends_with(".html") && !r.ends_with("tim-kiem/index.html"))
        .filter(|r| {
            before.iter().find(|(b, _)| b == *r).map(|(_, x)| x)
                != after.iter().find(|(a, _)| a == *r).map(|(_, x)| x)
        })
        .collect();
    assert_eq!(
        written_pages,
        ["tin-tuc/bai-007/index.html"],
        "the only page that changed"
    );
    // The new body is searchable: the fragments are those the search page names, some of
    // them renamed (their content changed), as many as before, one holding the new words.
    let fragments = search_fragments(&after);
    assert_eq!(fragments, named_by_search_page(&after));
    assert_eq!(fragments.len(), search_fragments(&before).len());
    assert_ne!(fragments, search_fragments(&before));
    assert!(after.iter().any(|(r, b)| r.contains("/t/")
        && r.ends_with(".json")
        && String::from_utf8_lossy(b).contains("\"sửa\"")));
    assert_eq!(after, full_build(&site, options));
    let page = std::fs::read_to_string(out.join("tin-tuc/bai-007/index.html")).unwrap();
    assert!(page.contains("Nội dung đã sửa."));

    // A new title moves the article in lists: lists, feeds and indexes follow.
    site.write(
        "content/tin-tuc/bai-007.md",
        "---\ntitle: \"Bài 7 đổi tên\"\ndate: 2026-10-30 08:00\nsummary: \"Tóm tắt mới\"\ntags: [lẻ, mới]\n---\nNội dung đã sửa.\n",
    );
    let u = live.update(&rel("content/tin-tuc/bai-007.md")).unwrap();
    assert!(!u.full && u.files > 1);
    assert_eq!(tree(&out), full_build(&site, options));

    // A new article and a removed one.
    site.write(
        "content/tin-tuc/bai-moi.md",
        "---\ntitle: \"Bài mới\"\ndate: 2026-11-01\n---\nMới.\n",
    );
    live.update(&rel("content/tin-tuc/bai-moi.md")).unwrap();
    assert_eq!(tree(&out), full_build(&site, options));
    std::fs::remove_file(site.path("content/tin-tuc/bai-003.md")).unwrap();
    live.update(&rel("content/tin-tuc/bai-003.md")).unwrap();
    assert_eq!(tree(&out), full_build(&site, options));
    assert!(!out.join("tin-tuc/bai-003/index.html.gz").exists());
    assert_eq!(
        search_fragments(&tree(&out)),
        named_by_search_page(&tree(&out)),
        "no fragment of an older index is left"
    );

    // A theme or settings change rebuilds everything.
    let toml = std::fs::read_to_string(site.path("site.toml")).unwrap();
    site.write("site.toml", toml.replace("page_size = 10", "page_size = 7"));
    let u = live.update(&rel("site.toml")).unwrap();
    assert!(u.full);
    assert_eq!(tree(&out), full_build(&site, options));
}

/// The Vietnamese search index's fragments (`tim-kiem/t/…`, `tim-kiem/d/…`, without
/// their variants) of a built tree.
fn search_fragments(tree: &[(String, Vec<u8>)]) -> std::collections::BTreeSet<String> {
    tree.iter()
        .filter_map(|(r, _)| r.strip_prefix("tim-kiem/"))
        .filter(|r| r.ends_with(".json") && (r.starts_with("t/") || r.starts_with("d/")))
        .map(str::to_string)
        .collect()
}

/// The fragments the Vietnamese search page names: its term shards' digests one by one,
/// its result fragments' one per group (as `search.js` makes the names).
fn named_by_search_page(tree: &[(String, Vec<u8>)]) -> std::collections::BTreeSet<String> {
    let page = tree
        .iter()
        .find(|(r, _)| r == "tim-kiem/index.html")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap();
    let attr = |name: &str| -> String {
        let from = page.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        page[from..from + page[from..].find('"').unwrap()].to_string()
    };
    let (t, d) = (attr("data-t"), attr("data-d"));
    let docs: usize = attr("data-docs").parse().unwrap();
    let chunk: usize = attr("data-chunk").parse().unwrap();
    let group: usize = attr("data-group").parse().unwrap();
    let t = (0..t.len() / 8).map(|n| format!("t/{n}.{}.json", &t[n * 8..n * 8 + 8]));
    let d = (0..docs.div_ceil(chunk))
        .map(|n| format!("d/{n}.{}.json", &d[n / group * 8..n / group * 8 + 8]));
    t.chain(d).collect()
}

#[test]
fn a_broken_edit_is_reported_and_the_output_kept() {
    if !with_pinned_date("a_broken_edit_is_reported_and_the_output_kept") {
        return;
    }
    let site = site_with(5);
    let (out, mut live) = serve(&site, &RenderOptions::default());
    let before = tree(&out);
    site.write("content/tin-tuc/bai-001.md", "---\ntitle: [hỏng\n---\nx\n");
    let err = live
        .update(&[PathBuf::from("content/tin-tuc/bai-001.md")])
        .unwrap_err();
    assert!(
        err.to_string().contains("content/tin-tuc/bai-001.md:2"),
        "{err}"
    );
    assert_eq!(tree(&out), before);
}

#[test]
fn stp_serve_rebuilds_an_edited_article() {
    let site = site_with(3);
    // Any free port: the printed line says which one stp bound.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stp"))
        .env("STP_LANG", "en")
        .arg("-C")
        .arg(site.root())
        .args(["serve", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut wait_for = |needle: &str| kit::wait_for_line(&mut lines, needle);
    let serving = wait_for("serving a preview");
    let port = kit::port_in(&serving);
    assert_ne!(port, 0, "{serving}");
    let page = kit::http_get(port, "/tin-tuc/bai-001/");
    assert!(
        page.starts_with("HTTP/1.1 200") || page.starts_with("HTTP/1.0 200"),
        "{page}"
    );
    assert!(
        page.contains("/__stp/version"),
        "live reload script missing"
    );
    site.write(
        "content/tin-tuc/bai-001.md",
        "---\ntitle: \"Bài 1\"\ndate: 2026-10-02 08:00\nsummary: \"Tóm tắt 1\"\ntags: [lẻ]\n---\nĐÃ SỬA QUA SERVE.\n",
    );
    let line = wait_for("rebuilt after");
    assert!(
        line.contains("files") || line.contains("whole site"),
        "{line}"
    );
    let page = kit::http_get(port, "/tin-tuc/bai-001/");
    assert!(page.contains("ĐÃ SỬA QUA SERVE."));
    assert!(kit::http_get(port, "/khong-co/").contains("404"));
    assert!(kit::http_get(port, "/../../etc/passwd").contains("404"));
    child.kill().unwrap();
    child.wait().unwrap();
}

/// `stp serve` speaks the run's language: with none chosen, Vietnamese, its lines on
/// stdout and a refused edit on stderr naming the file and line (the preview stays up,
/// and the next good edit rebuilds it).
#[test]
fn stp_serve_speaks_vietnamese_by_default() {
    let site = site_with(2);
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_stp"));
    for name in ["STP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    let mut child = command
        .arg("-C")
        .arg(site.root())
        .args(["serve", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Both streams' lines, as they come, on one channel.
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let out = BufReader::new(child.stdout.take().unwrap());
    let err = BufReader::new(child.stderr.take().unwrap());
    for lines in [
        Box::new(out.lines()) as Box<dyn Iterator<Item = std::io::Result<String>> + Send>,
        Box::new(err.lines()),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || lines.map_while(Result::ok).for_each(|l| drop(tx.send(l))));
    }
    let next = |needle: &str, seconds: u64| {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        while let Some(left) = until.checked_duration_since(std::time::Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return Some(line),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        None
    };
    let built = next("đã dựng bản xem trước", 120).expect("the first build's line");
    assert!(built.contains("2 tin, bài trong"), "{built}");
    let serving = next("đang phục vụ bản xem trước của", 30).expect("the serving line");
    assert!(serving.ends_with("/ (Ctrl-C để dừng)"), "{serving}");
    assert_ne!(kit::port_in(&serving), 0, "{serving}");
    // The watcher starts after that line: an edit is made again until it is seen.
    let bad = "---\ntitle: \"Bài 1\"\nfoo: 1\n---\nx\n";
    let refused = (0..10)
        .find_map(|n| {
            site.write(
                "content/tin-tuc/bai-001.md",
                bad.replace('x', &"x".repeat(n + 1)),
            );
            next("lỗi: ", 3)
        })
        .expect("a refusal of the bad edit");
    assert_eq!(
        refused.split(" chỉ dùng").next().unwrap(),
        "lỗi: content/tin-tuc/bai-001.md:3: phần đầu (front matter) có trường `foo` không được dùng;"
    );
    site.write(
        "content/tin-tuc/bai-001.md",
        "---\ntitle: \"Bài 1\"\ndate: 2026-10-02 08:00\n---\nĐÃ SỬA.\n",
    );
    let rebuilt = next("đã dựng lại sau 1 thay đổi trong", 60).expect("the rebuild's line");
    assert!(
        rebuilt.ends_with(" tệp)") || rebuilt.ends_with("(toàn bộ trang)"),
        "{rebuilt}"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

/// A list that loses its last page: the page goes, as a full build has no such page.
#[test]
fn a_list_that_shrinks_by_a_page_matches_a_full_build() {
    if !with_pinned_date("a_list_that_shrinks_by_a_page_matches_a_full_build") {
        return;
    }
    let options = RenderOptions::default();
    let site = site_with(11);
    let (out, mut live) = serve(&site, &options);
    assert!(
        out.join("tin-tuc/trang/2/index.html").is_file(),
        "two pages to start"
    );
    std::fs::remove_file(site.path("content/tin-tuc/bai-004.md")).unwrap();
    live.update(&[PathBuf::from("content/tin-tuc/bai-004.md")])
        .unwrap();
    assert!(
        !out.join("tin-tuc/trang/2/index.html").exists(),
        "the second page went"
    );
    assert!(!out.join("tin-tuc/trang").exists(), "and its empty folders");
    assert_eq!(tree(&out), full_build(&site, &options));

    // A tag that no article carries any more: its page goes too.
    let article = |tag: &str| {
        format!(
            "---\ntitle: \"Bài 1\"\ndate: 2026-10-02 08:00\nsummary: \"Tóm tắt 1\"\ntags: [{tag}]\n---\nNội dung 1.\n"
        )
    };
    let one = vec![PathBuf::from("content/tin-tuc/bai-001.md")];
    site.write("content/tin-tuc/bai-001.md", article("tạm thời"));
    live.update(&one).unwrap();
    assert_eq!(tree(&out), full_build(&site, &options));
    let tags_before = tree(&out)
        .iter()
        .filter(|(r, _)| r.starts_with("the/"))
        .count();
    site.write("content/tin-tuc/bai-001.md", article("lẻ"));
    live.update(&one).unwrap();
    let tags_after = tree(&out)
        .iter()
        .filter(|(r, _)| r.starts_with("the/"))
        .count();
    assert!(tags_after < tags_before, "{tags_before} -> {tags_after}");
    assert_eq!(tree(&out), full_build(&site, &options));
}

/// A legal document in the section `van-ban` of the example site.
fn legal(i: usize, doc_type: &str, issuer: &str, year: u32, body: &str) -> String {
    format!(
        "---\ntitle: \"Văn bản {i}\"\ndate: {year}-03-{:02} 08:00\nsummary: \"Tóm tắt {i}\"\ndocument:\n  type: \"{doc_type}\"\n  number: \"{i}/{year}/QĐ-UBND\"\n  issuer: \"{issuer}\"\n  issued: {year}-03-{:02}\n  effective: {year}-04-01\n  excerpt: \"Trích yếu {i}\"\n  file: \"https://vbpl.vn/van-ban-{i}.pdf\"\n  field: \"Hộ tịch\"\n---\n{body}\n",
        1 + i % 28,
        1 + i % 28,
    )
}

/// Legal documents move between the section's filter pages: every kind of edit (body
/// only, a new type, a new document, one removed so its filter goes) leaves the output as a
/// full build of the same tree would.
#[test]
fn a_legal_document_edit_matches_a_full_build() {
    if !with_pinned_date("a_legal_document_edit_matches_a_full_build") {
        return;
    }
    let options = RenderOptions::default();
    let site = site_with(3);
    for i in 0..12 {
        let doc_type = if i % 3 == 0 {
            "Chỉ thị"
        } else {
            "Quyết định"
        };
        site.write(
            &format!("content/van-ban/vb-{i:02}.md"),
            legal(i, doc_type, "UBND tỉnh", 2020 + (i % 3) as u32, "Nội dung."),
        );
    }
    let (out, mut live) = serve(&site, &options);
    assert!(
        out.join("van-ban/trang/2/index.html").is_file(),
        "paginated"
    );
    assert!(out.join("van-ban/loai/quyet-dinh/index.html").is_file());
    assert!(out.join("van-ban/nam/2021/index.html").is_file());
    let one = vec![PathBuf::from("content/van-ban/vb-04.md")];

    // A body-only edit: its own page, in place.
    site.write(
        "content/van-ban/vb-04.md",
        legal(4, "Quyết định", "UBND tỉnh", 2021, "Nội dung đã sửa."),
    );
    let u = live.update(&one).unwrap();
    assert!(!u.full, "{u:?}");
    assert_eq!(tree(&out), full_build(&site, &options));

    // A new type: a filter page appears.
    site.write(
        "content/van-ban/vb-04.md",
        legal(4, "Nghị quyết", "HĐND tỉnh", 2021, "Nội dung đã sửa."),
    );
    live.update(&one).unwrap();
    assert!(out.join("van-ban/loai/nghi-quyet/index.html").is_file());
    assert!(out.join("van-ban/co-quan/hdnd-tinh/index.html").is_file());
    assert_eq!(tree(&out), full_build(&site, &options));

    // Removed: its filters (the only Nghị quyết, the only HĐND document) go.
    std::fs::remove_file(site.path("content/van-ban/vb-04.md")).unwrap();
    live.update(&one).unwrap();
    assert!(!out.join("van-ban/loai/nghi-quyet").exists());
    assert!(!out.join("van-ban/co-quan/hdnd-tinh").exists());
    assert_eq!(tree(&out), full_build(&site, &options));

    // A new document, in English too: the English section gets its filters.
    site.write(
        "content/van-ban/vb-20.md",
        legal(20, "Quyết định", "UBND tỉnh", 2026, "Nội dung."),
    );
    site.write(
        "content/van-ban/vb-20.en.md",
        legal(
            20,
            "Decision",
            "Provincial People's Committee",
            2026,
            "Text.",
        ),
    );
    live.update(&[
        PathBuf::from("content/van-ban/vb-20.md"),
        PathBuf::from("content/van-ban/vb-20.en.md"),
    ])
    .unwrap();
    assert!(out.join("en/van-ban/loai/decision/index.html").is_file());
    assert_eq!(tree(&out), full_build(&site, &options));
}

/// `stp serve` writes an edited page first and the search index after: between the two
/// only the search index differs from a full build, and after `finish` nothing does.
#[test]
fn the_page_comes_first_and_the_search_index_after() {
    if !with_pinned_date("the_page_comes_first_and_the_search_index_after") {
        return;
    }
    let options = RenderOptions::default();
    let site = site_with(12);
    let (out, mut live) = serve(&site, &options);
    let before = tree(&out);
    site.write(
        "content/tin-tuc/bai-003.md",
        "---\ntitle: \"Bài 3\"\ndate: 2026-10-04 08:00\nsummary: \"Tóm tắt 3\"\ntags: [lẻ]\n---\nMột từ mới: kiểmtoán.\n",
    );
    let u = live
        .update_pages(&[PathBuf::from("content/tin-tuc/bai-003.md")])
        .unwrap();
    assert!(!u.full && live.search_pending());
    let between = tree(&out);
    let page = |t: &[(String, Vec<u8>)]| {
        t.iter()
            .find(|(r, _)| r == "tin-tuc/bai-003/index.html")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap()
    };
    assert!(
        page(&between).contains("kiểmtoán"),
        "the page is written at once"
    );
    assert_eq!(
        search_fragments(&between),
        search_fragments(&before),
        "the index waits"
    );
    let full = full_build(&site, &options);
    let outside = |t: &[(String, Vec<u8>)]| -> Vec<(String, Vec<u8>)> {
        t.iter()
            .filter(|(r, _)| !r.contains("tim-kiem/"))
            .cloned()
            .collect()
    };
    assert_eq!(outside(&between), outside(&full));
    assert!(live.finish().unwrap() > 0);
    assert!(!live.search_pending());
    assert_eq!(tree(&out), full);
}
