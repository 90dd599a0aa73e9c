//! The one error every reader of a user's file shares: the file, the line where there is
//! one, and a message that says what is wrong and what to do next, shown as
//! `file:line: message` (or `file: message`). The workflow's settings, the content layer's
//! articles and settings, and intake's documents all refuse with it; the command line adds
//! the hint and the exit status. A refusal a user often meets also carries what it says
//! as a message id and its arguments (`Said`), which the command line puts into the words
//! of the run's language (its Fluent files); `message` is the same in English, for logs
//! and for any front end without them.

use std::path::PathBuf;

/// A refusal about one file, at one line when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: PathBuf,
    /// 1-based; `None` when the refusal is about the whole file.
    pub line: Option<usize>,
    pub message: String,
    /// `message` as an id and arguments, for a front end to say in its user's language.
    pub said: Option<Said>,
}

/// What a refusal says, as a message id (the name of a message in the command line's
/// Fluent files, `content-…`) and its named arguments.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Said {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl FileError {
    /// A refusal at `line` of `file`.
    pub fn at(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        FileError {
            file: file.into(),
            line: Some(line),
            message: message.into(),
            said: None,
        }
    }

    /// A refusal about the whole of `file`.
    pub fn file(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        FileError {
            file: file.into(),
            line: None,
            message: message.into(),
            said: None,
        }
    }

    /// The same refusal, also said as message `id` with `args`.
    pub fn said(
        mut self,
        id: &'static str,
        args: impl IntoIterator<Item = (&'static str, String)>,
    ) -> Self {
        self.said = Some(Said {
            id,
            args: args.into_iter().collect(),
        });
        self
    }

    /// A refusal at byte `offset` of `text`, the content of `file`.
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

impl FileError {
    /// `words` said of this file and line, as the refusal shows its own message:
    /// `file:line: words` (`file: words`); for the same refusal in other words.
    pub fn located(&self, words: &str) -> String {
        match self.line {
            Some(line) => format!("{}:{line}: {words}", self.file.display()),
            None => format!("{}: {words}", self.file.display()),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.located(&self.message))
    }
}

impl std::error::Error for FileError {}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_file_and_the_line_when_there_is_one() {
        assert_eq!(
            FileError::at("a/b.toml", 3, "bad").to_string(),
            "a/b.toml:3: bad"
        );
        assert_eq!(
            FileError::file("a/b.md", "too big").to_string(),
            "a/b.md: too big"
        );
        assert_eq!(
            FileError::at_offset("x", "one\ntwo\nthree", 5, "m").to_string(),
            "x:2: m"
        );
    }
}
