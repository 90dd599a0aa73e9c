//! `stp log ARTICLE`: the signed trail of an article: who, in which role, when, with what
//! reason and ground; and the attempts that were not valid.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::print_json;
use crate::cli::repo::find_root;
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
        CliError::failed(format!("{path} has no signed step in the history"))
            .hint(format!("send it in with `stp submit {path}`"))
    })?;
    if args.json {
        print_json(record);
        return Ok(());
    }
    println!("{path}: {}", record.state);
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
                        format!(", for {from} by delegation {start} to {until}")
                    }
                };
                println!(
                    "{date}  {action:<8} {from} -> {to}  by {name} ({person}, {role}{via})  {commit}"
                );
                if let Some(g) = ground {
                    let meaning = g
                        .parse::<crate::workflow::Ground>()
                        .map(|g| g.meaning())
                        .unwrap_or_default();
                    println!("            ground: Điều 12.3.{g} ({meaning})");
                }
                if let Some(r) = reason {
                    println!("            reason: {r}");
                }
            }
            EventKind::Adopted { person, name } => {
                println!(
                    "{date}  adopted  -> published  by {name} ({person}, admin): an article from before stp  {commit}"
                );
            }
            EventKind::Voided { was } => {
                println!(
                    "{date}  content changed after it was {was}: the step is void, back to submitted  {commit}"
                );
            }
            EventKind::Invalid {
                transition,
                signer,
                why,
            } => {
                let by = signer.as_deref().unwrap_or("unknown");
                println!("{date}  NOT VALID `{transition}` signed by {by}: {why}  {commit}");
            }
        }
    }
    if let Some(live) = &record.live {
        println!(
            "on the public site: the version published by {} in {}",
            live.by_name,
            &live.commit[..10.min(live.commit.len())]
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
        .unwrap_or_else(|| "none".into());
    println!("site files: live version {live}");
    for e in &site.events {
        let date = e
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "----------".into());
        let who = match (&e.name, &e.person) {
            (Some(name), Some(id)) => format!("  by {name} ({id})"),
            _ => String::new(),
        };
        let what = match e.action.as_str() {
            "root" => "first version, signed with the trust root",
            "voided" => "voided: the files changed after the proposal",
            other => other,
        };
        println!(
            "{date}  {what:<8}{who}  {}",
            &e.commit[..10.min(e.commit.len())]
        );
        if let Some(note) = e.note.as_ref().filter(|_| e.action != "voided") {
            println!(
                "            {}: {note}",
                if e.action == "invalid" {
                    "why"
                } else {
                    "reason"
                }
            );
        }
    }
    Ok(())
}
