//! `stp deploy TARGET`: put the public build (`public/`, or `--from DIR`) where readers
//! get it — a web server's folder, swapped in whole, a folder on another host over ssh
//! (rsync), or S3-compatible object storage (`s3://bucket/prefix`) — sending only what
//! changed. Only a public build goes out (its build record
//! names the signed commit it was built from; a preview has none), never into a target
//! holding files stp did not deploy, and never one whose history does not contain the
//! commit the target was deployed from, unless an admin signed a decision allowing that
//! rollback (`stp audit allow-rollback COMMIT --reason …`) into the history being built.

use std::path::{Path, PathBuf};

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{Progress, info, print_json};
use crate::cli::repo::find_root;
use crate::cli::surroundings;
use crate::deploy::s3::{S3Deploy, Store};
use crate::deploy::{Changes, Deployed, Remote, Target};
use crate::ledger::{BUILD_RECORD, commit_in_record, recorded_commit};

use super::signing::TrustArgs;

#[derive(Debug, Args)]
pub struct DeployArgs {
    /// Where readers get the site: a folder (a web server's document root), or a folder on
    /// another host over ssh: `host:/var/www/stp`, `user@host:/srv/site`,
    /// `ssh://user@host:port/srv/site`; or S3-compatible object storage,
    /// `s3://bucket/prefix` (credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
    /// AWS_SESSION_TOKEN; AWS_REGION).
    #[arg(value_name = "TARGET")]
    pub target: String,
    /// For object storage other than AWS: the service's URL (default: AWS_ENDPOINT_URL_S3,
    /// else AWS_ENDPOINT_URL, else AWS in AWS_REGION); reached with path-style URLs.
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,
    /// The public build to deploy (default: the site's public/, as `stp build` writes it).
    #[arg(long, value_name = "DIR")]
    pub from: Option<PathBuf>,
    /// Only list what would be sent and deleted.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the counts (and the files) as JSON (see docs/cli.md).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub trust: TrustArgs,
}

/// A target stp deploys to.
enum Destination {
    Folder(PathBuf),
    Ssh(Remote),
    S3(Box<Store>),
}

impl Destination {
    fn name(&self) -> String {
        match self {
            Destination::Folder(dir) => dir.display().to_string(),
            Destination::Ssh(remote) => format!("{}:{}", remote.host, remote.path),
            Destination::S3(store) => store.name().to_string(),
        }
    }

    fn deployed(&self) -> CliResult<Deployed> {
        match self {
            Destination::Folder(dir) => crate::deploy::folder_deployed(dir),
            Destination::Ssh(remote) => remote.deployed(),
            Destination::S3(store) => crate::deploy::s3::deployed(store),
        }
        .map_err(|e| CliError::caused_by(&e))
    }

    fn deploy(&self, build: &Path, args: &DeployArgs) -> CliResult<Changes> {
        let dry_run = args.dry_run;
        match self {
            Destination::Folder(dir) => crate::deploy::to_folder(build, dir, dry_run),
            Destination::Ssh(remote) => crate::deploy::to_ssh(build, remote, dry_run),
            Destination::S3(store) => {
                let progress = Progress::start(
                    t!("deploy-progress", target = store.name().to_string()),
                    args.json,
                );
                let deploy = S3Deploy {
                    build,
                    dry_run,
                    progress: &|n, total, path| progress.step(n, total, path),
                };
                crate::deploy::s3::to_s3(store, &deploy)
            }
        }
        .map_err(|e| CliError::caused_by(&e))
    }
}

pub fn run(repo: Option<PathBuf>, args: DeployArgs) -> CliResult {
    let root = find_root(repo)?;
    let build = args.from.clone().unwrap_or_else(|| root.join("public"));
    let destination = destination(&args, &build)?;
    let built = recorded_commit(&build).ok_or_else(|| {
        CliError::failed(t!(
            "deploy-not-public",
            build = build.display().to_string(),
            record = BUILD_RECORD
        ))
        .hint(t!("deploy-not-public-hint"))
    })?;
    match destination.deployed()? {
        Deployed::Nothing => {}
        Deployed::Foreign => return Err(foreign(&destination)),
        Deployed::Record(text) => {
            let deployed = commit_in_record(&text).ok_or_else(|| {
                CliError::failed(t!(
                    "deploy-record-no-commit",
                    target = destination.name(),
                    record = BUILD_RECORD
                ))
                .hint(t!("deploy-record-no-commit-hint", record = BUILD_RECORD))
            })?;
            refuse_rollback(&root, &args, &destination, &build, &built, &deployed)?;
        }
    }
    let changes = destination.deploy(&build, &args)?;
    report(&args, &destination, &built, &changes);
    Ok(())
}

/// The target as typed, checked: a folder must not be the build or hold it; object
/// storage needs credentials.
fn destination(args: &DeployArgs, build: &Path) -> CliResult<Destination> {
    let text = args.target.as_str();
    let target = Target::parse(text)
        .map_err(|e| CliError::usage(e.to_string()).hint(t!("deploy-bad-target-hint")))?;
    match target {
        Target::Folder(dir) => {
            refuse_overlap(build, &dir)?;
            Ok(Destination::Folder(dir))
        }
        Target::Ssh { host, port, path } => Ok(Destination::Ssh(Remote {
            host,
            port,
            path,
            ssh: surroundings::ssh_command(),
        })),
        Target::S3(target) => {
            let access = surroundings::s3_access(args.endpoint.clone()).map_err(|missing| {
                CliError::usage(t!(
                    "deploy-no-credentials",
                    target = target.to_string(),
                    missing = missing.to_string()
                ))
                .hint(t!("deploy-no-credentials-hint"))
            })?;
            let store = Store::open(&target, &access).map_err(|e| CliError::caused_by(&e))?;
            Ok(Destination::S3(Box::new(store)))
        }
    }
}

/// A build whose history does not contain the deployed commit would roll the site back
/// (put withdrawn pages back): refused unless the build's history holds an admin's signed
/// decision allowing exactly that.
fn refuse_rollback(
    root: &Path,
    args: &DeployArgs,
    destination: &Destination,
    build: &Path,
    built: &str,
    deployed: &str,
) -> CliResult {
    let ledger = args.trust.load(root)?;
    if ledger.descends_from(built, deployed)? {
        return Ok(());
    }
    if let Some(decision) = ledger.state.ack_of(deployed)
        && ledger.descends_from(built, &decision.commit)?
    {
        info(format_args!(
            "{}",
            t!(
                "deploy-rolling-back",
                deployed = deployed,
                person = &decision.by,
                commit = &decision.commit,
                reason = &decision.reason
            )
        ));
        return Ok(());
    }
    Err(CliError::failed(t!(
        "deploy-rollback",
        target = destination.name(),
        deployed = deployed,
        build = build.display().to_string(),
        built = built
    ))
    .hint(t!("deploy-rollback-hint", deployed = deployed)))
}

fn report(args: &DeployArgs, destination: &Destination, built: &str, changes: &Changes) {
    if args.json {
        print_json(&serde_json::json!({
            "target": destination.name(),
            "dry_run": args.dry_run,
            "signed_commit": built,
            "uploaded": changes.uploaded.len(),
            "deleted": changes.deleted.len(),
            "unchanged": changes.unchanged,
            "files": {
                "uploaded": changes.uploaded,
                "deleted": changes.deleted,
                "left": changes.left,
            },
        }));
        return;
    }
    let (sent, deleted) = if args.dry_run {
        (t!("deploy-would-send"), t!("deploy-would-delete"))
    } else {
        (t!("deploy-sent"), t!("deploy-deleted"))
    };
    for path in &changes.uploaded {
        info(format_args!("{sent}: {path}"));
    }
    for path in &changes.deleted {
        info(format_args!("{deleted}: {path}"));
    }
    for path in &changes.left {
        info(format_args!(
            "{}",
            t!("deploy-left-alone", file = path.as_str())
        ));
    }
    println!(
        "{}",
        t!(
            "deploy-done",
            target = destination.name(),
            sent_count = changes.uploaded.len(),
            sent = &sent,
            deleted_count = changes.deleted.len(),
            deleted = &deleted,
            unchanged = changes.unchanged,
            commit = &built[..12.min(built.len())]
        )
    );
}

/// The build and the target must be two folders, neither inside the other: the target is
/// replaced whole.
fn refuse_overlap(build: &Path, target: &Path) -> CliResult {
    let (b, t) = (
        crate::render::resolved(build)?,
        crate::render::resolved(target)?,
    );
    if b.starts_with(&t) || t.starts_with(&b) {
        return Err(CliError::usage(t!(
            "deploy-overlap",
            build = build.display().to_string(),
            target = target.display().to_string()
        )));
    }
    Ok(())
}

/// A target that holds files but no build record was not deployed by stp (a web root with
/// other sites, a home folder): replacing it would delete them, so it is refused.
fn foreign(destination: &Destination) -> CliError {
    CliError::failed(t!(
        "deploy-foreign",
        target = destination.name(),
        record = BUILD_RECORD
    ))
    .hint(t!("deploy-foreign-hint"))
}
