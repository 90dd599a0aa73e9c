//! Arguments shared by the commands that read the ledger or sign: the key and the pinned
//! trust root, and turning a path the user typed into the article's repository path.

use std::path::{Path, PathBuf};

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::warning;
use crate::cli::settings::PersonSettings;
use crate::ledger::{Ledger, LedgerError, LedgerOptions, Signer};

/// Which key signs.
#[derive(Debug, Clone, Args)]
pub struct KeyArgs {
    /// The OpenSSH ed25519 key that signs (a private key file, or a .pub held by
    /// ssh-agent); default: $STP_KEY, else the key `stp setup` stored, else git's
    /// user.signingkey.
    #[arg(long, env = "STP_KEY", value_name = "PATH")]
    pub key: Option<PathBuf>,
}

/// What every signing command takes: the output form, the key and the trust root.
#[derive(Debug, Args)]
pub struct SignedArgs {
    /// Print what was committed as JSON (one object; see docs/cli.md).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub trust: TrustArgs,
}

/// The `--reason` a command needs. Checked here rather than by clap, so that a missing
/// reason is named alone (clap's message would show the whole usage line, with the
/// other options as if they were missing too).
pub fn needed_reason(reason: Option<String>, command: &str) -> CliResult<String> {
    reason.filter(|r| !r.trim().is_empty()).ok_or_else(|| {
        CliError::usage(t!("reason-needed", command = command)).hint(t!("reason-needed-hint"))
    })
}

/// Which first admin the trust data must start from.
#[derive(Debug, Clone, Args)]
pub struct TrustArgs {
    /// The fingerprint (SHA256:…) of the first admin's key; without it the first admin is
    /// trusted on first use, with a warning. Default: $STP_TRUST_ROOT, else the one
    /// `stp setup --trust-root` kept.
    #[arg(long, env = "STP_TRUST_ROOT", value_name = "FINGERPRINT")]
    pub trust_root: Option<String>,
}

impl TrustArgs {
    pub fn options(&self) -> LedgerOptions {
        crate::cli::surroundings::ledger_options(self.trust_root.clone())
    }

    /// Reads the ledger and warns when the first admin was trusted on first use.
    pub fn load(&self, root: &Path) -> CliResult<Ledger> {
        let ledger = Ledger::load(root, &self.options())?;
        if ledger.state.trust.on_first_use {
            warning(&t!(
                "trust-first-use",
                root = ledger.state.trust.root.as_deref().unwrap_or("?")
            ));
        }
        Ok(ledger)
    }
}

impl KeyArgs {
    pub fn signer(&self, root: &Path) -> CliResult<Signer> {
        Ok(resolve_signer(self.key.as_deref(), root)?)
    }
}

/// The key named by `given` (`--key` or `STP_KEY`), else the person's settings
/// (`stp setup`), else git's `user.signingkey`, as `Signer::resolve` finds it; a key with a passphrase and no ssh-agent is opened with
/// the passphrase asked on the terminal.
pub fn resolve_signer(given: Option<&Path>, root: &Path) -> Result<Signer, LedgerError> {
    let configured = match given {
        Some(_) => None,
        None => PersonSettings::current().key,
    };
    let given = given.or(configured.as_deref());
    opened(Signer::resolve(
        given,
        Some(root),
        &crate::cli::surroundings::ledger(),
    ))
}

/// `found`, or, when it is a key with a passphrase and no ssh-agent, that key opened with
/// the passphrase asked on the terminal.
pub fn opened(found: Result<Signer, LedgerError>) -> Result<Signer, LedgerError> {
    match found {
        Err(LedgerError::Locked(path)) => {
            let prompt = format!(
                "{} ",
                t!("passphrase-prompt", file = path.display().to_string())
            );
            match crate::cli::surroundings::ask_passphrase(&prompt) {
                Some(passphrase) => Signer::unlock(&path, &passphrase),
                None => Err(LedgerError::Locked(path)),
            }
        }
        other => other,
    }
}

/// The repository path (`content/…`) of an article the user named: its file, relative to
/// the current folder or to the repository, or its short name (the slug, `section/slug`,
/// `slug.en` for the English version; `stp_content::articles_named`).
pub fn article_path(root: &Path, given: &Path) -> CliResult<String> {
    let text = given.to_string_lossy();
    if !text.ends_with(".md") && !given.is_file() {
        return article_by_name(root, &text);
    }
    let cwd = std::env::current_dir()?;
    let absolute = if given.is_absolute() {
        given.to_path_buf()
    } else {
        cwd.join(given)
    };
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let relative = absolute
        .canonicalize()
        .ok()
        .and_then(|a| a.strip_prefix(&canonical_root).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| given.to_path_buf());
    let text = relative.to_string_lossy().replace('\\', "/");
    if !text.starts_with("content/") || !text.ends_with(".md") {
        return Err(CliError::usage(t!(
            "not-an-article",
            path = given.display().to_string()
        )));
    }
    Ok(text)
}

/// The one article `name` (a slug, `section/slug`, `slug.en`) names in the working tree.
fn article_by_name(root: &Path, name: &str) -> CliResult<String> {
    let short = name.trim_start_matches("./").trim_start_matches("content/");
    let mut found = stp_content::articles_named(root, short);
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => {
            Err(CliError::usage(t!("no-article-named", name = name))
                .hint(t!("no-article-named-hint")))
        }
        _ => Err(CliError::usage(t!(
            "names-several-articles",
            name = name,
            count = found.len(),
            articles = found.join(", ")
        ))
        .hint(t!("names-several-articles-hint"))),
    }
}
