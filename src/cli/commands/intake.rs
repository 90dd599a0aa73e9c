//! `stp intake FILE... [--section S]`: the secretary takes in submissions (Điều 11.1):
//! `.eml` messages, Maildir folders, `.docx`/`.odt` documents and pictures become article
//! bundles in state `submitted`. Each submission is written whole or not at all.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::repo::find_root;
use crate::content::SiteConfig;
use crate::content::import;

#[derive(Debug, Args)]
pub struct IntakeArgs {
    /// `.eml` messages, Maildir folders, or documents (`.docx`, `.odt`) with their
    /// pictures (jpg, gif, bmp, png) and files (the signed PDF). Each message is one
    /// submission; loose files together are one.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The section to put the articles in (see site.toml). Without it, a document that
    /// reads as a legal document and comes with a PDF goes to the legal-document section.
    #[arg(long, value_name = "S")]
    pub section: Option<String>,
}

pub fn run(repo: Option<PathBuf>, args: IntakeArgs) -> CliResult {
    let root = find_root(repo)?;
    let config = SiteConfig::load(&root.join("site.toml"))?;
    let inputs = import::inputs(&args.files).map_err(|e| CliError::failed(e.to_string()))?;
    let now = chrono::Utc::now()
        .with_timezone(&crate::content::date::vietnam())
        .to_rfc3339();
    let mut refused = 0;
    for input in &inputs {
        let written = import::assemble(input, &config, args.section.as_deref(), &now)
            .and_then(|s| import::write(&root, &config, &s).map(|path| (path, s)));
        match written {
            Ok((path, s)) => {
                // The signed `submitted` commit is added here once the pipeline lands:
                // one call, `ledger::submit(&root, &path, key)` (see docs/intake.md).
                println!("{}", path.display());
                for flag in s.front.intake.iter().flat_map(|i| &i.flags) {
                    eprintln!("flag: {}: {flag}", path.display());
                }
            }
            Err(e) => {
                refused += 1;
                eprintln!("refused: {e}");
            }
        }
    }
    if refused > 0 {
        return Err(CliError::failed(format!("{refused} of {} submissions refused; nothing was written for them", inputs.len()))
            .hint("fix or ask the sender about each `refused:` line above, then run `stp intake` again for those files"));
    }
    Ok(())
}
