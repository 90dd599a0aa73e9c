//! `stp verify [ARTICLE…]`: Step 2 (Điều 15.2): sign that the article is verified; without an article, the caller's queue.

use std::path::PathBuf;

use crate::cli::error::CliResult;
use crate::workflow::Action;

use super::step::{QueueStepArgs, run_queue_step};

pub type VerifyArgs = QueueStepArgs;

pub fn run(repo: Option<PathBuf>, args: VerifyArgs) -> CliResult {
    run_queue_step(repo, Action::Verify, args)
}
