//! Safety limits on the files and paths that contributors control: sizes, `../`, absolute
//! paths and symbolic links that leave the repository.

use std::io::Read;
use std::path::{Component, Path};

use super::error::ContentError;

/// No article source is larger than this; a larger file is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Reads at most `limit` bytes; a larger file is refused without being read whole.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ContentError> {
    let file = std::fs::File::open(path).map_err(|e| ContentError::io(path, e))?;
    let len = file
        .metadata()
        .map_err(|e| ContentError::io(path, e))?
        .len();
    if len > limit {
        return Err(too_large(path, len, limit));
    }
    let mut buf = Vec::with_capacity(len as usize);
    file.take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| ContentError::io(path, e))?;
    if buf.len() as u64 > limit {
        return Err(too_large(path, buf.len() as u64, limit));
    }
    Ok(buf)
}

fn too_large(path: &Path, len: u64, limit: u64) -> ContentError {
    ContentError::file(
        path,
        format!(
            "is {:.1} MB, over the limit of {:.1} MB; shrink it or split it",
            len as f64 / 1_048_576.0,
            limit as f64 / 1_048_576.0
        ),
    )
}

/// Checks a path written by a contributor (a slug, an attachment, a picture): it must be
/// relative and stay inside its folder. `file` is the article it was found in.
pub fn check_relative_path(file: &Path, line: usize, value: &str) -> Result<(), ContentError> {
    let p = Path::new(value);
    let escapes = value.contains('\\')
        || p.components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes || value.is_empty() {
        return Err(ContentError::at(
            file,
            line,
            format!(
                "path `{value}` leaves its folder; give a plain name inside the article's folder"
            ),
        ));
    }
    Ok(())
}

/// Refuses a symbolic link whose target lies outside `root`.
pub fn check_inside(root: &Path, path: &Path) -> Result<(), ContentError> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| ContentError::io(path, e))?;
    if meta.file_type().is_symlink() {
        let real = std::fs::canonicalize(path).map_err(|e| ContentError::io(path, e))?;
        let root = std::fs::canonicalize(root).map_err(|e| ContentError::io(root, e))?;
        if !real.starts_with(&root) {
            return Err(ContentError::file(
                path,
                "is a symbolic link to a file outside the repository; copy the file in instead",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_and_absolute_paths_refused() {
        let f = Path::new("content/a.md");
        assert!(check_relative_path(f, 3, "../secret.pdf").is_err());
        assert!(check_relative_path(f, 3, "files/../../x").is_err());
        assert!(check_relative_path(f, 3, "/etc/passwd").is_err());
        assert!(check_relative_path(f, 3, "..\\x").is_err());
        assert!(check_relative_path(f, 3, "files/qd-12.pdf").is_ok());
    }

    #[test]
    fn large_file_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.md");
        let f = std::fs::File::create(&p).unwrap();
        f.set_len(50 * 1024 * 1024).unwrap();
        let err = read_limited(&p, MAX_FILE_BYTES).unwrap_err();
        assert!(err.to_string().contains("50.0 MB"), "{err}");
    }

    #[test]
    fn symlink_outside_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("x"), "x").unwrap();
        let link = dir.path().join("l.md");
        std::os::unix::fs::symlink(outside.path().join("x"), &link).unwrap();
        assert!(check_inside(dir.path(), &link).is_err());
        std::fs::write(dir.path().join("in.md"), "x").unwrap();
        assert!(check_inside(dir.path(), &dir.path().join("in.md")).is_ok());
    }
}
