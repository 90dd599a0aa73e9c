//! What a deploy changes: each file of the build and of the target by its content
//! (SHA-256), so that a file rewritten with the same bytes is unchanged and a file changed
//! within the same second is not.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::error::DeployError;

/// Every file under a folder: its path there (with `/`) and the SHA-256 of its bytes.
pub type Digests = BTreeMap<String, [u8; 32]>;

/// What a deploy sends, deletes and leaves.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Changes {
    /// New or changed files, sent.
    pub uploaded: Vec<String>,
    /// Files the target has and the build does not, deleted.
    pub deleted: Vec<String>,
    /// Files with the same content on both sides, left as they are.
    pub unchanged: usize,
    /// Objects in the target that stp did not put there and the build does not have:
    /// left as they are (object storage only; a folder is replaced whole).
    pub left: Vec<String>,
}

impl Changes {
    /// The changes from `target` to `build`.
    pub fn between(build: &Digests, target: &Digests) -> Changes {
        let mut changes = Changes::default();
        for (path, digest) in build {
            match target.get(path) {
                Some(d) if d == digest => changes.unchanged += 1,
                _ => changes.uploaded.push(path.clone()),
            }
        }
        changes.deleted = target
            .keys()
            .filter(|p| !build.contains_key(*p))
            .cloned()
            .collect();
        changes
    }

    pub fn is_empty(&self) -> bool {
        self.uploaded.is_empty() && self.deleted.is_empty()
    }
}

/// The files under `dir` (none when it does not exist). A symbolic link is refused: a
/// build never makes one, and following it could publish a file from anywhere.
pub fn digests(dir: &Path) -> Result<Digests, DeployError> {
    let mut out = Digests::new();
    if !dir.exists() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.map_err(|e| DeployError::Refused {
            path: dir.to_path_buf(),
            why: format!("cannot be read: {e}"),
        })?;
        let kind = entry.file_type();
        if kind.is_symlink() {
            return Err(DeployError::Refused {
                path: entry.path().to_path_buf(),
                why: "is a symbolic link; a deploy carries files and folders only".into(),
            });
        }
        if !kind.is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .map_err(|_| DeployError::Refused {
                path: entry.path().to_path_buf(),
                why: format!("is not inside {}", dir.display()),
            })?
            .to_string_lossy()
            .replace('\\', "/");
        out.insert(rel, digest(entry.path())?);
    }
    Ok(out)
}

fn digest(path: &Path) -> Result<[u8; 32], DeployError> {
    let mut file = std::fs::File::open(path).map_err(DeployError::io(path))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 1 << 16];
    loop {
        let n = file.read(&mut buffer).map_err(DeployError::io(path))?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hasher.finalize().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_are_unchanged_whatever_the_time() {
        let (build, target) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        for (dir, files) in [
            (
                &build,
                &[("index.html", "mới"), ("a/b.css", "x"), ("c.txt", "same")][..],
            ),
            (
                &target,
                &[("index.html", "cũ"), ("old.html", "bỏ"), ("c.txt", "same")][..],
            ),
        ] {
            for (rel, text) in files {
                let path = dir.path().join(rel);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
            }
        }
        let changes = Changes::between(
            &digests(build.path()).unwrap(),
            &digests(target.path()).unwrap(),
        );
        assert_eq!(changes.uploaded, ["a/b.css", "index.html"]);
        assert_eq!(changes.deleted, ["old.html"]);
        assert_eq!(changes.unchanged, 1);
        assert!(digests(&build.path().join("none")).unwrap().is_empty());
    }

    #[test]
    fn a_symbolic_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/etc/passwd", dir.path().join("passwd")).unwrap();
        let err = digests(dir.path()).unwrap_err().to_string();
        assert!(err.contains("symbolic link"), "{err}");
    }
}
