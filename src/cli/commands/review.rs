//! `stp review [ARTICLE…]`: Step 1 (Điều 15.1): sign that the article is compiled and edited; without an article, the caller's queue.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::CliResult;
use crate::cli::repo::find_root;
use crate::workflow::Action;

use super::signing::{KeyArgs, TrustArgs};
use super::step::{list_queue, sign_step};

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The articles (content/…/x.md); none: list the articles waiting for you.
    pub articles: Vec<PathBuf>,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: ReviewArgs) -> CliResult {
    let root = find_root(repo)?;
    if args.articles.is_empty() {
        return list_queue(&root, Action::Review, &args.key, &args.trust);
    }
    sign_step(
        &root,
        Action::Review,
        &args.articles,
        None,
        None,
        &args.key,
        &args.trust,
    )
    .map(|_| ())
}
