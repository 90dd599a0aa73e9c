//! `stp approve [ARTICLE…]`: Step 3 (Điều 15.3): the final check before the secretary posts it; without an article, the caller's queue.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::CliResult;
use crate::cli::repo::find_root;
use crate::workflow::Action;

use super::signing::{KeyArgs, TrustArgs};
use super::step::{list_queue, sign_step};

#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// The articles (content/…/x.md); none: list the articles waiting for you.
    pub articles: Vec<PathBuf>,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: ApproveArgs) -> CliResult {
    let root = find_root(repo)?;
    if args.articles.is_empty() {
        return list_queue(&root, Action::Approve, &args.key, &args.trust);
    }
    sign_step(
        &root,
        Action::Approve,
        &args.articles,
        None,
        None,
        &args.key,
        &args.trust,
    )
    .map(|_| ())
}
