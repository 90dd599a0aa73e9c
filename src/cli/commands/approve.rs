//! `stp approve [ARTICLE…]`: Step 3 (Điều 15.3): the final check before the secretary posts it; without an article, the caller's queue.

use std::path::PathBuf;

use crate::cli::error::CliResult;
use crate::workflow::Action;

use super::step::{QueueStepArgs, run_queue_step};

pub type ApproveArgs = QueueStepArgs;

pub fn run(repo: Option<PathBuf>, args: ApproveArgs) -> CliResult {
    run_queue_step(repo, Action::Approve, args)
}
