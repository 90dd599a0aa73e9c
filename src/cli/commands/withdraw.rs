//! `stp withdraw ARTICLE --reason R`: Take a published article off the public site, with a reason (an approver).

use std::path::PathBuf;

use crate::cli::error::CliResult;
use crate::workflow::Action;

use super::step::{ReasonStepArgs, run_reason_step};

pub type WithdrawArgs = ReasonStepArgs;

pub fn run(repo: Option<PathBuf>, args: WithdrawArgs) -> CliResult {
    run_reason_step(repo, Action::Withdraw, args)
}
