//! `stp sync [--remote NAME]`: fetch the shared site's new commits and send ours, keeping
//! every signature valid (see docs/pipeline.md, "Several clones"). Exit 1 when some of
//! ours clash with commits sent first: they are kept on a branch, and the message says
//! which article and whose commit.

use std::path::PathBuf;

use clap::Args;
use stp_i18n::t;

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
                "{}",
                t!(
                    "sync-received",
                    count = report.received,
                    remote = &report.remote
                )
            );
        }
        for (old, new) in &report.redone {
            println!("{}", t!("sync-redone", old = short(old), new = short(new)));
        }
        if report.sent > 0 {
            println!(
                "{}",
                t!("sync-sent", count = report.sent, remote = &report.remote)
            );
        }
        if report.received == 0 && report.sent == 0 && report.parked.is_empty() {
            println!(
                "{}",
                t!(
                    "sync-up-to-date",
                    remote = &report.remote,
                    branch = &report.branch
                )
            );
        }
    }
    if report.parked.is_empty() {
        return Ok(());
    }
    let branch = report.kept_on.clone().unwrap_or_default();
    let mut message = t!(
        "sync-parked",
        count = report.parked.len(),
        remote = &report.remote
    );
    for p in &report.parked {
        message.push_str(&format!(
            "\n  {} `{}`: {}",
            &p.commit[..10.min(p.commit.len())],
            p.summary,
            p.why
        ));
    }
    message.push('\n');
    message.push_str(&if report.redone.is_empty() {
        t!("sync-parked-kept", branch = &branch)
    } else {
        t!("sync-parked-kept-others", branch = &branch)
    });
    Err(CliError::findings(message).hint(t!("sync-parked-hint", branch = &branch)))
}
