//! `stp build`: the public site from the live set, or `--preview` from the working tree.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::repo::find_root;
use crate::content::{SiteConfig, WorkingTree};
use crate::ledger::LiveSet;
use crate::render::{BuildOptions, build, resolved};

use super::signing::TrustArgs;

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
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: BuildArgs) -> CliResult {
    let root = find_root(repo)?;
    if !args.preview {
        let out = args.out.unwrap_or_else(|| root.join("public"));
        return build_public(&root, &out, &args.trust, args.json);
    }
    let config = SiteConfig::load(&root.join("site.toml"))?;
    let out = args.out.unwrap_or_else(|| root.join("preview"));
    // Compared as resolved folders: `public`, `./public/`, a linked parent all count; and
    // a preview never replaces the repository that holds public/.
    let (target, public) = (resolved(&out)?, resolved(&root.join("public"))?);
    if target.starts_with(&public) || public.starts_with(&target) {
        return Err(CliError::usage(
            "a preview never goes to public/ or a folder holding it; choose another --out",
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
        print_report("built a preview of", "articles", &report, &out, started);
    }
    Ok(())
}

/// Builds the public site into `out` from the live set: only what was validly published.
pub fn build_public(root: &Path, out: &Path, trust: &TrustArgs, json: bool) -> CliResult {
    let config = SiteConfig::load(&root.join("site.toml"))?;
    let ledger = trust.load(root)?;
    let source = LiveSet::new(&ledger, config.max_attachment_bytes)?;
    let (commits, read_now, issues) = (
        ledger.state.commits,
        ledger.read_now,
        ledger.state.issues.len(),
    );
    // The build needs only the live set: free the ledger's history first.
    drop(ledger);
    let started = std::time::Instant::now();
    let report = build(
        &config,
        &source,
        &BuildOptions {
            root: root.to_path_buf(),
            out: out.to_path_buf(),
        },
    )?;
    if json {
        let value = serde_json::json!({
            "report": report,
            "ledger": {
                "commits": commits,
                "read_now": read_now,
                "issues": issues,
            },
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        println!(
            "ledger: {} commits, {} read now, {} issues (see `stp audit`)",
            commits, read_now, issues
        );
        print_report(
            "built the public site:",
            "published articles",
            &report,
            out,
            started,
        );
    }
    Ok(())
}

/// `built … N articles: N files, N MB in DIR (N s)`.
fn print_report(
    what: &str,
    articles: &str,
    report: &crate::render::BuildReport,
    out: &Path,
    started: std::time::Instant,
) {
    println!(
        "{what} {} {articles}: {} files, {:.1} MB in {} ({:.2} s)",
        report.articles,
        report.files,
        report.bytes as f64 / 1_048_576.0,
        out.display(),
        started.elapsed().as_secs_f64()
    );
}
