//! The errors of the ledger: git failures, key problems, and refusals of a step or a trust
//! change. A refusal carries the next thing to try (`Next`), which the command line words,
//! and, for the refusals of a step, what it is about (`Why`), so that the command line can
//! say it in the user's language; its `message` is the same in English.

use std::path::PathBuf;

use stp_workflow::{Refusal, Role, State, WorkflowError};

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
    Refused {
        message: String,
        next: Option<Next>,
        /// What the refusal is about, where a caller may word it itself.
        why: Option<Box<Why>>,
    },
}

/// What a refused step is about, as values: the command line says it in the user's
/// language (the refusal's `message` says the same in English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// `person` does not hold `role` (nor by delegation), which the step on `article`
    /// needs.
    MissingRole {
        article: String,
        person: String,
        role: Role,
    },
    /// The workflow's rules refuse the step on `article` (a wrong state, four eyes, a
    /// missing reason or ground).
    Rule { article: String, refusal: Refusal },
    /// The signing key is not in the trusted `workflow/people.toml`.
    UnknownKey {
        fingerprint: String,
        origin: PathBuf,
    },
    /// No admin has signed `workflow/people.toml`, so nobody can sign a step.
    NoTrustedPeople,
    /// A publish of everything approved, with nothing approved.
    NothingApproved,
    /// `article` is not the content whose step brought it to `state`.
    ContentChanged { article: String, state: State },
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
            why: None,
        }
    }

    /// A refusal and the next thing to try (words, or a `Next` the command line words).
    pub fn refused_with(message: impl Into<String>, next: impl Into<Next>) -> LedgerError {
        LedgerError::Refused {
            message: message.into(),
            next: Some(next.into()),
            why: None,
        }
    }

    /// This refusal, saying what it is about (`Why`) besides its English message.
    pub fn because(self, reason: Why) -> LedgerError {
        match self {
            LedgerError::Refused { message, next, .. } => LedgerError::Refused {
                message,
                next,
                why: Some(Box::new(reason)),
            },
            other => other,
        }
    }
}

pub type LedgerResult<T> = Result<T, LedgerError>;
