//! `stp adopt PATH…|--all`: an admin brings a site's articles from before stp in as
//! published, in one signed commit; articles with a signed history are refused (named) or
//! skipped (`--all`).

use std::path::PathBuf;

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{Progress, print_json};
use crate::cli::repo::find_root;
use crate::ledger::{AdoptSelection, adopt};

use super::signing::{SignedArgs, article_path};

#[derive(Debug, Args)]
pub struct AdoptArgs {
    /// The articles to record as published: the slug (x, section/x, x.en) or the path
    /// (content/…/x.md).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub articles: Vec<PathBuf>,
    /// Every article in content/ that has no signed history yet.
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub sign: SignedArgs,
}

pub fn run(repo: Option<PathBuf>, args: AdoptArgs) -> CliResult {
    let root = find_root(repo)?;
    let signer = args.sign.key.signer(&root)?;
    let selection = if args.all {
        AdoptSelection::All
    } else {
        AdoptSelection::Articles(
            args.articles
                .iter()
                .map(|a| article_path(&root, a))
                .collect::<CliResult<Vec<_>>>()?,
        )
    };
    let progress = Progress::start(t!("adopt-progress"), args.sign.json);
    let outcome =
        adopt(&root, &signer, &selection, &args.sign.trust.options()).map_err(CliError::from)?;
    drop(progress);
    if args.sign.json {
        print_json(&serde_json::json!({
            "commit": outcome.commit,
            "signer": { "id": outcome.person, "fingerprint": signer.fingerprint },
            "adopted": outcome.adopted,
            "skipped": outcome.skipped,
        }));
        return Ok(());
    }
    for path in &outcome.adopted {
        println!("{}", t!("adopt-adopted", article = path.as_str()));
    }
    if !outcome.skipped.is_empty() {
        println!("{}", t!("adopt-left-alone", count = outcome.skipped.len()));
    }
    println!(
        "{}",
        t!(
            "adopt-done",
            count = outcome.adopted.len(),
            person = &outcome.person,
            commit = &outcome.commit[..12.min(outcome.commit.len())]
        )
    );
    println!("{}", t!("adopt-next"));
    Ok(())
}
