//! `stp submit ARTICLE…`: Send an article in (or a revision of a published one) for the board's steps.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::CliResult;
use crate::cli::repo::find_root;
use crate::workflow::Action;

use super::signing::SignedArgs;
use super::step::sign_step;

#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// The articles: the slug (x, section/x, x.en for the English version) or the path
    /// (content/…/x.md).
    #[arg(required = true)]
    pub articles: Vec<PathBuf>,
    #[command(flatten)]
    pub sign: SignedArgs,
}

pub fn run(repo: Option<PathBuf>, args: SubmitArgs) -> CliResult {
    let root = find_root(repo)?;
    sign_step(
        &root,
        Action::Submit,
        &args.articles,
        None,
        None,
        &args.sign,
    )
    .map(|signed| signed.report(args.sign.json))
}
