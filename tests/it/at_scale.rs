//! The pages that grow with the site, at scale (generated sites built in `/dev/shm`):
//! 5,000 legal documents make a paginated section with filter pages by type, issuer, year
//! and field, each paginated too, and 800 tags an HTML sitemap over several pages; every
//! HTML page stays under the 100 KB page budget.

use std::path::Path;

use crate::kit;
use stp::render::{Incremental, RenderOptions};

const DOCUMENTS: usize = 5_000;
const BUDGET: usize = 100 * 1024;

const TYPES: [&str; 8] = [
    "Luật",
    "Nghị định",
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Kế hoạch",
    "Công văn",
];
const FIELDS: [&str; 6] = [
    "Hộ tịch",
    "Lý lịch tư pháp",
    "Công chứng",
    "Phổ biến, giáo dục pháp luật",
    "Bồi thường nhà nước",
    "Trợ giúp pháp lý",
];

fn issuer(i: usize) -> String {
    match i % 5 {
        0 => "Chính phủ".into(),
        1 => "Bộ Tư pháp".into(),
        2 => "Ủy ban nhân dân tỉnh Đồng Nai".into(),
        _ => format!("Ủy ban nhân dân huyện số {}", i % 40),
    }
}

fn document(i: usize) -> String {
    let year = 2000 + i % 27;
    let (m, d) = (1 + i % 12, 1 + i % 28);
    format!(
        "---\ntitle: \"{ty} {i}/{year} về việc quy định chi tiết một số điều của văn bản số {i} trong lĩnh vực tư pháp\"\ndate: {year}-{m:02}-{d:02} 08:00\ndocument:\n  type: \"{ty}\"\n  number: \"{i}/{year}/VB\"\n  issuer: \"{issuer}\"\n  issued: {year}-{m:02}-{d:02}\n  effective: {year}-{m:02}-{d:02}\n  excerpt: \"Quy định chi tiết một số điều và biện pháp thi hành văn bản số {i} về công tác tư pháp trên địa bàn tỉnh\"\n  file: \"https://vbpl.vn/van-ban/{i}.pdf\"\n  field: \"{field}\"\n---\nNội dung văn bản {i}.\n",
        ty = TYPES[i % TYPES.len()],
        issuer = issuer(i),
        field = FIELDS[i % FIELDS.len()],
    )
}

/// Every `.html` file under `dir`, with its size.
fn html_files(dir: &Path, out: &mut Vec<(String, usize)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let path = e.path();
        if e.file_type().unwrap().is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "html") {
            out.push((
                path.display().to_string(),
                e.metadata().unwrap().len() as usize,
            ));
        }
    }
}

/// A site with the example site's settings in a temporary folder in memory.
fn scratch_site() -> tempfile::TempDir {
    // Generated corpora go to memory, never to disk.
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let toml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/site/site.toml"
    ))
    .unwrap();
    kit::write(&dir.path().join("site.toml"), toml);
    dir
}

/// Builds the preview of `root` into `root/out` and checks that no HTML page is over the
/// budget; returns the output folder and how many HTML pages it has.
fn build_within_budget(root: &Path) -> (std::path::PathBuf, usize) {
    let out = root.join("out");
    drop(Incremental::new(root, &out, &RenderOptions::default()).unwrap());
    let mut pages = Vec::new();
    html_files(&out, &mut pages);
    let heavy: Vec<&(String, usize)> = pages.iter().filter(|(_, n)| *n >= BUDGET).collect();
    assert!(heavy.is_empty(), "over 100 KB: {heavy:?}");
    (out, pages.len())
}

#[test]
fn many_tags_split_the_html_sitemap_under_the_budget() {
    let dir = scratch_site();
    let root = dir.path();
    for i in 0..400 {
        kit::write(
            &root.join(format!("content/tin-tuc/bai-{i:03}.md")),
            format!(
                "---\ntitle: \"Bài {i}\"\ndate: 2026-10-{:02} 08:00\nsummary: \"Tóm tắt\"\ntags: [\"Chủ đề pháp luật số {i} thứ nhất\", \"Chủ đề pháp luật số {i} thứ hai\"]\n---\nNội dung.\n",
                1 + i % 28
            ),
        );
    }
    let (out, _) = build_within_budget(root);
    let page = |rel: &str| out.join(rel).join("index.html");
    // 800 tags at 300 a page.
    assert!(page("so-do-trang/trang/3").is_file());
    assert!(!page("so-do-trang/trang/4").exists());
    let first = std::fs::read_to_string(page("so-do-trang")).unwrap();
    assert!(
        first.contains("href=\"/tin-tuc/\""),
        "sections lead the first page"
    );
    assert!(
        first.contains("href=\"/so-do-trang/trang/3/\""),
        "the pager"
    );
    let tags_on = |rel: &str| {
        std::fs::read_to_string(page(rel))
            .unwrap()
            .matches("href=\"/the/")
            .count()
    };
    assert_eq!(
        tags_on("so-do-trang") + tags_on("so-do-trang/trang/2") + tags_on("so-do-trang/trang/3"),
        800,
        "every tag once"
    );
}

#[test]
fn five_thousand_documents_make_paginated_filters_under_the_budget() {
    let dir = scratch_site();
    let root = dir.path();
    for i in 0..DOCUMENTS {
        kit::write(
            &root.join(format!("content/van-ban/vb-{i:04}.md")),
            document(i),
        );
    }
    let (out, pages) = build_within_budget(root);
    assert!(pages > DOCUMENTS, "{pages} pages");

    // The section is paginated as any list (10 a page in the example site).
    let page = |rel: &str| out.join(rel).join("index.html");
    assert!(page("van-ban/trang/500").is_file());
    assert!(!page("van-ban/trang/501").exists());
    // Each filter has its pages: 625 documents of each type, 5 of 27 years' 185…
    assert!(page("van-ban/loai/nghi-dinh/trang/63").is_file());
    assert!(!page("van-ban/loai/nghi-dinh/trang/64").exists());
    assert!(page("van-ban/co-quan/bo-tu-phap/trang/100").is_file());
    assert!(page("van-ban/nam/2026/trang/2").is_file());
    assert!(page("van-ban/linh-vuc/ly-lich-tu-phap/trang/2").is_file());

    let html = std::fs::read_to_string(page("van-ban/loai/nghi-dinh/trang/2")).unwrap();
    // The navigation: every filter with its count, this one marked.
    assert!(
        html.contains("<a href=\"/van-ban/loai/nghi-dinh/\" aria-current=\"page\">Nghị định</a> <span class=\"meta\">(625)</span>"),
        "{html}"
    );
    assert!(html.contains("href=\"/van-ban/co-quan/chinh-phu/\""));
    assert!(html.contains("href=\"/van-ban/nam/2000/\""));
    assert!(html.contains("href=\"/van-ban/linh-vuc/cong-chung/\""));
    assert!(
        html.contains("href=\"/van-ban/loai/nghi-dinh/trang/3/\""),
        "the pager"
    );
    // Its table shows Nghị định only, ten of them.
    assert_eq!(
        html.matches("<td data-label=\"Loại văn bản\">Nghị định</td>")
            .count(),
        10
    );
    assert_eq!(html.matches("<td data-label=\"Loại văn bản\">").count(), 10);
}
