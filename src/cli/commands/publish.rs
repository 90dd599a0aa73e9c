//! `stp publish [ARTICLE…] [--dry-run] [--to DIR]`: the secretary posts the approved
//! articles (the ones named, or every one and an approved change of the site files) in one
//! signed commit (Điều 15.3), sends it to the shared repository when the clone has one
//! (`stp sync`, so nobody has to remember it), then builds the public site from the live
//! set. `--dry-run` shows what would go live, checked as the step would be, and signs
//! nothing.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::print_json;
use crate::cli::repo::find_root;
use crate::ledger::{Signer, SyncReport, has_remote, preview_step, sync};
use crate::workflow::Action;

use super::build::build_public;
use super::signing::SignedArgs;
use super::step::{sign_step_as, step_request, steps_json};
use super::sync::outcome;

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The approved articles to post (default: every approved article, and an approved
    /// change of the site files).
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// Show what would go live, checked as the step would be; sign and build nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Where to build the public site (default: public/).
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
    /// The shared repository the publish is sent to, when this clone has it (as
    /// `stp sync --remote`).
    #[arg(long, default_value = "origin")]
    pub remote: String,
    /// Do not send the publish to the shared repository (send it later with `stp sync`).
    #[arg(long)]
    pub no_sync: bool,
    #[command(flatten)]
    pub sign: SignedArgs,
}

pub fn run(repo: Option<PathBuf>, args: PublishArgs) -> CliResult {
    let root = find_root(repo)?;
    if args.dry_run {
        return dry_run(&root, &args);
    }
    let signer = args.sign.key.signer(&root)?;
    let signed = sign_step_as(
        &root,
        &signer,
        Action::Publish,
        &args.articles,
        None,
        None,
        &args.sign,
    )?;
    // Sent before the build, so that the public site is built from what the shared
    // repository holds after the send (ours signed again on top of theirs, say).
    let sent = (!args.no_sync && has_remote(&root, &args.remote))
        .then(|| send(&root, &signer, &args.remote, &args.sign));
    let out = args.to.unwrap_or_else(|| root.join("public"));
    let built = build_public(&root, &out, &args.sign.trust, args.sign.json, false, false)?;
    if args.sign.json {
        let mut value = signed.json();
        value["build"] = built;
        value["sync"] = match &sent {
            Some(Ok(report)) => serde_json::json!(report),
            _ => serde_json::Value::Null,
        };
        print_json(&value);
    }
    match sent {
        None => Ok(()),
        Some(Ok(report)) => outcome(&report, args.sign.json),
        Some(Err(e)) => Err(e),
    }
}

/// Sends the publish to `remote` as `stp sync` does; a failure says that the publish
/// itself is signed here and how to send it later.
fn send(root: &Path, signer: &Signer, remote: &str, sign: &SignedArgs) -> CliResult<SyncReport> {
    sync(root, Some(signer), remote, &sign.trust.options()).map_err(|e| {
        CliError::caused_by(&e)
            .in_context(&format!(
                "published and signed in this clone, but not sent to {remote}"
            ))
            .hint(format!(
                "send it with `stp sync --remote {remote}` when the shared repository can be reached; until then the others do not see it"
            ))
    })
}

/// What the publish would post.
fn dry_run(root: &std::path::Path, args: &PublishArgs) -> CliResult {
    let signer = args.sign.key.signer(root)?;
    let request = step_request(root, Action::Publish, &args.articles, None, None)?;
    let preview = preview_step(root, &signer, &request, &args.sign.trust.options())?;
    if args.sign.json {
        print_json(&serde_json::json!({
            "action": "publish",
            "dry_run": true,
            "person": preview.person,
            "steps": steps_json(&preview.steps),
            "site_version": preview.site_version,
        }));
        return Ok(());
    }
    for (path, from, to) in &preview.steps {
        println!("would publish {path}: {from} -> {to}");
    }
    if let Some(version) = &preview.site_version {
        println!("would take the approved site files live (version {version})");
    }
    println!(
        "nothing was signed: run it again without --dry-run, as {}",
        preview.person
    );
    Ok(())
}
