#![no_main]
//! `site.toml` as a user may write it: any text either parses or is refused with an error
//! naming the file, never a panic.

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use stp::content::SiteConfig;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = SiteConfig::parse(Path::new("site.toml"), text) {
            assert!(
                e.to_string().starts_with("site.toml"),
                "error without its file: {e}"
            );
        }
    }
});
