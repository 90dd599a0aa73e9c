//! `stp status [--json]`: the queues by state, who they wait for, and for how long.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use crate::cli::error::CliResult;
use crate::cli::repo::find_root;
use crate::workflow::{Action, Role, State, required_role};

use super::signing::TrustArgs;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print the state as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub trust: TrustArgs,
}

#[derive(Serialize)]
struct Row {
    article: String,
    state: State,
    waiting_for: Option<Role>,
    /// Days since the last valid step (commit time; informative).
    age_days: i64,
    live: bool,
}

/// The role an article in `state` waits for.
fn waiting_for(state: State) -> Option<Role> {
    let action = match state {
        State::Submitted => Action::Review,
        State::Edited => Action::Verify,
        State::Verified => Action::Approve,
        State::Approved => Action::Publish,
        State::Returned => Action::Submit,
        _ => return None,
    };
    Some(required_role(action, state))
}

pub fn run(repo: Option<PathBuf>, args: StatusArgs) -> CliResult {
    let root = find_root(repo)?;
    let ledger = args.trust.load(&root)?;
    let now = chrono::Utc::now().timestamp();
    let rows: Vec<Row> = ledger
        .state
        .articles
        .iter()
        .map(|(path, r)| Row {
            article: path.clone(),
            state: r.state,
            waiting_for: waiting_for(r.state),
            age_days: (now - r.since).max(0) / 86_400,
            live: r.live.is_some(),
        })
        .collect();
    if args.json {
        let value = serde_json::json!({
            "trust_root": ledger.state.trust.root,
            "trusted_on_first_use": ledger.state.trust.on_first_use,
            "articles": rows,
            "issues": ledger.state.issues.len(),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
        return Ok(());
    }
    match &ledger.state.trust.root {
        Some(root) => println!("trust root: {root}"),
        None => println!("no admin has signed the trust data yet: nothing can be published"),
    }
    for state in State::ALL {
        let in_state: Vec<&Row> = rows.iter().filter(|r| r.state == state).collect();
        if in_state.is_empty() {
            continue;
        }
        match waiting_for(state) {
            Some(role) => println!("\n{state} ({}), waiting for {role}:", in_state.len()),
            None => println!("\n{state} ({}):", in_state.len()),
        }
        for r in in_state {
            let live = if r.live && state != State::Published {
                ", a published version is live"
            } else {
                ""
            };
            println!("  {}  {} days{live}", r.article, r.age_days);
        }
    }
    if !ledger.state.issues.is_empty() {
        println!(
            "\n{} commits tried to change a status or the trust data without authority: see `stp audit`",
            ledger.state.issues.len()
        );
    }
    Ok(())
}
