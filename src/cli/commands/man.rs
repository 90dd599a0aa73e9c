//! `stp man DIR`: the manual pages, one per command (`stp.1`, `stp-approve.1`,
//! `stp-people-add.1`, …), generated from the command line's own definitions, in the
//! run's language.

use std::path::PathBuf;

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The folder to write the pages into (made if missing), e.g. /usr/local/share/man/man1.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

pub fn run(args: ManArgs) -> CliResult {
    let failed = |e: std::io::Error| CliError::failed(format!("{}: {e}", args.dir.display()));
    std::fs::create_dir_all(&args.dir).map_err(failed)?;
    let cmd = crate::cli::help::command(stp_i18n::current());
    clap_mangen::generate_to(cmd, &args.dir).map_err(failed)?;
    println!(
        "{}",
        t!(
            "man-written",
            dir = args.dir.display().to_string(),
            page = args.dir.join("stp.1").display().to_string()
        )
    );
    Ok(())
}
