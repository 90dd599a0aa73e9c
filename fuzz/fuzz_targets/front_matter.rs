#![no_main]
//! An article file from a contributor: whatever its bytes, parsing it either gives an
//! article or an error that names the file, and never panics or runs away (alias bombs,
//! deep nesting, huge numbers, broken UTF-8). A parsed article renders without panicking,
//! and its body, held compressed, gives back the same text.

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use stp::content::{SiteConfig, parse_article};

fn config() -> &'static SiteConfig {
    static CONFIG: OnceLock<SiteConfig> = OnceLock::new();
    CONFIG.get_or_init(|| {
        SiteConfig::parse(Path::new("site.toml"), include_str!("../../examples/site/site.toml"))
            .expect("the repository's site.toml parses")
    })
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the section, so every section kind's schema is exercised.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let sections = &config().sections;
    let section = &sections[pick as usize % sections.len()].slug;
    let path = format!("content/{section}/bai/index.md");
    match parse_article(Path::new(&path), bytes, config()) {
        Ok(article) => {
            let text = article.body.text();
            let _ = stp::render::markdown::render(&text);
            // Held compressed, as a large site's bodies are, it gives back the same text.
            let mut packed = article.body.clone();
            packed.pack();
            assert_eq!(packed.text(), text);
            let _ = article.url_path();
        }
        Err(e) => assert!(
            e.to_string().starts_with(&path),
            "error without its file: {e}"
        ),
    }
});
