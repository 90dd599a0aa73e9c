//! `stp notify [--dry-run] [--again] [--json]`: tells the people who hold each waiting
//! step, by e-mail, which articles wait for them (one message per person per run), for a
//! CI schedule or a timer. Off unless the trusted `workflow/workflow.toml` has a
//! `[notify]` table; the password comes from `STP_SMTP_PASSWORD`. What was told is kept
//! in `.git/stp/notified.tsv` (or `--state FILE`), so a hand-off is told once (`--again`
//! tells everything again). A person the server refuses is named; the others are still
//! told, and the command exits 2 at the end.

use std::collections::BTreeSet;
use std::path::PathBuf;

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{error_line, info, print_json, warning};
use crate::cli::repo::find_root;
use crate::cli::surroundings::{SMTP_PASSWORD_VAR, fixed_now, smtp_password};
use crate::content::SiteConfig;
use crate::notify::{MailError, Mailer, Message, Recipient, SentLog, compose, recipients};
use crate::report::from_ledger::trusted_settings;
use crate::report::status::{now_in_vietnam, status_rows};
use crate::workflow::calendar::Calendar;
use crate::workflow::deadlines::DeadlineConfig;

use super::signing::TrustArgs;
use super::status::read_history;

/// The sent log's file name in the clone's state folder (`.git/stp/`).
const SENT_LOG: &str = "notified.tsv";

#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// Print what would be sent to whom; send nothing and record nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Tell every waiting hand-off again, even those already told.
    #[arg(long)]
    pub again: bool,
    /// Print the counts as JSON (sent, people, articles).
    #[arg(long)]
    pub json: bool,
    /// The record of hand-offs already told; default: .git/stp/notified.tsv (keep it
    /// between runs, e.g. in a CI cache, or every run tells everything).
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    #[command(flatten)]
    pub trust: TrustArgs,
}

/// What a run did, for `--json`.
#[derive(Default)]
struct Counts {
    sent: usize,
    people: usize,
    articles: usize,
    no_email: Vec<String>,
    failed: Vec<Failure>,
}

/// A person the server would not take a message for.
#[derive(serde::Serialize)]
struct Failure {
    id: String,
    name: String,
    email: String,
    /// The server's answer (or why the message could not be made).
    answer: String,
}

pub fn run(repo: Option<PathBuf>, args: NotifyArgs) -> CliResult {
    let now =
        now_in_vietnam(fixed_now().as_deref(), chrono::Utc::now()).map_err(CliError::usage)?;
    let root = find_root(repo)?;
    let ledger = args.trust.load(&root)?;
    let Some(trusted) = ledger.trusted.as_deref() else {
        return unconfigured(&args, &t!("notify-why-no-workflow"));
    };
    let Some(settings) = trusted.config.notify.clone() else {
        return unconfigured(&args, &t!("notify-why-no-table"));
    };
    let site = SiteConfig::load(&root.join("site.toml"))?;
    let history = read_history(&ledger, &site)?;
    let (default_config, default_calendar) = (DeadlineConfig::default(), Calendar::default());
    let deadlines = trusted_settings(&ledger).unwrap_or((&default_config, &default_calendar));
    let rows = status_rows(&ledger, &history.events, &history.articles, deadlines, now);
    let everyone = recipients(&rows, &history.events, &trusted.people);

    let state_path = match args.state.clone() {
        Some(p) => p,
        None => crate::ledger::repo::state_folder(&root)?.join(SENT_LOG),
    };
    let mut log = SentLog::load(&state_path).map_err(|e| {
        CliError::caused_by(&e).hint(t!(
            "notify-log-unreadable-hint",
            path = state_path.display().to_string()
        ))
    })?;
    let waiting: BTreeSet<String> = everyone
        .iter()
        .flat_map(|r| r.handoffs.iter().map(|h| h.key(&r.id)))
        .collect();
    log.keep_only(&waiting);

    let mut counts = Counts::default();
    let mut to_tell: Vec<(&Recipient, &str)> = Vec::new();
    for r in &everyone {
        let has_new = r
            .handoffs
            .iter()
            .any(|h| args.again || !log.contains(&h.key(&r.id)));
        if !has_new {
            continue;
        }
        match r.email.as_deref() {
            Some(email) => to_tell.push((r, email)),
            None => {
                warning(&t!(
                    "notify-no-email",
                    name = &r.name,
                    id = &r.id,
                    count = r.handoffs.len()
                ));
                counts.no_email.push(r.id.clone());
            }
        }
    }
    counts.people = to_tell.len();
    counts.articles = to_tell
        .iter()
        .flat_map(|(r, _)| r.handoffs.iter().map(|h| h.article.as_str()))
        .collect::<BTreeSet<_>>()
        .len();
    // Composed before anything is recorded: `[mới]` marks what this run tells first.
    let messages: Vec<(&Recipient, &str, Message)> = to_tell
        .iter()
        .map(|(r, email)| {
            let id = r.id.as_str();
            let message = compose(r, &site.title, |h| !log.contains(&h.key(id)));
            (*r, *email, message)
        })
        .collect();

    if args.dry_run || messages.is_empty() {
        if messages.is_empty() && !args.json {
            println!("{}", t!("notify-nothing-new"));
        }
        if !args.json {
            for (r, email, message) in &messages {
                println!(
                    "{}",
                    t!(
                        "notify-would-send",
                        name = &r.name,
                        email = *email,
                        subject = &message.subject
                    )
                );
                for line in message.body.lines() {
                    println!("  | {line}");
                }
            }
        }
        if !args.dry_run {
            save(&log)?;
        }
        if args.json {
            print_counts(&counts, true, args.dry_run);
        }
        return Ok(());
    }

    let mailer = Mailer::new(&settings, smtp_password()).map_err(mail_error)?;
    mailer.check().map_err(mail_error)?;
    for (r, email, message) in &messages {
        match mailer.send(&r.name, email, message) {
            Ok(()) => {
                counts.sent += 1;
                info(format_args!(
                    "{}",
                    t!(
                        "notify-sent",
                        name = &r.name,
                        email = *email,
                        count = r.handoffs.len()
                    )
                ));
                // Recorded at once, so a run cut short does not tell this person again.
                for h in &r.handoffs {
                    log.record(h.key(&r.id));
                }
                save(&log)?;
            }
            Err(e) => {
                error_line(&t!(
                    "notify-send-failed",
                    name = &r.name,
                    id = &r.id,
                    email = *email,
                    error = e.to_string()
                ));
                counts.failed.push(Failure {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    email: email.to_string(),
                    answer: e.to_string(),
                });
            }
        }
    }
    // Hand-offs since taken are dropped from the record even when nothing was sent.
    save(&log)?;
    if args.json {
        print_counts(&counts, true, false);
    }
    if !counts.failed.is_empty() {
        let names: Vec<String> = counts
            .failed
            .iter()
            .map(|f| format!("{} ({})", f.name, f.id))
            .collect();
        return Err(CliError::failed(t!(
            "notify-failed",
            count = names.len(),
            total = to_tell.len(),
            names = names.join(", ")
        ))
        .hint(t!("notify-failed-hint")));
    }
    Ok(())
}

/// Writes the record of what was told.
fn save(log: &SentLog) -> CliResult {
    log.save().map_err(|e| {
        CliError::caused_by(&e).hint(t!(
            "notify-log-unsaved-hint",
            path = log.path().display().to_string()
        ))
    })
}

/// Notify is off: say so, send nothing, succeed.
fn unconfigured(args: &NotifyArgs, why: &str) -> CliResult {
    if args.json {
        print_counts(&Counts::default(), false, args.dry_run);
    } else {
        println!("{}", t!("notify-unconfigured", why = why));
    }
    Ok(())
}

fn print_counts(counts: &Counts, configured: bool, dry_run: bool) {
    print_json(&serde_json::json!({
        "configured": configured,
        "dry_run": dry_run,
        "sent": counts.sent,
        "people": counts.people,
        "articles": counts.articles,
        "no_email": counts.no_email,
        "failed": counts.failed,
    }));
}

/// A mail error that stops the run, with what to do about it.
fn mail_error(e: MailError) -> CliError {
    let hint = match &e {
        MailError::NoPassword => t!("notify-hint-no-password", var = SMTP_PASSWORD_VAR),
        MailError::LoginWithoutTls => t!("notify-hint-login-without-tls"),
        MailError::BadAddress(_) => t!("notify-hint-bad-address"),
        MailError::Unreachable { why, .. } if why.contains("certificate") => {
            t!("notify-hint-certificate")
        }
        MailError::Unreachable { .. } => t!("notify-hint-unreachable"),
        MailError::Build(_) | MailError::Refused(_) => t!("notify-hint-refused"),
    };
    let message = match &e {
        MailError::Unreachable { server, .. } => {
            t!("notify-unreachable", server = server.to_string())
        }
        _ => t!("notify-sending", error = e.to_string()),
    };
    let mut err = CliError::failed(message).hint(hint);
    if let MailError::Unreachable { why, .. } = &e {
        err.causes.push(why.clone());
    }
    err
}
