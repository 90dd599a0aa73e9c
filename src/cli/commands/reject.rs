//! `stp reject ARTICLE --ground G --reason R`: refuse an article on a ground of Điều 12.3.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::CliResult;
use crate::cli::repo::find_root;
use crate::workflow::{Action, Ground};

use super::signing::{SignedArgs, needed_reason};
use super::step::sign_step;

#[derive(Debug, Args)]
pub struct RejectArgs {
    /// The articles: the slug (x, section/x, x.en for the English version) or the path
    /// (content/…/x.md).
    #[arg(required = true)]
    pub articles: Vec<PathBuf>,
    /// The ground of Điều 12.3: a (against policy or law), b (state secret, not cleared),
    /// c (untrue), d (not of adequate quality), đ or dd (other legal bans).
    #[arg(long, required = true)]
    pub ground: Ground,
    /// Why, in words the sender and the log will read (needed).
    #[arg(long)]
    pub reason: Option<String>,
    #[command(flatten)]
    pub sign: SignedArgs,
}

pub fn run(repo: Option<PathBuf>, args: RejectArgs) -> CliResult {
    let root = find_root(repo)?;
    sign_step(
        &root,
        Action::Reject,
        &args.articles,
        Some(needed_reason(args.reason, "reject")?),
        Some(args.ground),
        &args.sign,
    )
    .map(|signed| signed.report(args.sign.json))
}
