//! The one error type commands return: what went wrong, the next thing to try, and the
//! exit status (1 refused or failed, 2 usage).

use std::fmt;

/// An error a command reports to its user.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub hint: Option<String>,
    pub code: u8,
}

impl CliError {
    /// A refusal or failure (exit 1).
    pub fn failed(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            hint: None,
            code: 1,
        }
    }

    /// A mistake in the command line (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            hint: None,
            code: 2,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl From<crate::content::ContentError> for CliError {
    fn from(e: crate::content::ContentError) -> Self {
        CliError::failed(e.to_string())
    }
}

impl From<crate::render::RenderError> for CliError {
    fn from(e: crate::render::RenderError) -> Self {
        CliError::failed(e.to_string())
    }
}

impl From<crate::ledger::LedgerError> for CliError {
    fn from(e: crate::ledger::LedgerError) -> Self {
        let hint = e.hint();
        CliError {
            message: e.to_string(),
            hint,
            code: 1,
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::failed(e.to_string())
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
