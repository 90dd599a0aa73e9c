//! Helpers for the builder's integration tests: a temporary site repository with the
//! repository's own `site.toml`, articles written by the test, and the real `stp` binary.

use std::path::{Path, PathBuf};
use std::process::Output;

use super::stp_at;

/// A temporary site.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    pub fn new() -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let toml = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/site/site.toml"
        ))
        .expect("site.toml");
        std::fs::write(dir.path().join("site.toml"), toml).expect("write site.toml");
        std::fs::create_dir_all(dir.path().join("content")).expect("content/");
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file (creating folders).
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        super::write(&self.path(rel), bytes);
    }

    /// Writes a news article with the given body.
    pub fn news(&self, slug: &str, title: &str, body: &str) {
        self.write(
            &format!("content/tin-tuc/{slug}.md"),
            format!(
                "---\ntitle: \"{title}\"\ndate: 2026-11-20 08:30\ntags: [tư pháp]\n---\n{body}\n"
            ),
        );
    }

    /// Runs `stp -C <site> ARGS`.
    pub fn stp(&self, args: &[&str]) -> Output {
        stp_in(self.root(), args)
    }
}

/// Runs the real binary with a pinned environment.
pub fn stp_in(root: &Path, args: &[&str]) -> Output {
    stp_at(root, args)
        .env("SOURCE_DATE_EPOCH", "1795000000")
        .env_remove("STP_KEY")
        .env_remove("STP_TRUST_ROOT")
        .output()
        .expect("run stp")
}

/// Every file below `dir` with its bytes, sorted by path.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Staging folders that builds left beside their output.
pub fn staging_leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("stp-building"))
        .collect()
}
