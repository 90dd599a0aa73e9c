//! `stp check [--json] [--fix]`: problems in the working tree; exit 1 when there are any.

use std::path::PathBuf;

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{info, print_json};
use crate::cli::repo::find_root;
use crate::content::SiteConfig;
use crate::render::check::{check_site, fix_text};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Print the problems as JSON.
    #[arg(long)]
    pub json: bool,
    /// Rewrite text that can be repaired (TCVN3, VNI and decomposed Unicode to NFC) before
    /// checking.
    #[arg(long)]
    pub fix: bool,
}

pub fn run(repo: Option<PathBuf>, args: CheckArgs) -> CliResult {
    let root = find_root(repo)?;
    let config = SiteConfig::load(&root.join("site.toml"))?;
    if args.fix {
        for f in fix_text(&root)? {
            info(format_args!(
                "{}",
                t!("check-fixed", file = f.display().to_string())
            ));
        }
    }
    let problems = check_site(&root, &config)?;
    if args.json {
        print_json(&serde_json::json!({ "problems": problems }));
    } else {
        for p in &problems {
            println!("{}", problem_words(p));
        }
    }
    if problems.is_empty() {
        if !args.json {
            println!("{}", t!("check-clean"));
        }
        Ok(())
    } else {
        Err(
            CliError::findings(t!("check-problems", count = problems.len()))
                .hint(t!("check-problems-hint")),
        )
    }
}

/// A problem as `file:line: kind: words`, in the run's language when the content layer
/// said it by message id (`crate::cli::error::said_words`), else as the check wrote it.
fn problem_words(p: &crate::render::check::Problem) -> String {
    match p.said.as_ref().and_then(crate::cli::error::said_words) {
        Some(words) => p.located(&words),
        None => p.to_string(),
    }
}
