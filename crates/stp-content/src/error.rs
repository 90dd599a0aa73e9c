//! The errors of the content layer. Each names the file, and the line where there is one,
//! and says what to do next: the readers' shared [`FileError`], or a file that could not
//! be read at all.

use std::path::PathBuf;

pub use stp_workflow::{FileError, Said};

/// Something wrong with an article, a settings file or a path given by a user.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    /// A refusal about a file, at a line when there is one.
    #[error(transparent)]
    At(#[from] FileError),
    #[error("{file}: {source}")]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl ContentError {
    pub fn at(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        ContentError::At(FileError::at(file, line, message))
    }

    pub fn file(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        ContentError::At(FileError::file(file, message))
    }

    pub fn io(file: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ContentError::Io {
            file: file.into(),
            source,
        }
    }

    /// The same refusal, also said as message `id` (of the command line's Fluent files,
    /// one of `SAID`) with `args`, for the run's language.
    pub fn said(
        self,
        id: &'static str,
        args: impl IntoIterator<Item = (&'static str, String)>,
    ) -> Self {
        match self {
            ContentError::At(e) => ContentError::At(e.said(id, args)),
            other => other,
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            ContentError::At(e) => &e.file,
            ContentError::Io { file, .. } => file,
        }
    }
}

/// Every message id the content layer's refusals are said with (`ContentError::said`):
/// the command line's Fluent files must have each, in every language.
pub const SAID: &[&str] = &[
    "content-too-large",
    "content-file-too-large",
    "content-not-utf8",
    "content-legacy",
    "content-no-front-matter",
    "content-front-matter-open",
    "content-front-matter-large",
    "content-front-matter",
    "content-unknown-field",
    "content-missing-field",
    "content-yaml-alias",
    "content-yaml-budget",
    "content-unknown-section",
    "content-bad-date",
    "content-no-title",
    "content-misplaced",
    "content-bad-slug",
    "content-bad-file-name",
    "content-path-escapes",
    "content-symlink",
    "content-blob-missing",
];
