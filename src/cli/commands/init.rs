//! `stp init DIR [--example]`: a new site repository with the default settings, the
//! workflow files and the theme; `--example` adds the Department's example articles.
//! With `--admin-key`, the first commit is signed by the first admin, the trust root.
//! `--ci forgejo|gitlab|github` adds the CI recipe (ci_recipe.rs); given on an existing
//! site, it writes only that.

use std::path::{Path, PathBuf};

use clap::Args;
use include_dir::{Dir, include_dir};
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};

use super::ci_recipe::Ci;

/// The example site bundled with stp (the product repository's own content).
pub static EXAMPLE_CONTENT: Dir<'static> =
    include_dir!("$CARGO_MANIFEST_DIR/examples/site/content");
pub static WORKFLOW: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/examples/site/workflow");
pub static THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/crates/stp-render/theme");
pub const SITE_TOML: &str = include_str!("../../../examples/site/site.toml");

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (it must not exist, or be empty).
    pub dir: PathBuf,
    /// Add the Department's example articles.
    #[arg(long)]
    pub example: bool,
    /// The first admin's OpenSSH ed25519 public key (a .pub file or the key text): the
    /// trust root. Without it the site works for previews and `stp check`, and publishing
    /// waits until a first admin is set.
    #[arg(long, value_name = "PUB", requires = "admin_name")]
    pub admin_key: Option<String>,
    /// The first admin's full name.
    #[arg(long, value_name = "NAME", requires = "admin_key")]
    pub admin_name: Option<String>,
    /// The first admin's id in workflow/people.toml (default: the name without diacritics,
    /// `Trưởng Ban` → `truong-ban`).
    #[arg(long, value_name = "ID", requires = "admin_key")]
    pub admin_id: Option<String>,
    /// The key that signs the first commit (default: the private key beside the .pub
    /// file, else $STP_KEY, else ssh-agent).
    #[arg(long, env = "STP_KEY", value_name = "PATH")]
    pub key: Option<PathBuf>,
    /// Add the pipeline file for this CI service (audit, build, deploy; docs/deploy.md).
    /// On an existing site, only the pipeline file is written.
    #[arg(long, value_enum, value_name = "SERVICE")]
    pub ci: Option<Ci>,
}

pub fn run(args: InitArgs) -> CliResult {
    if let Some(ci) = args.ci
        && args.dir.join("site.toml").is_file()
    {
        let path = super::ci_recipe::write(&args.dir, ci)?;
        println!("{}", t!("init-wrote", file = path.display().to_string()));
        println!("{}", t!("init-ci-next", file = ci.path()));
        return Ok(());
    }
    write_site(&args.dir, args.example)?;
    if let Some(ci) = args.ci {
        super::ci_recipe::write(&args.dir, ci)?;
    }
    println!(
        "{}",
        t!("init-created", dir = args.dir.display().to_string())
    );
    if let (Some(admin_key), Some(name)) = (&args.admin_key, &args.admin_name) {
        let (id, fingerprint) = first_admin(
            &args.dir,
            admin_key,
            name,
            args.admin_id.as_deref(),
            args.key.as_deref(),
        )?;
        println!(
            "{}",
            t!(
                "init-first-admin",
                name = name,
                person = &id,
                fingerprint = &fingerprint
            )
        );
        println!("{}", t!("init-pin", fingerprint = &fingerprint));
    }
    println!("{}", t!("init-next", dir = args.dir.display().to_string()));
    Ok(())
}

/// Writes the site files into `dir` and makes it a git repository.
pub fn write_site(dir: &Path, example: bool) -> CliResult {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(
            CliError::failed(t!("init-not-empty", dir = dir.display().to_string()))
                .hint(t!("init-not-empty-hint")),
        );
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("site.toml"), SITE_TOML)?;
    std::fs::write(dir.join(".gitignore"), "public/\npreview/\n.stp/\n")?;
    extract(&WORKFLOW, &dir.join("workflow"))?;
    extract(&THEME, &dir.join("themes/default"))?;
    std::fs::create_dir_all(dir.join("static"))?;
    std::fs::create_dir_all(dir.join("content"))?;
    if example {
        extract(&EXAMPLE_CONTENT, &dir.join("content"))?;
    }
    crate::ledger::repo::init(dir)?;
    Ok(())
}

fn extract(embedded: &Dir<'_>, to: &Path) -> CliResult {
    std::fs::create_dir_all(to)?;
    embedded
        .extract(to)
        .map_err(|e| CliError::failed(format!("{}: {e}", to.display())))
}

/// Writes `workflow/people.toml` naming only the first admin and makes the first commit,
/// signed with the admin's key. Returns the key's fingerprint.
/// Writes the first admin into workflow/people.toml and signs the first commit with their
/// key; returns their id and fingerprint.
fn first_admin(
    dir: &Path,
    admin_key: &str,
    name: &str,
    id: Option<&str>,
    key: Option<&Path>,
) -> CliResult<(String, String)> {
    let (line, fingerprint) = super::people::read_public_key(admin_key)?;
    let slug = crate::content::slugify(id.unwrap_or(name));
    if id.is_some_and(|given| given != slug) {
        return Err(CliError::usage(t!(
            "init-bad-id",
            id = id.unwrap_or_default(),
            example = &slug
        )));
    }
    let id = if slug.is_empty() {
        "admin".to_string()
    } else {
        slug
    };
    let mut people = crate::workflow::People::default();
    people
        .upsert(crate::workflow::Person {
            id: id.clone(),
            name: name.to_string(),
            roles: vec![crate::workflow::Role::Admin],
            key: line,
            fingerprint: fingerprint.clone(),
            unit: None,
            title: None,
            email: None,
        })
        .map_err(CliError::failed)?;
    std::fs::write(dir.join("workflow/people.toml"), people.to_toml())?;
    let beside = admin_key
        .strip_suffix(".pub")
        .map(PathBuf::from)
        .filter(|p| p.is_file());
    let signer = super::signing::opened(crate::ledger::Signer::load(
        key.map(Path::to_path_buf)
            .or(beside)
            .unwrap_or_else(|| PathBuf::from(admin_key))
            .as_path(),
        crate::cli::surroundings::ledger().agent.as_deref(),
    ))?;
    if signer.fingerprint != fingerprint {
        return Err(CliError::failed(t!(
            "init-wrong-key",
            key = signer.origin.display().to_string(),
            fingerprint = &fingerprint
        ))
        .hint(t!("init-wrong-key-hint")));
    }
    let options = crate::cli::surroundings::ledger_options(None);
    crate::ledger::initial_commit(dir, &signer, name, &format!("{id}@stp.invalid"), &options)?;
    Ok((id, fingerprint))
}
