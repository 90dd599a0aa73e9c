//! `stp status [--overdue] [--json]`: the queues by state, who each article waits for,
//! what is due and when (Điều 9.3, 11.2), and whether it is overdue. `--overdue` lists
//! only the overdue articles and exits 1 when there is any, for cron and CI.

use std::path::PathBuf;

use clap::Args;
use stp_i18n::{Lang, t};

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{info, print_json, warning};
use crate::cli::repo::find_root;
use crate::cli::words;
use crate::content::SiteConfig;
use crate::ledger::Ledger;
use crate::report::from_ledger::{LedgerHistory, history_from_ledger, trusted_settings};
use crate::report::status::{StatusRow, now_in_vietnam, status_rows, waiting_for};
use crate::workflow::State;
use crate::workflow::calendar::Calendar;
use crate::workflow::deadlines::{DeadlineConfig, Standing};

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
        return Err(CliError::findings(t!(
            "status-overdue-count",
            count = overdue,
            moment = moment(now)
        ))
        .hint(t!("status-overdue-hint")));
    }
    Ok(())
}

/// The ledger's history for the board; articles whose recorded version does not parse
/// are left out with a warning.
pub fn read_history(ledger: &Ledger, site: &SiteConfig) -> CliResult<LedgerHistory> {
    let history = history_from_ledger(ledger, site)
        .map_err(|e| CliError::failed(e.to_string()).hint(t!("status-history-hint")))?;
    for w in &history.warnings {
        warning(w);
    }
    if ledger.trusted.is_none() {
        info(format_args!(
            "{}: {}",
            t!("note-label"),
            t!("status-no-trusted-workflow")
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
        Some(root) => println!("{}", t!("status-trust-root", root = root)),
        None => println!("{}", t!("status-no-trust-root")),
    }
    println!("{}", t!("status-as-of", moment = moment(now)));
    if overdue_only && rows.is_empty() {
        println!("\n{}", t!("status-nothing-overdue"));
    }
    for state in State::ALL {
        let in_state: Vec<&StatusRow> = rows.iter().filter(|r| r.state == state).collect();
        if in_state.is_empty() {
            continue;
        }
        let (name, count) = (words::state(state), in_state.len());
        match waiting_for(state) {
            Some(role) => println!(
                "\n{}",
                t!(
                    "status-group-waiting",
                    state = name,
                    count = count,
                    role = words::role(role)
                )
            ),
            None => println!("\n{}", t!("status-group", state = name, count = count)),
        }
        for r in in_state {
            let mut line = format!("  {}  {}", r.article, t!("status-days", days = r.age_days));
            if r.live && state != State::Published {
                line.push_str(&format!(", {}", t!("status-live-version")));
            }
            if !r.held_by.is_empty() {
                let who: Vec<String> = r
                    .held_by
                    .iter()
                    .map(|h| format!("{} ({})", h.name, h.id))
                    .collect();
                line.push_str(&format!(
                    ", {}",
                    t!("status-held-by", people = who.join(", "))
                ));
            }
            if let Some(deadline) = deadline_text(r) {
                line.push_str(&format!("; {deadline}"));
            }
            println!("{line}");
        }
    }
    let open = ledger.state.open_issues().count();
    if open > 0 {
        println!("\n{}", t!("status-open-findings", count = open));
    }
}

/// A moment of the board as the language writes it: `15:00 ngày 16/03/2026`,
/// `2026-03-16T15:00`.
fn moment(at: chrono::NaiveDateTime) -> String {
    match stp_i18n::current() {
        Lang::Vi => at.format("%H:%M ngày %d/%m/%Y").to_string(),
        Lang::En => at.format("%Y-%m-%dT%H:%M").to_string(),
    }
}

/// A row's deadline: its kind, when it is due and how it stands.
fn deadline_text(row: &StatusRow) -> Option<String> {
    let (kind, due, standing) = (row.deadline_kind?, row.due.as_deref()?, row.standing?);
    let due = match stp_i18n::current() {
        Lang::Vi => crate::notify::message::due_text(due),
        Lang::En => due.to_string(),
    };
    let standing = match standing {
        Standing::OnTime => "on-time",
        Standing::Late => "late",
        Standing::Pending => "pending",
        Standing::Overdue => "overdue",
    };
    Some(t!(
        "status-deadline",
        kind = words::kind(kind),
        due = due,
        standing = t!(&format!("status-standing-{standing}"))
    ))
}

/// The site files' line of the board, and the published articles with unsigned edits.
fn print_site(ledger: &Ledger, unsigned: &[String]) {
    use crate::ledger::site_files::short;
    let site = &ledger.state.site;
    let live = if site.live.is_some() {
        t!("status-site-live")
    } else {
        t!("status-site-unsigned")
    };
    match &site.pending {
        None => println!("\n{}", t!("status-site-no-change", live = live)),
        Some(p) => {
            let stage = match &p.approved_by {
                Some(by) => t!("status-site-approved-by", person = by),
                None => t!("status-site-proposed"),
            };
            println!(
                "\n{}",
                t!(
                    "status-site-change",
                    live = live,
                    version = short(&p.version),
                    person = &p.proposed_by,
                    stage = stage
                )
            );
        }
    }
    if !unsigned.is_empty() {
        println!("\n{}", t!("status-unsigned-edits"));
        for path in unsigned {
            println!("  {path}");
        }
    }
}
