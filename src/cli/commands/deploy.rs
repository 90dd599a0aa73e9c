//! `stp deploy TARGET`: put the public build (`public/`, or `--from DIR`) into a web
//! server's folder, only what changed, swapped in whole. Only a public build goes out
//! (its build record names the signed commit it was built from; a preview has none), and
//! never one whose history does not contain the commit the target was deployed from:
//! rolling the site back needs `--allow-rewind`, after reading `stp audit`.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{info, print_json};
use crate::cli::repo::find_root;
use crate::ledger::{BUILD_RECORD, recorded_commit};

use super::signing::TrustArgs;

#[derive(Debug, Args)]
pub struct DeployArgs {
    /// Where readers get the site: a folder (a web server's document root).
    #[arg(value_name = "TARGET")]
    pub target: PathBuf,
    /// The public build to deploy (default: the site's public/, as `stp build` writes it).
    #[arg(long, value_name = "DIR")]
    pub from: Option<PathBuf>,
    /// Only list what would be sent and deleted.
    #[arg(long)]
    pub dry_run: bool,
    /// Deploy even though the build's history does not contain the commit the target was
    /// deployed from (a rollback: read `stp audit` first).
    #[arg(long)]
    pub allow_rewind: bool,
    /// Print the counts (and the files) as JSON (see docs/cli.md).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: DeployArgs) -> CliResult {
    let root = find_root(repo)?;
    let build = args.from.clone().unwrap_or_else(|| root.join("public"));
    let target = folder_target(&args.target)?;
    refuse_overlap(&build, &target)?;
    let built = recorded_commit(&build).ok_or_else(|| {
        CliError::failed(format!(
            "{} is not a public build: it has no {BUILD_RECORD} naming the signed commit it was built from",
            build.display()
        ))
        .hint("build the public site with `stp build` (a preview never goes out), then deploy")
    })?;
    refuse_foreign_folder(&target)?;
    if let Some(deployed) = recorded_commit(&target)
        && !args.allow_rewind
    {
        let ledger = args.trust.load(&root)?;
        if !ledger.descends_from(&built, &deployed)? {
            return Err(CliError::failed(format!(
                "{} was deployed from signed commit {deployed}, and the build in {} (from {built}) does not contain it: deploying it would roll the site back",
                target.display(),
                build.display()
            ))
            .hint("build from the current history (`stp sync`, then `stp build`); to roll back anyway, pass --allow-rewind after reading `stp audit`"));
        }
    }
    let changes = crate::deploy::to_folder(&build, &target, args.dry_run)
        .map_err(|e| CliError::caused_by(&e))?;
    if args.json {
        print_json(&serde_json::json!({
            "target": target,
            "dry_run": args.dry_run,
            "signed_commit": built,
            "uploaded": changes.uploaded.len(),
            "deleted": changes.deleted.len(),
            "unchanged": changes.unchanged,
            "files": { "uploaded": changes.uploaded, "deleted": changes.deleted },
        }));
        return Ok(());
    }
    let verb = if args.dry_run { "would send" } else { "sent" };
    for path in &changes.uploaded {
        info(format_args!("{verb}: {path}"));
    }
    for path in &changes.deleted {
        info(format_args!(
            "{}: {path}",
            if args.dry_run {
                "would delete"
            } else {
                "deleted"
            }
        ));
    }
    println!(
        "{}: {} {verb}, {} deleted, {} unchanged (signed commit {})",
        target.display(),
        changes.uploaded.len(),
        changes.deleted.len(),
        changes.unchanged,
        &built[..12.min(built.len())]
    );
    Ok(())
}

/// The build and the target must be two folders, neither inside the other: the target is
/// replaced whole.
fn refuse_overlap(build: &Path, target: &Path) -> CliResult {
    let (b, t) = (
        crate::render::resolved(build)?,
        crate::render::resolved(target)?,
    );
    if b.starts_with(&t) || t.starts_with(&b) {
        return Err(CliError::usage(format!(
            "{} and {} are the same folder or one holds the other; deploy into a folder of its own",
            build.display(),
            target.display()
        )));
    }
    Ok(())
}

/// A folder that holds files but no build record was not deployed by stp (a web root with
/// other sites, a home folder): replacing it whole would delete them, so it is refused.
fn refuse_foreign_folder(target: &Path) -> CliResult {
    let holds_files = std::fs::read_dir(target).is_ok_and(|mut d| d.next().is_some());
    if holds_files && recorded_commit(target).is_none() {
        return Err(CliError::failed(format!(
            "{} already holds files that stp did not deploy (it has no {BUILD_RECORD}); stp replaces the folder whole, so they would be deleted",
            target.display()
        ))
        .hint("deploy into a new or empty folder (e.g. /var/www/stp) and point the web server at it"));
    }
    Ok(())
}

/// The folder `target` names; the targets stp does not reach yet are refused by name.
fn folder_target(target: &Path) -> CliResult<PathBuf> {
    let text = target.to_string_lossy();
    if text.contains("://") || (text.contains(':') && !text.starts_with('/')) {
        return Err(CliError::usage(format!(
            "`{text}` is not a folder: this version of stp deploys to a local folder only (object storage and ssh targets are not built yet)"
        ))
        .hint("deploy to a folder the web server reads, e.g. `stp deploy /var/www/stp`, or copy public/ yourself"));
    }
    Ok(target.to_path_buf())
}
