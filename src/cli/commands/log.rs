//! `stp log ARTICLE`: the signed trail of an article: who, in which role, when, with what
//! reason and ground; and the attempts that were not valid.

use std::path::PathBuf;

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::print_json;
use crate::cli::repo::find_root;
use crate::cli::words;
use crate::ledger::EventKind;
use crate::workflow::RoleGrant;

use super::signing::{TrustArgs, article_path};

#[derive(Debug, Args)]
pub struct LogArgs {
    /// The article: the slug (x, section/x, x.en) or the path (content/…/x.md); `site` for
    /// the trail of the site files.
    pub article: PathBuf,
    /// Print the trail as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: LogArgs) -> CliResult {
    let root = find_root(repo)?;
    if args.article.as_os_str() == "site" {
        let ledger = args.trust.load(&root)?;
        return site_log(&ledger, args.json);
    }
    let path = article_path(&root, &args.article)?;
    let ledger = args.trust.load(&root)?;
    let record = ledger.state.articles.get(&path).ok_or_else(|| {
        CliError::failed(t!("log-no-step", article = &path))
            .hint(t!("log-no-step-hint", article = &path))
    })?;
    if args.json {
        print_json(record);
        return Ok(());
    }
    println!(
        "{}",
        t!(
            "log-head",
            article = &path,
            state = words::state(record.state)
        )
    );
    for e in &record.events {
        let date = e
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "----------".into());
        let commit = &e.commit[..10.min(e.commit.len())];
        match &e.kind {
            EventKind::Step {
                action,
                from,
                to,
                person,
                name,
                role,
                grant,
                reason,
                ground,
            } => {
                let via = match grant {
                    RoleGrant::Direct => String::new(),
                    RoleGrant::Delegated { from, start, until } => {
                        t!(
                            "log-delegated",
                            from = from,
                            start = start.to_string(),
                            until = until.to_string()
                        )
                    }
                };
                println!(
                    "{}",
                    t!(
                        "log-step",
                        date = &date,
                        action = format!("{:<8}", action.as_str()),
                        from = words::state(*from),
                        to = words::state(*to),
                        name = name,
                        person = person,
                        role = words::role(*role),
                        via = via,
                        commit = commit
                    )
                );
                if let Some(g) = ground {
                    let meaning = g
                        .parse::<crate::workflow::Ground>()
                        .map(|g| g.meaning())
                        .unwrap_or_default();
                    println!(
                        "            {}",
                        t!("log-ground", ground = g, meaning = meaning)
                    );
                }
                if let Some(r) = reason {
                    println!("            {}", t!("log-reason", reason = r));
                }
            }
            EventKind::Adopted { person, name } => {
                println!(
                    "{}",
                    t!(
                        "log-adopted",
                        date = &date,
                        published = words::state(crate::workflow::State::Published),
                        name = name,
                        person = person,
                        role = words::role(crate::workflow::Role::Admin),
                        commit = commit
                    )
                );
            }
            EventKind::Voided { was } => {
                println!(
                    "{}",
                    t!(
                        "log-voided",
                        date = &date,
                        was = words::state(*was),
                        submitted = words::state(crate::workflow::State::Submitted),
                        commit = commit
                    )
                );
            }
            EventKind::Invalid {
                transition,
                signer,
                why,
            } => {
                let by = signer.clone().unwrap_or_else(|| t!("log-unknown-signer"));
                println!(
                    "{}",
                    t!(
                        "log-invalid",
                        date = &date,
                        transition = transition,
                        by = by,
                        why = why,
                        commit = commit
                    )
                );
            }
        }
    }
    if let Some(live) = &record.live {
        println!(
            "{}",
            t!(
                "log-live",
                name = &live.by_name,
                commit = &live.commit[..10.min(live.commit.len())]
            )
        );
    }
    Ok(())
}

/// `stp log site`: the signed trail of the site files.
fn site_log(ledger: &crate::ledger::Ledger, json: bool) -> CliResult {
    let site = &ledger.state.site;
    if json {
        print_json(site);
        return Ok(());
    }
    let live = site
        .live
        .as_ref()
        .map(|l| crate::ledger::site_files::short(&l.version).to_string())
        .unwrap_or_else(|| t!("log-site-none"));
    println!("{}", t!("log-site-live", live = live));
    for e in &site.events {
        let date = e
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "----------".into());
        let who = match (&e.name, &e.person) {
            (Some(name), Some(id)) => format!("  {}", t!("log-site-by", name = name, person = id)),
            _ => String::new(),
        };
        let what = match e.action.as_str() {
            "root" => t!("log-site-root"),
            "voided" => t!("log-site-voided"),
            other => other.to_string(),
        };
        println!(
            "{date}  {what:<8}{who}  {}",
            &e.commit[..10.min(e.commit.len())]
        );
        if let Some(note) = e.note.as_ref().filter(|_| e.action != "voided") {
            println!(
                "            {}: {note}",
                if e.action == "invalid" {
                    t!("log-site-why-label")
                } else {
                    t!("log-site-reason-label")
                }
            );
        }
    }
    Ok(())
}
