//! `stp return ARTICLE --reason R`: Send an article back to its sender with a reason (Điều 4.2).

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::CliResult;
use crate::cli::repo::find_root;
use crate::workflow::Action;

use super::signing::{KeyArgs, TrustArgs};
use super::step::sign_step;

#[derive(Debug, Args)]
pub struct ReturnArgs {
    /// The articles (content/…/x.md).
    #[arg(required = true)]
    pub articles: Vec<PathBuf>,
    /// Why, in words the sender and the log will read.
    #[arg(long, required = true)]
    pub reason: String,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: ReturnArgs) -> CliResult {
    let root = find_root(repo)?;
    sign_step(
        &root,
        Action::Return,
        &args.articles,
        Some(args.reason),
        None,
        &args.key,
        &args.trust,
    )
    .map(|_| ())
}
