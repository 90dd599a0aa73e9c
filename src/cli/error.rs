//! The one error type commands return: what went wrong, the next thing to try, and the
//! exit status: 1 when the command ran and found something (audit findings, check
//! problems, overdue articles, commits that clash on sync), 2 when it could not run or
//! refused (an error, wrong input, a usage mistake, a refused step). 0 is success.

use std::fmt;

/// The exit status of a command that ran and found something (findings, problems,
/// overdue articles).
pub const EXIT_FINDINGS: u8 = 1;
/// The exit status of an error, a refusal or a usage mistake.
pub const EXIT_ERROR: u8 = 2;

/// An error a command reports to its user.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub hint: Option<String>,
    pub code: u8,
}

impl CliError {
    /// A refusal or failure: the command could not do what was asked (exit 2).
    pub fn failed(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            hint: None,
            code: EXIT_ERROR,
        }
    }

    /// The command ran and found something its user must see to (exit 1): findings,
    /// problems, overdue articles.
    pub fn findings(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            hint: None,
            code: EXIT_FINDINGS,
        }
    }

    /// A mistake in the command line (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            hint: None,
            code: EXIT_ERROR,
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
            code: EXIT_ERROR,
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::failed(e.to_string())
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
