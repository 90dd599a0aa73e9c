//! `stp init --ci forgejo|gitlab|github`: the pipeline file a site repository's CI runs.
//! Each recipe clones the whole history, takes the trust root and the deploy target from
//! the CI's protected settings (never from the repository), gives every job a fresh state
//! folder so no ledger cache outlives it, and runs `stp audit`, `stp build` and
//! `stp deploy`; a schedule rebuilds so an article's `publish_at` takes effect with nobody
//! signing then. The recipes are the files beside this module, written as they are.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::cli::error::{CliError, CliResult};

/// The CI services stp writes a recipe for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Ci {
    Forgejo,
    Gitlab,
    Github,
}

impl Ci {
    /// Where the service reads its pipeline, in the repository.
    pub fn path(self) -> &'static str {
        match self {
            Ci::Forgejo => ".forgejo/workflows/stp.yml",
            Ci::Gitlab => ".gitlab-ci.yml",
            Ci::Github => ".github/workflows/stp.yml",
        }
    }

    pub fn recipe(self) -> &'static str {
        match self {
            Ci::Forgejo => include_str!("ci/forgejo.yml"),
            Ci::Gitlab => include_str!("ci/gitlab.yml"),
            Ci::Github => include_str!("ci/github.yml"),
        }
    }
}

/// Writes the recipe into the site at `dir`; an existing pipeline file is never replaced.
pub fn write(dir: &Path, ci: Ci) -> CliResult<PathBuf> {
    let path = dir.join(ci.path());
    if path.exists() {
        return Err(CliError::failed(format!(
            "{} already exists; stp does not replace a pipeline file",
            path.display()
        ))
        .hint(
            "compare it with the recipe in docs/deploy.md (\"CI recipes\"), or move it away first",
        ));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&path, ci.recipe())?;
    Ok(path)
}
