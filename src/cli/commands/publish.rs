//! `stp publish [ARTICLE…] [--dry-run] [--to DIR]`: the secretary posts the approved
//! articles (the ones named, or every one and an approved change of the site files) in one
//! signed commit (Điều 15.3), then builds the public site from the live set. `--dry-run`
//! shows what would go live, checked as the step would be, and signs nothing.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::CliResult;
use crate::cli::output::print_json;
use crate::cli::repo::find_root;
use crate::ledger::preview_step;
use crate::workflow::Action;

use super::build::build_public;
use super::signing::SignedArgs;
use super::step::{sign_step, step_request, steps_json};

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
    #[command(flatten)]
    pub sign: SignedArgs,
}

pub fn run(repo: Option<PathBuf>, args: PublishArgs) -> CliResult {
    let root = find_root(repo)?;
    if args.dry_run {
        return dry_run(&root, &args);
    }
    let signed = sign_step(
        &root,
        Action::Publish,
        &args.articles,
        None,
        None,
        &args.sign,
    )?;
    let out = args.to.unwrap_or_else(|| root.join("public"));
    let built = build_public(&root, &out, &args.sign.trust, args.sign.json, false, false)?;
    if args.sign.json {
        let mut value = signed.json();
        value["build"] = built;
        print_json(&value);
    }
    Ok(())
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
