//! `stp return ARTICLE --reason R`: Send an article back to its sender with a reason (Điều 4.2).

use std::path::PathBuf;

use crate::cli::error::CliResult;
use crate::workflow::Action;

use super::step::{ReasonStepArgs, run_reason_step};

pub type ReturnArgs = ReasonStepArgs;

pub fn run(repo: Option<PathBuf>, args: ReturnArgs) -> CliResult {
    run_reason_step(repo, Action::Return, args)
}
