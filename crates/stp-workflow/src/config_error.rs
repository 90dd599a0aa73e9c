//! The one error of the workflow's configuration files (`workflow/calendar.toml` and the
//! deadline tables of `workflow/workflow.toml`): the file, the line and what to do next.

use std::path::PathBuf;

use super::error::line_of_offset;

/// A mistake in a workflow configuration file, refused at load.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl ConfigError {
    pub fn at(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        ConfigError {
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    /// The error at byte `offset` of `text`.
    pub fn at_offset(
        file: impl Into<PathBuf>,
        text: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        Self::at(file, line_of_offset(text, offset), message)
    }

    /// A TOML syntax or shape error, at the line its span points to.
    pub fn from_toml(file: impl Into<PathBuf>, text: &str, error: &toml::de::Error) -> Self {
        let line = error
            .span()
            .map(|s| line_of_offset(text, s.start))
            .unwrap_or(1);
        Self::at(file, line, error.message().trim().to_string())
    }
}
