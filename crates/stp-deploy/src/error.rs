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
    /// A request to object storage that failed (after its retries, where a retry could
    /// help): what was asked (`PUT s3://bucket/key`) and the service's answer.
    #[error("{request}: {why}")]
    Storage { request: String, why: String },
    /// A deploy to object storage stopped part-way: at which stage, the paths it did not
    /// send (or delete), and the failure.
    #[error("{}", stopped(*.stage, .paths))]
    Stopped {
        stage: Stage,
        paths: Vec<String>,
        #[source]
        source: Box<DeployError>,
    },
}

impl DeployError {
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> DeployError {
        let path = path.into();
        move |source| DeployError::Io { path, source }
    }
}

/// At most this many paths are named in a message; the rest are counted.
const NAMED: usize = 10;

fn named(paths: &[String]) -> String {
    let mut text = paths
        .iter()
        .take(NAMED)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if paths.len() > NAMED {
        text.push_str(&format!(" and {} more", paths.len() - NAMED));
    }
    text
}

/// Where a deploy to object storage stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Sending the build's files: the build record was not sent.
    Sending,
    /// Writing the manifest, after the build record.
    Manifest,
    /// Deleting what the build no longer has, after everything else.
    Deleting,
}

fn stopped(stage: Stage, paths: &[String]) -> String {
    match stage {
        Stage::Sending => format!(
            "the deploy stopped part-way: {} files were not sent ({}); the deployed build record and the manifest are the old ones and nothing was deleted, so the site still has every page it had (some already new); deploy again to finish",
            paths.len(),
            named(paths)
        ),
        Stage::Manifest => format!(
            "every file of the new build was sent, its build record too, but the manifest ({}) was not written and nothing was deleted; deploy again to finish",
            named(paths)
        ),
        Stage::Deleting => format!(
            "the new build is deployed, but {} objects it no longer has were not deleted ({}); deploy again to delete them",
            paths.len(),
            named(paths)
        ),
    }
}
