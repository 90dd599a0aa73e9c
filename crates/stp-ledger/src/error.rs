//! The errors of the ledger: git failures, key problems, and refusals of a step or a trust
//! change. Each says what to do next through [`LedgerError::hint`].

use std::path::PathBuf;

use stp_workflow::WorkflowError;

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
        hint: Option<String>,
    },
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
            hint: None,
        }
    }

    pub fn refused_with(message: impl Into<String>, hint: impl Into<String>) -> LedgerError {
        LedgerError::Refused {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// The next thing the user should try, when there is one.
    pub fn hint(&self) -> Option<String> {
        match self {
            LedgerError::Refused { hint, .. } => hint.clone(),
            LedgerError::NoKey => Some(
                "make a key with `stp key new ~/.ssh/stp_ed25519` and ask an admin to add its .pub"
                    .into(),
            ),
            LedgerError::MissingKey(file) => Some(format!(
                "check the path, or make a key there with `stp key new {}` and ask an admin to add its .pub",
                file.display()
            )),
            LedgerError::Key { .. } => Some(
                "give the OpenSSH ed25519 key file that `ssh-keygen` or `stp key new` wrote".into(),
            ),
            LedgerError::Agent(_) => Some("check SSH_AUTH_SOCK and `ssh-add -l`".into()),
            LedgerError::Workflow(_) => {
                Some("ask an admin to correct the file with `stp people …`".into())
            }
            LedgerError::CacheMismatch(_) => {
                Some("delete .git/stp/ledger-cache.bin and run the command again".into())
            }
            LedgerError::Git { .. } | LedgerError::Io { .. } => None,
        }
    }
}

pub type LedgerResult<T> = Result<T, LedgerError>;
