//! `stp audit [--json]`: reads the whole history again, verifying every signature, and
//! lists every finding: a commit that tried to change a status, the trust data or the
//! site files without authority, a merge (above all one that goes around signed history),
//! a step that is not valid. Findings an admin acknowledged (`stp audit ack`) stay listed,
//! marked. `stp audit allow-rollback COMMIT` is an admin's signed decision that a target
//! deployed from COMMIT, which this history no longer contains, may be rolled back to a
//! build of it (`stp deploy` refuses that otherwise). Published articles with unsigned edits in HEAD are listed as pending; they
//! never go live by themselves. Exit 1 while any finding is not acknowledged.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{Progress, print_json};
use crate::cli::repo::find_root;
use crate::ledger::{Ledger, acknowledge, allow_rollback};

use super::signing::{KeyArgs, TrustArgs, needed_reason};

#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub command: Option<AuditCommand>,
    /// Print the findings as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub trust: TrustArgs,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Admin: acknowledge the findings of one commit as seen and harmless, in a signed
    /// commit. They stay listed, marked; audit passes once every finding is acknowledged.
    Ack(AckArgs),
    /// Admin: allow `stp deploy` to roll a target back: the target was deployed from COMMIT,
    /// which this history no longer contains (a history reset past signed steps). Signed,
    /// with the reason; build and deploy after it.
    AllowRollback(AckArgs),
}

#[derive(Debug, Args)]
pub struct AckArgs {
    /// The commit: for `ack`, the one whose findings are acknowledged (its id, or the start
    /// of it); for `allow-rollback`, the one the target was deployed from (all 40 digits,
    /// as `stp deploy` names it when it refuses).
    commit: String,
    /// What was seen and why it is harmless, or why the site goes back (needed).
    #[arg(long)]
    reason: Option<String>,
    /// Print what was committed as JSON (one object; see docs/cli.md).
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    key: KeyArgs,
    #[command(flatten)]
    trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: AuditArgs) -> CliResult {
    let root = find_root(repo)?;
    if let Some(command) = args.command {
        return sign_ack(&root, command, args.json);
    }
    let mut options = args.trust.options();
    options.no_cache = true;
    let progress = Progress::start(t!("audit-progress"), args.json);
    let ledger = Ledger::load(&root, &options)?;
    let pending = ledger.unsigned_edits()?;
    drop(progress);
    let state = &ledger.state;
    let open = state.open_issues().count();
    if args.json {
        let issues: Vec<serde_json::Value> = state
            .issues
            .iter()
            .map(|i| {
                let mut v = serde_json::to_value(i).unwrap_or_default();
                v["acknowledged"] =
                    serde_json::to_value(state.ack_of(&i.commit)).unwrap_or_default();
                v
            })
            .collect();
        let value = serde_json::json!({
            "commits": state.commits,
            "trust_root": state.trust.root,
            "trusted_on_first_use": state.trust.on_first_use,
            "issues": issues,
            "open": open,
            "unsigned_edits": pending,
        });
        print_json(&value);
    } else {
        print_findings(&ledger, &pending);
    }
    if open == 0 {
        if !args.json {
            if state.issues.is_empty() {
                println!("{}", t!("audit-clean"));
            } else {
                println!("{}", t!("audit-all-acknowledged"));
            }
        }
        Ok(())
    } else {
        Err(CliError::findings(t!("audit-open", count = open)).hint(t!("audit-open-hint")))
    }
}

fn print_findings(ledger: &Ledger, pending: &[String]) {
    let state = &ledger.state;
    let root = state
        .trust
        .root
        .clone()
        .unwrap_or_else(|| t!("audit-no-root"));
    let line = if state.trust.on_first_use {
        t!(
            "audit-verified-first-use",
            commits = state.commits,
            root = root
        )
    } else {
        t!("audit-verified", commits = state.commits, root = root)
    };
    println!("{line}");
    for i in &state.issues {
        let mark = match state.ack_of(&i.commit) {
            Some(a) => format!(
                "  [{}]",
                t!("audit-acknowledged-by", by = &a.by, reason = &a.reason)
            ),
            None => String::new(),
        };
        println!(
            "{}  {}  {}: {}  ({}){mark}",
            &i.commit[..10.min(i.commit.len())],
            i.kind,
            i.subject,
            i.why,
            i.summary
        );
    }
    for path in pending {
        println!("{}", t!("audit-pending", article = path));
    }
}

/// Signs an acknowledgement or a rollback decision and says what was committed.
fn sign_ack(root: &Path, command: AuditCommand, json: bool) -> CliResult {
    let (rollback, a) = match command {
        AuditCommand::Ack(a) => (false, a),
        AuditCommand::AllowRollback(a) => (true, a),
    };
    let name = if rollback {
        "audit allow-rollback"
    } else {
        "audit ack"
    };
    let reason = needed_reason(a.reason, name)?;
    let signer = a.key.signer(root)?;
    let sign = if rollback {
        allow_rollback
    } else {
        acknowledge
    };
    let o = sign(root, &signer, &a.commit, &reason, &a.trust.options())?;
    if json || a.json {
        print_json(&serde_json::json!({
            "commit": o.commit,
            "acknowledged": o.acknowledged,
            "findings": o.findings,
            "signer": { "fingerprint": signer.fingerprint },
        }));
    } else if rollback {
        println!(
            "{}",
            t!(
                "audit-allowed-rollback",
                deployed = &o.acknowledged[..10],
                commit = &o.commit[..10]
            )
        );
    } else {
        println!(
            "{}",
            t!(
                "audit-acknowledged",
                count = o.findings,
                target = &o.acknowledged[..10],
                commit = &o.commit[..10]
            )
        );
    }
    Ok(())
}
