//! `stp site propose|approve|return|diff`: changes to the site files (`site.toml`,
//! `themes/`, `static/`). The site administrator (Điều 6.3) proposes the working tree's
//! version in a signed commit; an approver who is not the proposer approves it (Điều
//! 19.3) or returns it with a reason; `stp publish` then takes it live with the articles.
//! Until then the public site keeps the approved version, whatever the files say.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use stp_i18n::t;

use crate::cli::error::CliResult;
use crate::cli::output::print_json;
use crate::cli::repo::find_root;
use crate::ledger::{SiteAction, site_diff, site_files, site_step};

use super::signing::{SignedArgs, TrustArgs, needed_reason};

#[derive(Debug, Args)]
pub struct SiteArgs {
    #[command(subcommand)]
    pub command: SiteCommand,
}

#[derive(Debug, Subcommand)]
pub enum SiteCommand {
    /// Site administrator: sign the working tree's site.toml, themes/ and static/ as a
    /// proposed change (it goes live only after approval and the next publish).
    Propose {
        /// What the change is for (recorded in the signed commit).
        #[arg(long)]
        reason: Option<String>,
        #[command(flatten)]
        sign: SignedArgs,
    },
    /// Approver: approve the proposed change (not the proposer's own).
    Approve {
        #[command(flatten)]
        sign: SignedArgs,
    },
    /// Approver: send the proposed change back, with a reason.
    Return {
        /// Why it goes back (needed).
        #[arg(long)]
        reason: Option<String>,
        #[command(flatten)]
        sign: SignedArgs,
    },
    /// What a change would change on the public site: the proposal (default), or the
    /// working tree with --working-tree, against the live version.
    Diff {
        /// Compare the working tree instead of the pending proposal.
        #[arg(long)]
        working_tree: bool,
        #[command(flatten)]
        trust: TrustArgs,
    },
}

pub fn run(repo: Option<PathBuf>, args: SiteArgs) -> CliResult {
    let root = find_root(repo)?;
    let (action, reason, SignedArgs { json, key, trust }) = match args.command {
        SiteCommand::Diff {
            working_tree,
            trust,
        } => return print_diff(&root, working_tree, &trust),
        SiteCommand::Propose { reason, sign } => (SiteAction::Propose, reason, sign),
        SiteCommand::Approve { sign } => (SiteAction::Approve, None, sign),
        SiteCommand::Return { reason, sign } => (
            SiteAction::Return,
            Some(needed_reason(reason, "site return")?),
            sign,
        ),
    };
    let signer = key.signer(&root)?;
    let outcome = site_step(&root, &signer, action, reason.as_deref(), &trust.options())?;
    if json {
        print_json(&outcome);
        return Ok(());
    }
    let version = site_files::short(&outcome.version);
    match action {
        SiteAction::Propose => {
            println!(
                "{}",
                t!(
                    "site-proposed",
                    version = version,
                    commit = &outcome.commit[..10],
                    person = &outcome.person,
                    count = outcome.changed.len()
                )
            );
            for path in &outcome.changed {
                println!("  {path}");
            }
            println!("{}", t!("site-proposed-next"));
        }
        SiteAction::Approve => println!(
            "{}",
            t!(
                "site-approved",
                version = version,
                commit = &outcome.commit[..10],
                person = &outcome.person
            )
        ),
        SiteAction::Return => println!(
            "{}",
            t!(
                "site-returned",
                version = version,
                commit = &outcome.commit[..10],
                person = &outcome.person
            )
        ),
    }
    Ok(())
}

/// `stp site diff`: the proposal (or the working tree) against the live site files.
fn print_diff(root: &std::path::Path, working_tree: bool, trust: &TrustArgs) -> CliResult {
    let ledger = trust.load(root)?;
    if !working_tree && ledger.state.site.pending.is_none() {
        println!("{}", t!("site-nothing-proposed"));
        return Ok(());
    }
    let diff = site_diff(&ledger, working_tree)?;
    if diff.is_empty() {
        println!("{}", t!("site-no-difference"));
    } else {
        print!("{diff}");
    }
    Ok(())
}
