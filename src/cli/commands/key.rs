//! `stp key new PATH`: a new ed25519 key pair, as `ssh-keygen -t ed25519 -N '' -f PATH`
//! writes it (PATH and PATH.pub), made in pure Rust.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::cli::error::CliResult;
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
    },
}

pub fn run(args: KeyArgs) -> CliResult {
    match args.command {
        KeyCommand::New { path, comment } => {
            let public = generate_key(&path, &comment)?;
            println!(
                "wrote {0} and {0}.pub ({1})",
                path.display(),
                public.fingerprint(ssh_key::HashAlg::Sha256)
            );
            println!(
                "next: send {}.pub to an admin, who runs `stp people add`",
                path.display()
            );
            Ok(())
        }
    }
}
