//! `stp key new PATH [--passphrase]`: a new ed25519 key pair, as
//! `ssh-keygen -t ed25519 -f PATH` writes it (PATH and PATH.pub), made in pure Rust; with a
//! passphrase (asked twice on the terminal, or read from stdin for a script) the private
//! key is encrypted as ssh-keygen encrypts it (bcrypt-pbkdf, aes256-ctr), so two people
//! sharing one office PC cannot sign with each other's key.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use crate::cli::error::{CliError, CliResult};
use crate::cli::surroundings::ask_passphrase;
use crate::ledger::generate_key;

#[derive(Debug, Args)]
pub struct KeyArgs {
    #[command(subcommand)]
    pub command: KeyCommand,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Write a new key pair: PATH (private, mode 0600) and PATH.pub.
    New {
        /// Where to write the private key (the public key goes beside it, as PATH.pub),
        /// e.g. ~/.ssh/stp_ed25519; an existing file is not overwritten.
        path: PathBuf,
        /// The comment at the end of the public key.
        #[arg(long, default_value = "stp")]
        comment: String,
        /// Protect the private key with a passphrase, asked twice on the terminal; stp
        /// asks for it again at each signing (or ssh-agent holds the key: `ssh-add PATH`).
        #[arg(long)]
        passphrase: bool,
        /// Read the passphrase from the first line of stdin instead (for scripts).
        #[arg(long, conflicts_with = "passphrase")]
        passphrase_stdin: bool,
    },
}

pub fn run(args: KeyArgs) -> CliResult {
    match args.command {
        KeyCommand::New {
            path,
            comment,
            passphrase,
            passphrase_stdin,
        } => {
            let secret = if passphrase {
                Some(ask_twice(&path)?)
            } else if passphrase_stdin {
                Some(first_line_of_stdin()?)
            } else {
                None
            };
            let public = generate_key(&path, &comment, secret.as_deref())?;
            println!(
                "wrote {0} and {0}.pub ({1}){2}",
                path.display(),
                public.fingerprint(ssh_key::HashAlg::Sha256),
                if secret.is_some() {
                    ", the private key protected by the passphrase"
                } else {
                    ""
                }
            );
            println!(
                "next: send {}.pub to an admin, who runs `stp people add`",
                path.display()
            );
            Ok(())
        }
    }
}

/// The shortest passphrase accepted: shorter ones are guessed by brute force.
const MIN_PASSPHRASE_CHARS: usize = 8;

/// A passphrase asked twice on the terminal; they must match.
pub fn ask_twice(path: &Path) -> CliResult<String> {
    let ask = |prompt: String| {
        ask_passphrase(&prompt).ok_or_else(|| {
            CliError::usage("there is no terminal to ask for the passphrase on")
                .hint("give it on stdin with --passphrase-stdin")
        })
    };
    let first = ask(format!(
        "Cụm mật khẩu cho khóa mới / passphrase for the new key {}: ",
        path.display()
    ))?;
    let again = ask("Nhập lại / again: ".to_string())?;
    if first != again {
        return Err(CliError::usage(
            "the two passphrases differ; no key was written",
        ));
    }
    checked(first)
}

fn first_line_of_stdin() -> CliResult<String> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    checked(line.trim_end_matches(['\r', '\n']).to_string())
}

fn checked(passphrase: String) -> CliResult<String> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(CliError::usage(format!(
            "the passphrase is shorter than {MIN_PASSPHRASE_CHARS} characters; no key was written"
        ))
        .hint("a few words make a passphrase that is long and easy to remember"));
    }
    Ok(passphrase)
}
