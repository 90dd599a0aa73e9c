//! `stp desk [--port N] [--no-open]`: the board's local web desk on 127.0.0.1, signing with
//! the person's own key (opened here once, asking for its passphrase if it has one). It
//! prints the address to open (with this run's session secret) and opens the browser
//! unless `--no-open`. The desk itself is the `stp-desk` crate.

use std::path::{Path, PathBuf};

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::repo::find_root;
use crate::ledger::Signer;

use super::signing::{KeyArgs, TrustArgs};

#[derive(Debug, Args)]
pub struct DeskArgs {
    /// The port on 127.0.0.1 (0: any free port; the line printed names the address).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Do not open the browser; only print the address.
    #[arg(long)]
    pub no_open: bool,
    /// The shared remote that publishing and the sync button send to.
    #[arg(long, default_value = "origin", value_name = "NAME")]
    pub remote: String,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: DeskArgs) -> CliResult {
    let root = find_root(repo)?;
    let signer = args.key.signer(&root)?;
    open_desk(
        &root,
        signer,
        &args.trust,
        args.port,
        !args.no_open,
        &args.remote,
    )
}

/// Serves the desk for `root` as the person whose key `signer` is, until interrupted
/// (also `stp demo --desk`).
pub fn open_desk(
    root: &Path,
    signer: Signer,
    trust: &TrustArgs,
    port: u16,
    open: bool,
    remote: &str,
) -> CliResult {
    let config = crate::desk::DeskConfig {
        root: root.to_path_buf(),
        signer,
        options: trust.options(),
        render: crate::cli::surroundings::render(),
        port,
        remote: remote.to_string(),
        clock: Box::new(crate::cli::surroundings::now_in_vietnam),
        lang: stp_i18n::current(),
    };
    crate::desk::run(config, |url| {
        println!("{}", t!("desk-running", url = url));
        println!("{}", t!("desk-how"));
        if open {
            open_browser(url);
        }
    })
    .map_err(|e| CliError::failed(e.to_string()).hint(t!("desk-failed-hint")))
}

/// Asks the desktop to open `url` in the person's browser; the address is printed
/// anyway, so a machine without one loses nothing.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if let Err(e) = opener {
        eprintln!("{}", t!("desk-no-browser", error = e.to_string()));
    }
}
