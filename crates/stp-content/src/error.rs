//! The errors of the content layer. Each names the file, and the line where there is one,
//! and says what to do next.

use std::path::PathBuf;

/// Something wrong with an article, a settings file or a path given by a user.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    #[error("{file}:{line}: {message}")]
    Invalid {
        file: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    File { file: PathBuf, message: String },
    #[error("{file}: {source}")]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl ContentError {
    pub fn at(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        ContentError::Invalid {
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    pub fn file(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        ContentError::File {
            file: file.into(),
            message: message.into(),
        }
    }

    pub fn io(file: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ContentError::Io {
            file: file.into(),
            source,
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            ContentError::Invalid { file, .. }
            | ContentError::File { file, .. }
            | ContentError::Io { file, .. } => file,
        }
    }
}
