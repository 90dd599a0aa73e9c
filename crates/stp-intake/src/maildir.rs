//! Maildir folders (`cur/`, `new/`, one message a file): the messages to take in, sorted
//! by file name so a run is repeatable. Dot-files and `tmp/` (mail still being written)
//! are left alone.

use std::path::{Path, PathBuf};

use super::ImportError;

/// Whether `dir` is a Maildir.
pub fn is_maildir(dir: &Path) -> bool {
    dir.join("cur").is_dir() || dir.join("new").is_dir()
}

/// The message files of a Maildir, `new/` then `cur/`, each sorted by name.
pub fn messages(dir: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let mut out = Vec::new();
    for sub in ["new", "cur"] {
        let d = dir.join(sub);
        if !d.is_dir() {
            continue;
        }
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&d)
            .map_err(|e| ImportError::file(&d, format!("cannot be read: {e}")))?
        {
            let entry = entry.map_err(|e| ImportError::file(&d, format!("cannot be read: {e}")))?;
            let name = entry.file_name();
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            if is_file && !name.to_string_lossy().starts_with('.') {
                files.push(entry.path());
            }
        }
        files.sort();
        out.extend(files);
    }
    Ok(out)
}
