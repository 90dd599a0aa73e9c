//! `stp status [--overdue] [--json]`: the queues by state, who each article waits for,
//! what is due and when (Điều 9.3, 11.2), and whether it is overdue. `--overdue` lists
//! only the overdue articles and exits 1 when there is any, for cron and CI.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{info, print_json};
use crate::cli::repo::find_root;
use crate::content::SiteConfig;
use crate::ledger::Ledger;
use crate::report::from_ledger::{LedgerHistory, history_from_ledger, trusted_settings};
use crate::report::status::{StatusRow, deadline_text, now_in_vietnam, status_rows, waiting_for};
use crate::workflow::State;
use crate::workflow::calendar::Calendar;
use crate::workflow::deadlines::DeadlineConfig;

use super::signing::TrustArgs;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print the state as JSON.
    #[arg(long)]
    pub json: bool,
    /// List only the overdue articles; exit 1 when there is any.
    #[arg(long)]
    pub overdue: bool,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: StatusArgs) -> CliResult {
    let now = now_in_vietnam(
        crate::cli::surroundings::fixed_now().as_deref(),
        chrono::Utc::now(),
    )
    .map_err(CliError::usage)?;
    let root = find_root(repo)?;
    let ledger = args.trust.load(&root)?;
    let site = SiteConfig::load(&root.join("site.toml"))?;
    let history = read_history(&ledger, &site)?;
    let (default_config, default_calendar) = (DeadlineConfig::default(), Calendar::default());
    let settings = trusted_settings(&ledger).unwrap_or((&default_config, &default_calendar));
    let mut rows = status_rows(&ledger, &history.events, &history.articles, settings, now);
    let unsigned = ledger.unsigned_edits()?;
    if args.overdue {
        rows.retain(|r| r.overdue);
    }
    if args.json {
        let value = serde_json::json!({
            "now": now.format("%Y-%m-%dT%H:%M").to_string(),
            "trust_root": ledger.state.trust.root,
            "trusted_on_first_use": ledger.state.trust.on_first_use,
            "articles": rows,
            "issues": ledger.state.issues.len(),
            "open_issues": ledger.state.open_issues().count(),
            "site": {
                "live": ledger.state.site.live,
                "pending": ledger.state.site.pending,
            },
            "unsigned_edits": unsigned,
        });
        print_json(&value);
    } else {
        print_board(&ledger, &rows, args.overdue, now);
        print_site(&ledger, &unsigned);
    }
    let overdue = rows.iter().filter(|r| r.overdue).count();
    if args.overdue && overdue > 0 {
        return Err(CliError::findings(format!(
            "{overdue} article(s) overdue as of {}",
            now.format("%Y-%m-%dT%H:%M")
        ))
        .hint("see who holds each with `stp status`"));
    }
    Ok(())
}

/// The ledger's history for the board; articles whose recorded version does not parse
/// are left out with a warning.
pub fn read_history(ledger: &Ledger, site: &SiteConfig) -> CliResult<LedgerHistory> {
    let history = history_from_ledger(ledger, site).map_err(|e| {
        CliError::failed(e.to_string())
            .hint("fix the article with a signed step (`stp submit`), then run again")
    })?;
    for w in &history.warnings {
        eprintln!("warning: {w}");
    }
    if ledger.trusted.is_none() {
        info(format_args!(
            "note: no trusted workflow/ yet; deadlines use no tables and the law's calendar"
        ));
    }
    Ok(history)
}

fn print_board(
    ledger: &Ledger,
    rows: &[StatusRow],
    overdue_only: bool,
    now: chrono::NaiveDateTime,
) {
    match &ledger.state.trust.root {
        Some(root) => println!("trust root: {root}"),
        None => println!("no admin has signed the trust data yet: nothing can be published"),
    }
    println!("as of {}", now.format("%Y-%m-%dT%H:%M"));
    if overdue_only && rows.is_empty() {
        println!("\nnothing is overdue");
    }
    for state in State::ALL {
        let in_state: Vec<&StatusRow> = rows.iter().filter(|r| r.state == state).collect();
        if in_state.is_empty() {
            continue;
        }
        match waiting_for(state) {
            Some(role) => println!("\n{state} ({}), waiting for {role}:", in_state.len()),
            None => println!("\n{state} ({}):", in_state.len()),
        }
        for r in in_state {
            let mut line = format!("  {}  {} days", r.article, r.age_days);
            if r.live && state != State::Published {
                line.push_str(", a published version is live");
            }
            if !r.held_by.is_empty() {
                let who: Vec<String> = r
                    .held_by
                    .iter()
                    .map(|h| format!("{} ({})", h.name, h.id))
                    .collect();
                line.push_str(&format!(", held by {}", who.join(", ")));
            }
            if let Some(deadline) = deadline_text(r) {
                line.push_str(&format!("; {deadline}"));
            }
            println!("{line}");
        }
    }
    let open = ledger.state.open_issues().count();
    if open > 0 {
        println!(
            "\n{open} findings (changes without authority, merges) are not acknowledged: see `stp audit`"
        );
    }
}

/// The site files' line of the board, and the published articles with unsigned edits.
fn print_site(ledger: &Ledger, unsigned: &[String]) {
    use crate::ledger::site_files::short;
    let site = &ledger.state.site;
    let live = if site.live.is_some() {
        "the approved version is live"
    } else {
        "no signed version yet (nothing can be built for the public)"
    };
    match &site.pending {
        None => println!("\nsite files: {live}; no change waits"),
        Some(p) => {
            let stage = match &p.approved_by {
                Some(by) => format!("approved by {by}, waiting for the secretary's `stp publish`"),
                None => "proposed, waiting for an approver (`stp site approve`)".into(),
            };
            println!(
                "\nsite files: {live}; change {} proposed by {}: {stage}",
                short(&p.version),
                p.proposed_by
            );
        }
    }
    if !unsigned.is_empty() {
        println!("\npublished, with unsigned edits in HEAD (the site shows the signed version):");
        for path in unsigned {
            println!("  {path}");
        }
    }
}
