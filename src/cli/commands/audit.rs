//! `stp audit [--json]`: reads the whole history again, verifying every signature, and
//! lists every commit that tried to change a status or the trust data without authority.
//! Exit 1 when there is any.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::repo::find_root;
use crate::ledger::Ledger;

use super::signing::TrustArgs;

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Print the findings as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: AuditArgs) -> CliResult {
    let root = find_root(repo)?;
    let mut options = args.trust.options();
    options.no_cache = true;
    let ledger = Ledger::load(&root, &options)?;
    let issues = &ledger.state.issues;
    if args.json {
        let value = serde_json::json!({
            "commits": ledger.state.commits,
            "trust_root": ledger.state.trust.root,
            "trusted_on_first_use": ledger.state.trust.on_first_use,
            "issues": issues,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        println!(
            "verified {} commits; trust root {}{}",
            ledger.state.commits,
            ledger.state.trust.root.as_deref().unwrap_or("(none yet)"),
            if ledger.state.trust.on_first_use {
                " (trusted on first use: pin it with --trust-root)"
            } else {
                ""
            }
        );
        for i in issues {
            println!(
                "{}  {}  {}: {}  ({})",
                &i.commit[..10.min(i.commit.len())],
                i.kind,
                i.subject,
                i.why,
                i.summary
            );
        }
    }
    if issues.is_empty() {
        if !args.json {
            println!("no unauthorised changes");
        }
        Ok(())
    } else {
        Err(CliError::failed(format!(
            "{} commits tried to change a status or the trust data without authority",
            issues.len()
        ))
        .hint("nothing they did reaches the public site; revert them, or have the right person sign the step"))
    }
}
