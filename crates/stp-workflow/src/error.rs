//! The errors of the workflow layer: a trust or settings file that does not parse, or a
//! value that breaks a rule. Each names the file and line.

/// Something wrong in `workflow/people.toml` or `workflow/workflow.toml`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    #[error("{file}:{line}: {message}")]
    Invalid {
        file: String,
        line: usize,
        message: String,
    },
}

impl WorkflowError {
    pub fn at(file: &str, line: usize, message: impl Into<String>) -> Self {
        WorkflowError::Invalid {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }

    /// An error from the TOML parser, placed on its line in `text`.
    pub fn from_toml(file: &str, text: &str, err: &toml::de::Error) -> Self {
        let line = err
            .span()
            .map(|s| line_of_offset(text, s.start))
            .unwrap_or(1);
        WorkflowError::at(file, line, err.message().trim().to_string())
    }
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The 1-based line where `needle` first occurs in `text` (1 when absent).
pub fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .map(|offset| line_of_offset(text, offset))
        .unwrap_or(1)
}
