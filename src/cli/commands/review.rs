//! `stp review [ARTICLE…]`: Step 1 (Điều 15.1): sign that the article is compiled and edited; without an article, the caller's queue.

use std::path::PathBuf;

use crate::cli::error::CliResult;
use crate::workflow::Action;

use super::step::{QueueStepArgs, run_queue_step};

pub type ReviewArgs = QueueStepArgs;

pub fn run(repo: Option<PathBuf>, args: ReviewArgs) -> CliResult {
    run_queue_step(repo, Action::Review, args)
}
