//! `stp build`: the public site from the live set, or `--preview` from the working tree.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::repo::find_root;
use crate::content::{SiteConfig, WorkingTree};
use crate::render::{BuildOptions, build};

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Output folder (default: public/, or preview/ with --preview).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Build every article of the working tree, whatever its state, with a banner and
    /// `noindex`: a preview, never the public site.
    #[arg(long)]
    pub preview: bool,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(repo: Option<PathBuf>, args: BuildArgs) -> CliResult {
    let root = find_root(repo)?;
    let config = SiteConfig::load(&root.join("site.toml"))?;
    if !args.preview {
        return Err(CliError::failed(
            "the signed pipeline has no live set yet, so there is nothing public to build",
        )
        .hint("run `stp build --preview` to see the working tree"));
    }
    let out = args.out.unwrap_or_else(|| root.join("preview"));
    if out == root.join("public") {
        return Err(CliError::usage(
            "a preview never goes to public/; choose another --out",
        ));
    }
    let source = WorkingTree::new(&root, config.max_attachment_bytes);
    let started = std::time::Instant::now();
    let report = build(
        &config,
        &source,
        &BuildOptions {
            root: root.clone(),
            out: out.clone(),
        },
    )?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        println!(
            "built a preview of {} articles: {} files, {:.1} MB in {} ({:.2} s)",
            report.articles,
            report.files,
            report.bytes as f64 / 1_048_576.0,
            out.display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
