//! The errors of the ledger: git failures, key problems, and refusals of a step or a trust
//! change. A refusal carries the next thing to try (`Next`), which the command line words.

use std::path::PathBuf;

use stp_workflow::WorkflowError;

use super::next::Next;

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("{context}: {source}")]
    Git {
        context: String,
        #[source]
        source: git2::Error,
    },
    #[error("{file}: {source}")]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A signing key that cannot be used.
    #[error("{file}: {message}")]
    Key { file: PathBuf, message: String },
    /// The signing key named does not exist.
    #[error("{0}: no such key file")]
    MissingKey(PathBuf),
    /// A private key protected by a passphrase, with no ssh-agent to sign through: the
    /// caller asks the person for the passphrase (`Signer::unlock`).
    #[error("{0}: the key has a passphrase")]
    Locked(PathBuf),
    /// The passphrase given does not open the key.
    #[error("{0}: the passphrase does not open this key")]
    WrongPassphrase(PathBuf),
    /// No signing key was given or configured.
    #[error("no signing key: give --key PATH, set STP_KEY, or set git's user.signingkey")]
    NoKey,
    #[error("ssh-agent: {0}")]
    Agent(String),
    #[error(transparent)]
    Workflow(#[from] WorkflowError),
    /// The ledger cache says something history does not confirm (`LiveSet::confirmed`
    /// reads history again).
    #[error("the ledger cache does not match history: {0}")]
    CacheMismatch(String),
    /// A step or change the rules do not allow, with the next thing to try.
    #[error("{message}")]
    Refused { message: String, next: Option<Next> },
}

impl LedgerError {
    pub fn git(context: impl Into<String>) -> impl FnOnce(git2::Error) -> LedgerError {
        let context = context.into();
        move |source| LedgerError::Git { context, source }
    }

    pub fn io(file: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> LedgerError {
        let file = file.into();
        move |source| LedgerError::Io { file, source }
    }

    pub fn refused(message: impl Into<String>) -> LedgerError {
        LedgerError::Refused {
            message: message.into(),
            next: None,
        }
    }

    /// A refusal and the next thing to try (words, or a `Next` the command line words).
    pub fn refused_with(message: impl Into<String>, next: impl Into<Next>) -> LedgerError {
        LedgerError::Refused {
            message: message.into(),
            next: Some(next.into()),
        }
    }
}

pub type LedgerResult<T> = Result<T, LedgerError>;
