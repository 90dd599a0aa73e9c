//! Precompressed variants through the real binary: `stp build --compress` on a signed site
//! writes a `.gz` and a `.br` beside every text file over 512 bytes, each giving back the
//! file's bytes, and nothing beside pictures, PDFs, small files or the host's own files;
//! two builds are byte-identical, variants included; a withdrawn page's variants go with
//! it. A site that sets `compress = true` in `site.toml` gets them in its preview too.

use std::io::Read;
use std::path::Path;

use crate::kit::repo::Env;
use crate::kit::site::{Site, tree};

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("a gzip file");
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("a brotli file");
    out
}

/// Checks every variant under `dir` against its file; returns the files that have them.
fn files_with_variants(dir: &Path) -> Vec<String> {
    let files = tree(dir);
    let read = |rel: &str| files.iter().find(|(r, _)| r == rel).map(|(_, b)| b.clone());
    let mut with = Vec::new();
    for (rel, bytes) in &files {
        let (original, unpacked) = if let Some(original) = rel.strip_suffix(".gz") {
            (original, gunzip(bytes))
        } else if let Some(original) = rel.strip_suffix(".br") {
            (original, unbrotli(bytes))
        } else {
            continue;
        };
        let body = read(original).unwrap_or_else(|| panic!("{rel} without {original}"));
        assert_eq!(unpacked, body, "{rel} gives back {original}");
        if rel.ends_with(".gz") {
            assert!(read(&format!("{original}.br")).is_some(), "{original}.br");
            with.push(original.to_string());
        }
    }
    with
}

fn build_report(env: &Env, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["build", "--json"];
    all.extend_from_slice(args);
    crate::kit::versioned_json(&env.ok(&all))["report"].clone()
}

#[test]
fn the_public_build_has_variants_beside_its_text_files() {
    let env = Env::board();
    let body = "Sở Tư pháp tỉnh Đồng Nai thông báo lịch tiếp công dân. ".repeat(40);
    let first = env.draft("mot", &body);
    env.publish(&first);
    let report = build_report(&env, &["--compress"]);
    let public = env.site.join("public");
    let with = files_with_variants(&public);
    for rel in [
        "index.html",
        "404.html",
        "tin-tuc/index.html",
        "tin-tuc/mot/index.html",
        "rss.xml",
        "tim-kiem/index.html",
    ] {
        assert!(
            with.iter().any(|w| w == rel),
            "{rel} has variants: {with:?}"
        );
    }
    assert!(
        with.iter()
            .any(|w| w.starts_with("assets/style.") && w.ends_with(".css"))
    );
    // The search fragment holding the article's text.
    assert!(
        with.iter()
            .any(|w| w.starts_with("tim-kiem/d/0.") && w.ends_with(".json")),
        "{with:?}"
    );
    assert!(
        with.iter()
            .any(|w| w.starts_with("assets/site.") && w.ends_with(".js"))
    );
    for rel in &with {
        let size = std::fs::metadata(public.join(rel)).unwrap().len();
        assert!(size > 512, "{rel}: {size} bytes");
        assert!(!rel.ends_with(".gz") && !rel.ends_with(".br"), "{rel}");
    }
    // Every text file without them is small (the sitemap of one article, robots.txt).
    let mut small = 0;
    for (rel, bytes) in tree(&public) {
        let text = [".html", ".xml", ".json", ".css", ".js", ".txt", ".svg"]
            .iter()
            .any(|ext| rel.ends_with(ext));
        if text && !rel.starts_with('.') && !with.contains(&rel) {
            assert!(
                bytes.len() <= 512,
                "{rel}: {} bytes and no variants",
                bytes.len()
            );
            small += 1;
        }
    }
    assert!(small > 0, "a small text file is left alone");
    for rel in ["_headers", ".stp-build.json", ".stp-variants"] {
        assert!(public.join(rel).is_file(), "{rel}");
        assert!(
            !with.iter().any(|w| w == rel),
            "{rel} is not served, so no variant"
        );
    }
    assert_eq!(
        report["variants"].as_u64(),
        Some(2 * with.len() as u64),
        "{report}"
    );
    let counted = tree(&public)
        .iter()
        .filter(|(r, _)| !r.ends_with(".gz") && !r.ends_with(".br"))
        .count();
    assert_eq!(report["files"].as_u64(), Some(counted as u64), "{report}");

    // The same history twice: the same bytes, variants included.
    let before = tree(&public);
    env.ok(&["build", "--compress"]);
    assert_eq!(tree(&public), before);

    // A withdrawn article's variants go with its page.
    env.withdraw(&first, "Hết hiệu lực");
    env.ok(&["build", "--compress"]);
    for rel in ["tin-tuc/mot/index.html.gz", "tin-tuc/mot/index.html.br"] {
        assert!(!public.join(rel).exists(), "{rel}");
    }
    assert!(public.join("index.html.gz").is_file());

    // Without --compress (and a site that does not ask): none.
    let report = build_report(&env, &[]);
    assert_eq!(report["variants"], 0);
    assert!(files_with_variants(&public).is_empty());
}

#[test]
fn a_site_that_asks_for_variants_gets_them_in_its_preview() {
    let site = Site::new();
    let toml = std::fs::read_to_string(site.path("site.toml")).unwrap();
    site.news(
        "tin-dai",
        "Tin dài",
        &"Nội dung dài của bản tin. ".repeat(60),
    );
    let out = site.path("preview-out");
    let out_arg = out.to_str().unwrap();

    let plain = site.stp(&["build", "--preview", "--out", out_arg]);
    assert!(plain.status.success(), "{}", crate::kit::stderr(&plain));
    assert!(files_with_variants(&out).is_empty());

    site.write(
        "site.toml",
        toml.replacen("feeds = true\n", "feeds = true\ncompress = true\n", 1),
    );
    let asked = site.stp(&["build", "--preview", "--out", out_arg]);
    assert!(asked.status.success(), "{}", crate::kit::stderr(&asked));
    let with = files_with_variants(&out);
    assert!(
        with.iter().any(|w| w == "tin-tuc/tin-dai/index.html"),
        "{with:?}"
    );
    assert!(
        crate::kit::stdout(&asked).contains("precompressed variants"),
        "{}",
        crate::kit::stdout(&asked)
    );
}
