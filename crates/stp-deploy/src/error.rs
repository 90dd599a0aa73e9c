//! Why a deploy failed; the target still serves what it served before.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum DeployError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Something in the build or the target that a deploy does not carry (a symbolic
    /// link, a file outside the folder).
    #[error("{path}: {why}")]
    Refused { path: PathBuf, why: String },
    /// A target stp cannot deploy to, as typed.
    #[error("`{target}` is not a deploy target stp can use: it {why}")]
    BadTarget { target: String, why: String },
    /// The host did not take the deploy; what it holds is as before.
    #[error("{target}: {what}")]
    Remote { target: String, what: String },
    #[error(transparent)]
    Output(#[from] stp_render::RenderError),
}

impl DeployError {
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> DeployError {
        let path = path.into();
        move |source| DeployError::Io { path, source }
    }
}
