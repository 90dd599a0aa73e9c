//! `stp serve [--port N]`: a preview server on 127.0.0.1 that rebuilds on change.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::repo::find_root;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port on 127.0.0.1 (0: any free port; the line printed names the one bound).
    #[arg(long, default_value_t = 1313)]
    pub port: u16,
}

pub fn run(repo: Option<PathBuf>, args: ServeArgs) -> CliResult {
    let root = find_root(repo)?;
    let out = std::env::temp_dir().join(format!("stp-serve-{}", std::process::id()));
    let options = crate::cli::surroundings::render();
    crate::serve::serve(&root, &out, args.port, &options)
        .map_err(|e| CliError::failed(e.to_string()))
}
