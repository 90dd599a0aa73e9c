//! `stp setup [--key PATH] [--trust-root FINGERPRINT] [--passphrase]`: a person's first
//! step on their own machine. Makes their signing key when they have none (at
//! `~/.ssh/stp_ed25519`, with a passphrase when asked), shows the public key to send to the
//! admin, and keeps the key's path and the trust root the admin gave them in their settings
//! (`crate::cli::settings`), so that no command needs `--key` again. Run again, it keeps
//! what is there and changes only what is given.

use std::path::{Path, PathBuf};

use clap::Args;
use ssh_key::{Fingerprint, HashAlg, PrivateKey, PublicKey};

use crate::cli::error::{CliError, CliResult};
use crate::cli::settings::{PersonSettings, settings_path};
use crate::ledger::generate_key;

use super::key::ask_twice;

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// Sign with this key (an OpenSSH private key, or a .pub held by ssh-agent) instead
    /// of the one kept, or of a new one at ~/.ssh/stp_ed25519.
    #[arg(long, value_name = "PATH")]
    pub key: Option<PathBuf>,
    /// The first admin's fingerprint (SHA256:…), as the admin gave it to you on paper or
    /// by phone: every reading command then checks the site's trust data starts from it.
    #[arg(long, value_name = "FINGERPRINT")]
    pub trust_root: Option<String>,
    /// When a new key is made: protect it with a passphrase, asked twice on the terminal.
    #[arg(long)]
    pub passphrase: bool,
}

pub fn run(args: SetupArgs) -> CliResult {
    let path = settings_path().ok_or_else(|| {
        CliError::failed("there is no home folder to keep the settings in")
            .hint("set HOME (or XDG_CONFIG_HOME) and run `stp setup` again")
    })?;
    let mut settings = PersonSettings::read(&path)?;
    if let Some(root) = &args.trust_root {
        root.parse::<Fingerprint>().map_err(|_| {
            CliError::usage(format!("{root} is not a key fingerprint")).hint(
                "copy it exactly as the admin gave it: SHA256: and 43 letters, digits, + or /",
            )
        })?;
        settings.trust_root = Some(root.clone());
    }
    let mut made = false;
    let key = match (args.key, settings.key.take()) {
        (Some(given), _) => absolute(&given)?,
        (None, Some(kept)) => kept,
        (None, None) => {
            let home = crate::cli::surroundings::home().ok_or_else(|| {
                CliError::failed("there is no home folder for the key")
                    .hint("give the key with --key PATH")
            })?;
            let default = home.join(".ssh").join("stp_ed25519");
            if !default.exists() {
                let secret = if args.passphrase {
                    Some(ask_twice(&default)?)
                } else {
                    None
                };
                generate_key(&default, "stp", secret.as_deref())?;
                made = true;
            }
            default
        }
    };
    let public = public_key(&key)?;
    settings.key = Some(key.clone());
    settings.write(&path)?;

    println!(
        "khóa ký / signing key: {} ({}){}",
        key.display(),
        public.fingerprint(HashAlg::Sha256),
        if made { ", mới tạo / new" } else { "" }
    );
    println!(
        "khóa công khai, gửi cho quản trị viên / the public key, for your admin:\n{}",
        public.to_openssh().unwrap_or_default()
    );
    match &settings.trust_root {
        Some(root) => println!("khóa gốc tin cậy / trust root: {root}"),
        None => println!(
            "khóa gốc tin cậy: chưa ghim / trust root: not pinned; ask the admin for the first \
             admin's fingerprint, then `stp setup --trust-root SHA256:…`"
        ),
    }
    println!("đã lưu / saved: {}", path.display());
    Ok(())
}

/// `given` from the current folder, so that the setting holds wherever stp runs later.
fn absolute(given: &Path) -> CliResult<PathBuf> {
    let path = std::path::absolute(given)?;
    if !path.is_file() {
        return Err(
            CliError::usage(format!("{}: no such key file", given.display()))
                .hint("give the path of the key `stp key new` or ssh-keygen wrote"),
        );
    }
    Ok(path)
}

/// The public half of the key at `path`: its `.pub` line, or the public part an OpenSSH
/// private key carries (readable without its passphrase).
fn public_key(path: &Path) -> CliResult<PublicKey> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::failed(format!("{}: {e}", path.display())))?;
    let parsed = if text
        .trim_start()
        .starts_with("-----BEGIN OPENSSH PRIVATE KEY-----")
    {
        PrivateKey::from_openssh(&text).map(|k| k.public_key().clone())
    } else {
        PublicKey::from_openssh(text.trim())
    };
    parsed.map_err(|e| {
        CliError::usage(format!("{} is not an OpenSSH key ({e})", path.display()))
            .hint("give the key `stp key new` or ssh-keygen wrote")
    })
}
