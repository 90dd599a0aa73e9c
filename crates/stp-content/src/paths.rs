//! Safety limits on the files and paths that contributors control: sizes, `../`, absolute
//! paths and symbolic links.

use std::io::Read;
use std::path::{Component, Path};

use super::error::ContentError;

/// The folder inside a bundle that keeps a submission as received, for the record
/// (intake writes it; the readers leave it out of the public site).
pub const RECORD_DIR: &str = "nguon";

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
    .said(
        "content-file-too-large",
        [
            ("size", format!("{:.1}", len as f64 / 1_048_576.0)),
            ("limit", format!("{:.1}", limit as f64 / 1_048_576.0)),
        ],
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
        )
        .said("content-path-escapes", [("path", value.to_string())]));
    }
    Ok(())
}

/// Refuses a symbolic link anywhere on `path` below `root` (a linked `content/`,
/// `static/` or theme folder as much as a linked file): what the site is built from is
/// only what lies in the repository's own folders.
pub fn check_inside(root: &Path, path: &Path) -> Result<(), ContentError> {
    let below = path.strip_prefix(root).unwrap_or(path);
    let mut at = if path.starts_with(root) {
        root.to_path_buf()
    } else {
        std::path::PathBuf::new()
    };
    for part in below.components() {
        at.push(part);
        if matches!(part, Component::Normal(_)) {
            let meta = std::fs::symlink_metadata(&at).map_err(|e| ContentError::io(&at, e))?;
            if meta.file_type().is_symlink() {
                return Err(link_refused(&at));
            }
        }
    }
    Ok(())
}

/// Refuses an entry of a folder walk that is a symbolic link (walks do not follow
/// links, so their other entries are reached through real folders only).
pub fn check_entry(entry: &walkdir::DirEntry) -> Result<(), ContentError> {
    if entry.path_is_symlink() {
        return Err(link_refused(entry.path()));
    }
    Ok(())
}

fn link_refused(path: &Path) -> ContentError {
    ContentError::file(
        path,
        "is a symbolic link; stp reads no links in content/, static/ or themes/; copy the file or folder in instead",
    )
    .said("content-symlink", [])
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
    fn symlink_anywhere_on_the_path_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("x"), "x").unwrap();
        let link = dir.path().join("l.md");
        std::os::unix::fs::symlink(outside.path().join("x"), &link).unwrap();
        assert!(check_inside(dir.path(), &link).is_err());
        std::fs::write(dir.path().join("in.md"), "x").unwrap();
        assert!(check_inside(dir.path(), &dir.path().join("in.md")).is_ok());
        // A linked folder above the file, even one pointing inside the repository.
        std::fs::create_dir(dir.path().join("real")).unwrap();
        std::fs::write(dir.path().join("real/a.md"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("static")).unwrap();
        let err = check_inside(dir.path(), &dir.path().join("static/a.md")).unwrap_err();
        assert!(
            err.to_string().contains("static: is a symbolic link"),
            "{err}"
        );
    }
}
