//! The record of hand-offs already told, so that `stp notify` run every hour tells each
//! one once: a small text file, one hand-off key a line (person, article, state, commit
//! of the step, tab-separated). A key whose hand-off is no longer waiting is dropped when
//! the file is written, so it never grows beyond the queues. Written whole and renamed
//! into place, so a run cut short leaves the previous record.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// The hand-offs told so far, read from and written to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentLog {
    path: PathBuf,
    keys: BTreeSet<String>,
}

impl SentLog {
    /// Reads the record at `path`; a file that does not exist is an empty record.
    pub fn load(path: &Path) -> io::Result<SentLog> {
        let keys = match std::fs::read_to_string(path) {
            Ok(text) => text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => BTreeSet::new(),
            Err(e) => return Err(e),
        };
        Ok(SentLog {
            path: path.to_path_buf(),
            keys,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the hand-off `key` was told.
    pub fn contains(&self, key: &str) -> bool {
        self.keys.contains(key)
    }

    /// Records `key` as told.
    pub fn record(&mut self, key: String) {
        self.keys.insert(key);
    }

    /// Forgets every key that `waiting` does not hold (hand-offs since taken).
    pub fn keep_only(&mut self, waiting: &BTreeSet<String>) {
        self.keys.retain(|k| waiting.contains(k));
    }

    /// Writes the record, making its folder when needed.
    pub fn save(&self) -> io::Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut text = String::new();
        for k in &self.keys {
            text.push_str(k);
            text.push('\n');
        }
        let tmp = self.path.with_extension("tmp");
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, &self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_survives_a_save_and_forgets_what_no_longer_waits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stp/notified.tsv");
        let mut log = SentLog::load(&path).unwrap();
        assert!(!log.contains("a"));
        log.record("a".into());
        log.record("b".into());
        log.keep_only(&BTreeSet::from(["b".to_string(), "c".to_string()]));
        log.save().unwrap();
        let again = SentLog::load(&path).unwrap();
        assert!(again.contains("b") && !again.contains("a") && !again.contains("c"));
    }
}
