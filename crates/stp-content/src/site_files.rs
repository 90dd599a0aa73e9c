//! The site files a build reads besides the articles: `site.toml`, and the files under
//! `themes/` and `static/`. The public build gets them from the ledger (the last approved
//! version, read from git); a preview reads the working tree, where a symbolic link
//! anywhere on the way is refused, so nothing outside the repository is ever read.

use std::collections::BTreeMap;
use std::path::Path;

use super::config::{MAX_SETTINGS_BYTES, SiteConfig};
use super::error::ContentError;
use super::paths::{check_entry, check_inside, read_limited};
use super::source::relative;

/// The settings file, relative to the repository.
pub const SETTINGS_FILE: &str = "site.toml";

/// The folders of site files, relative to the repository.
pub const SITE_DIRS: [&str; 2] = ["themes", "static"];

/// The largest site file read.
pub const MAX_SITE_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The site files: repository-relative path (`site.toml`, `themes/…`, `static/…`) → bytes.
#[derive(Debug, Clone, Default)]
pub struct SiteFiles {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl SiteFiles {
    /// The settings, parsed and checked.
    pub fn config(&self) -> Result<SiteConfig, ContentError> {
        let path = Path::new(SETTINGS_FILE);
        let bytes = self.files.get(SETTINGS_FILE).ok_or_else(|| {
            ContentError::file(path, "is missing; every site needs its settings file")
        })?;
        SiteConfig::from_bytes(path, bytes)
    }

    /// The files under `dir` (no trailing slash), as (path below `dir`, bytes), in order.
    pub fn under<'a>(&'a self, dir: &str) -> impl Iterator<Item = (&'a str, &'a [u8])> {
        let prefix = format!("{dir}/");
        self.files
            .range(prefix.clone()..)
            .take_while(move |(p, _)| p.starts_with(&prefix))
            .map(move |(p, b)| (&p[dir.len() + 1..], b.as_slice()))
    }

    /// Reads the site files of the working tree at `root`; a symbolic link anywhere on
    /// the way is refused (`paths::check_inside`, `paths::check_entry`).
    pub fn from_working_tree(root: &Path) -> Result<SiteFiles, ContentError> {
        Self::read_working_tree(root).map_err(|e| relative(e, root))
    }

    fn read_working_tree(root: &Path) -> Result<SiteFiles, ContentError> {
        let mut files = BTreeMap::new();
        let settings = root.join(SETTINGS_FILE);
        check_inside(root, &settings)?;
        files.insert(
            SETTINGS_FILE.to_string(),
            read_limited(&settings, MAX_SETTINGS_BYTES)?,
        );
        for dir in SITE_DIRS {
            let top = root.join(dir);
            if top.symlink_metadata().is_err() {
                continue;
            }
            check_inside(root, &top)?;
            if !top.is_dir() {
                continue;
            }
            for entry in walkdir::WalkDir::new(&top).sort_by_file_name() {
                let entry =
                    entry.map_err(|e| ContentError::file(&top, format!("cannot be read: {e}")))?;
                check_entry(&entry)?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(rel, read_limited(entry.path(), MAX_SITE_FILE_BYTES)?);
            }
        }
        Ok(SiteFiles { files })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_linked_static_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.toml"), "").unwrap();
        std::os::unix::fs::symlink("/etc", dir.path().join("static")).unwrap();
        let err = SiteFiles::from_working_tree(dir.path()).unwrap_err();
        assert!(err.to_string().contains("static"), "{err}");
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }

    #[test]
    fn a_link_deep_inside_a_theme_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.toml"), "").unwrap();
        let deep = dir.path().join("themes/x/static");
        std::fs::create_dir_all(&deep).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", deep.join("a.css")).unwrap();
        let err = SiteFiles::from_working_tree(dir.path()).unwrap_err();
        assert!(err.to_string().contains("themes/x/static/a.css"), "{err}");
    }

    #[test]
    fn files_under_a_folder_come_in_order_without_the_prefix() {
        let mut files = SiteFiles::default();
        for p in [
            "static/b.css",
            "static/a/x.png",
            "statics/no",
            "themes/t/i18n.toml",
        ] {
            files.files.insert(p.into(), p.as_bytes().to_vec());
        }
        let names: Vec<&str> = files.under("static").map(|(p, _)| p).collect();
        assert_eq!(names, ["a/x.png", "b.css"]);
    }
}
