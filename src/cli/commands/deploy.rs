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
                let progress = Progress::start(format!("deploying to {}", store.name()), args.json);
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
        CliError::failed(format!(
            "{} is not a public build: it has no {BUILD_RECORD} naming the signed commit it was built from",
            build.display()
        ))
        .hint("build the public site with `stp build` (a preview never goes out), then deploy")
    })?;
    match destination.deployed()? {
        Deployed::Nothing => {}
        Deployed::Foreign => return Err(foreign(&destination)),
        Deployed::Record(text) => {
            let deployed = commit_in_record(&text).ok_or_else(|| {
                CliError::failed(format!(
                    "{}: its {BUILD_RECORD} names no signed commit, so stp cannot tell whether this build would roll the site back",
                    destination.name()
                ))
                .hint(format!("look at {BUILD_RECORD} there; if the target is not stp's, deploy into a folder of its own"))
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
    let target = Target::parse(text).map_err(|e| {
        CliError::usage(e.to_string())
            .hint("give a folder (/var/www/stp), a folder on a host over ssh (web1:/var/www/stp) or object storage (s3://bucket/prefix)")
    })?;
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
                CliError::usage(format!("{target} needs credentials: {missing} are not set"))
                    .hint("export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), then deploy again")
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
            "rolling back from {deployed}, as {} decided in signed commit {}: {}",
            decision.by, decision.commit, decision.reason
        ));
        return Ok(());
    }
    Err(CliError::failed(format!(
        "{} was deployed from signed commit {deployed}, and the build in {} (from {built}) does not contain it: deploying it would roll the site back",
        destination.name(),
        build.display()
    ))
    .hint(format!(
        "build from the current history (`stp sync`, then `stp build`); if the rollback is intended, an admin signs the decision with `stp audit allow-rollback {deployed} --reason \"…\"`, then build and deploy again"
    )))
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
        ("would send", "would delete")
    } else {
        ("sent", "deleted")
    };
    for path in &changes.uploaded {
        info(format_args!("{sent}: {path}"));
    }
    for path in &changes.deleted {
        info(format_args!("{deleted}: {path}"));
    }
    for path in &changes.left {
        info(format_args!("left alone (stp did not send it): {path}"));
    }
    println!(
        "{}: {} {sent}, {} {deleted}, {} unchanged (signed commit {})",
        destination.name(),
        changes.uploaded.len(),
        changes.deleted.len(),
        changes.unchanged,
        &built[..12.min(built.len())]
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
        return Err(CliError::usage(format!(
            "{} and {} are the same folder or one holds the other; deploy into a folder of its own",
            build.display(),
            target.display()
        )));
    }
    Ok(())
}

/// A target that holds files but no build record was not deployed by stp (a web root with
/// other sites, a home folder): replacing it would delete them, so it is refused.
fn foreign(destination: &Destination) -> CliError {
    CliError::failed(format!(
        "{} already holds files that stp did not deploy (it has no {BUILD_RECORD}); stp replaces what the target holds, so they would be deleted",
        destination.name()
    ))
    .hint("deploy into a new or empty folder (e.g. /var/www/stp) and point the web server at it")
}
