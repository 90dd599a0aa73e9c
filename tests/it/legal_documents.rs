//! The legal-document section at scale: 5,000 generated documents (built in `/dev/shm`)
//! make a paginated section with filter pages by type, issuer, year and field, each
//! paginated too, and every HTML page stays under the 100 KB page budget.

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

#[test]
fn five_thousand_documents_make_paginated_filters_under_the_budget() {
    // Generated corpora go to memory, never to disk.
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let root = dir.path();
    let toml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/site/site.toml"
    ))
    .unwrap();
    kit::write(&root.join("site.toml"), toml);
    for i in 0..DOCUMENTS {
        kit::write(
            &root.join(format!("content/van-ban/vb-{i:04}.md")),
            document(i),
        );
    }
    let out = root.join("out");
    drop(Incremental::new(root, &out, &RenderOptions::default()).unwrap());

    let mut pages = Vec::new();
    html_files(&out, &mut pages);
    assert!(pages.len() > DOCUMENTS, "{} pages", pages.len());
    let heavy: Vec<&(String, usize)> = pages.iter().filter(|(_, n)| *n >= BUDGET).collect();
    assert!(heavy.is_empty(), "over 100 KB: {heavy:?}");

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

    // The theme writes `/` in attributes as `&#x2f;`.
    let html = std::fs::read_to_string(page("van-ban/loai/nghi-dinh/trang/2"))
        .unwrap()
        .replace("&#x2f;", "/");
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
