//! `stp verify [ARTICLE…]`: Step 2 (Điều 15.2): sign that the article is verified; without an article, the caller's queue.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::CliResult;
use crate::cli::repo::find_root;
use crate::workflow::Action;

use super::signing::{KeyArgs, TrustArgs};
use super::step::{list_queue, sign_step};

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The articles (content/…/x.md); none: list the articles waiting for you.
    pub articles: Vec<PathBuf>,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: VerifyArgs) -> CliResult {
    let root = find_root(repo)?;
    if args.articles.is_empty() {
        return list_queue(&root, Action::Verify, &args.key, &args.trust);
    }
    sign_step(
        &root,
        Action::Verify,
        &args.articles,
        None,
        None,
        &args.key,
        &args.trust,
    )
    .map(|_| ())
}
