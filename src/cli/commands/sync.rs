//! `stp sync [--remote NAME]`: fetch the shared site's new commits and send ours, keeping
//! every signature valid (see docs/pipeline.md, "Several clones"). Exit 1 when some of
//! ours clash with commits sent first: they are kept on a branch, and the message says
//! which article and whose commit.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::print_json;
use crate::cli::repo::find_root;
use crate::ledger::{LedgerError, SyncReport, sync};

use super::signing::{SignedArgs, resolve_signer};

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The remote that holds the shared site: a bare repository by path or file://, or by
    /// ssh or https (reached through the git program, with your ssh keys).
    #[arg(long, default_value = "origin")]
    pub remote: String,
    #[command(flatten)]
    pub sign: SignedArgs,
}

pub fn run(repo: Option<PathBuf>, args: SyncArgs) -> CliResult {
    let root = find_root(repo)?;
    // The key is needed only to sign our commits again on top of theirs.
    let signer = match resolve_signer(args.sign.key.key.as_deref(), &root) {
        Ok(s) => Some(s),
        Err(LedgerError::NoKey) => None,
        Err(e) => return Err(e.into()),
    };
    let report = sync(
        &root,
        signer.as_ref(),
        &args.remote,
        &args.sign.trust.options(),
    )?;
    if args.sign.json {
        print_json(&report);
    }
    outcome(&report, args.sign.json)
}

/// Prints what a sync did (unless `json`), and returns the finding when some of our
/// commits clash with commits sent first (exit 1). `stp publish` reports its send so too.
pub fn outcome(report: &SyncReport, json: bool) -> CliResult {
    if !json {
        let short = |c: &str| c[..10.min(c.len())].to_string();
        if report.received > 0 {
            println!(
                "received {} commits from {}",
                report.received, report.remote
            );
        }
        for (old, new) in &report.redone {
            println!(
                "signed again on top of theirs: {} -> {}",
                short(old),
                short(new)
            );
        }
        if report.sent > 0 {
            println!("sent {} commits to {}", report.sent, report.remote);
        }
        if report.received == 0 && report.sent == 0 && report.parked.is_empty() {
            println!("up to date with {}/{}", report.remote, report.branch);
        }
    }
    if report.parked.is_empty() {
        return Ok(());
    }
    let branch = report.kept_on.clone().unwrap_or_default();
    let mut message = format!(
        "{} of your commits were not sent to {}, which has new commits of its own:",
        report.parked.len(),
        report.remote
    );
    for p in &report.parked {
        message.push_str(&format!(
            "\n  {} `{}`: {}",
            &p.commit[..10.min(p.commit.len())],
            p.summary,
            p.why
        ));
    }
    message.push_str(&format!(
        "\nnothing is lost: they are kept on branch {branch}; this clone now has the shared history{}",
        if report.redone.is_empty() {
            String::new()
        } else {
            " and your other commits".into()
        }
    ));
    Err(CliError::findings(message).hint(format!(
        "see where the article is now with `stp log ARTICLE`, and sign again if it is still needed; `git log -p {branch}` shows what was kept"
    )))
}
