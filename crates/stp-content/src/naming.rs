//! Naming an article the short way. A person types the slug (`dang-ky-khai-sinh`), or the
//! section and slug (`thu-tuc-hanh-chinh/dang-ky-khai-sinh`), instead of the file's path
//! (`content/thu-tuc-hanh-chinh/dang-ky-khai-sinh.md`); `.en` after it names the English
//! version. This module lists the articles in the working tree that a name fits, so the
//! caller can take the one, or refuse an unknown or ambiguous name and show the choices.

use std::path::Path;

use super::paths::RECORD_DIR;

/// The repository paths (`content/…`, sorted) of the articles `name` fits: the article's
/// short name is its path under `content/` without `.md` and without a bundle's `/index`
/// (`tin-tuc/hoi-nghi`, `gioi-thieu/co-cau-to-chuc`, `lien-he/ban-bien-tap.en`), and `name`
/// fits it when it is that short name or its ending after a `/`. Symbolic links and the
/// record folders that intake keeps are not followed; leading and trailing `/` are ignored.
pub fn articles_named(root: &Path, name: &str) -> Vec<String> {
    let name = name.trim_matches('/');
    if name.is_empty() || name.split('/').any(|part| part.is_empty() || part == "..") {
        return Vec::new();
    }
    let content = root.join("content");
    let mut found: Vec<String> = walkdir::WalkDir::new(&content)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.file_name() != RECORD_DIR)
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let relative = e.path().strip_prefix(&content).ok()?;
            let relative = relative.to_str()?.replace('\\', "/");
            let short = short_name(&relative)?;
            let fits = short == name
                || (short.len() > name.len()
                    && short.ends_with(name)
                    && short.as_bytes()[short.len() - name.len() - 1] == b'/');
            fits.then(|| format!("content/{relative}"))
        })
        .collect();
    found.sort();
    found
}

/// `tin-tuc/a.md` → `tin-tuc/a`; `gioi-thieu/b/index.en.md` → `gioi-thieu/b.en`; a section's
/// own page (`_index.md`) and anything not Markdown → none.
fn short_name(relative: &str) -> Option<String> {
    let stem = relative.strip_suffix(".md")?;
    let (path, lang) = match stem.strip_suffix(".en") {
        Some(p) => (p, ".en"),
        None => (stem, ""),
    };
    let file = path.rsplit('/').next()?;
    if file.starts_with('_') {
        return None;
    }
    let path = path.strip_suffix("/index").unwrap_or(path);
    if path == "index" || path.is_empty() {
        return None;
    }
    Some(format!("{path}{lang}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "---\ntitle: x\n---\n").unwrap();
        }
        dir
    }

    #[test]
    fn a_slug_a_section_and_slug_a_bundle_and_the_english_version() {
        let d = site(&[
            "content/tin-tuc/hoi-nghi.md",
            "content/tin-tuc/_index.md",
            "content/van-ban/qd-12/index.md",
            "content/van-ban/qd-12/qd-12.pdf",
            "content/lien-he/ban-bien-tap.md",
            "content/lien-he/ban-bien-tap.en.md",
            "content/gioi-thieu/co-cau/index.en.md",
        ]);
        let r = d.path();
        assert_eq!(
            articles_named(r, "hoi-nghi"),
            ["content/tin-tuc/hoi-nghi.md"]
        );
        assert_eq!(
            articles_named(r, "tin-tuc/hoi-nghi/"),
            ["content/tin-tuc/hoi-nghi.md"]
        );
        assert_eq!(
            articles_named(r, "qd-12"),
            ["content/van-ban/qd-12/index.md"]
        );
        assert_eq!(
            articles_named(r, "ban-bien-tap"),
            ["content/lien-he/ban-bien-tap.md"]
        );
        assert_eq!(
            articles_named(r, "ban-bien-tap.en"),
            ["content/lien-he/ban-bien-tap.en.md"]
        );
        assert_eq!(
            articles_named(r, "co-cau.en"),
            ["content/gioi-thieu/co-cau/index.en.md"]
        );
        assert!(
            articles_named(r, "co-cau").is_empty(),
            "no Vietnamese version"
        );
        assert!(
            articles_named(r, "tin-tuc").is_empty(),
            "a section is not an article"
        );
        assert!(articles_named(r, "_index").is_empty());
        assert!(articles_named(r, "nghi").is_empty(), "whole names only");
    }

    #[test]
    fn the_same_slug_in_two_sections_gives_both_and_a_section_picks_one() {
        let d = site(&[
            "content/tin-tuc/tap-huan.md",
            "content/hoi-nghi/tap-huan.md",
        ]);
        assert_eq!(
            articles_named(d.path(), "tap-huan"),
            [
                "content/hoi-nghi/tap-huan.md",
                "content/tin-tuc/tap-huan.md"
            ]
        );
        assert_eq!(
            articles_named(d.path(), "tin-tuc/tap-huan"),
            ["content/tin-tuc/tap-huan.md"]
        );
    }

    #[test]
    fn climbing_out_and_empty_names_find_nothing_and_record_folders_are_skipped() {
        let d = site(&[
            "content/tin-tuc/a.md",
            "content/tin-tuc/b/nguon/a.md",
            "outside.md",
        ]);
        assert_eq!(articles_named(d.path(), "a"), ["content/tin-tuc/a.md"]);
        assert!(articles_named(d.path(), "../outside").is_empty());
        assert!(articles_named(d.path(), "").is_empty());
        assert!(articles_named(d.path(), "//").is_empty());
        assert!(articles_named(d.path(), "tin-tuc//a").is_empty());
    }
}
