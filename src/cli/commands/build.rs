//! `stp build`: the public site from the live set, or `--preview` from the working tree.

use std::path::{Path, PathBuf};

use clap::Args;
use stp_i18n::{Arg, t};

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{Progress, print_json, warning};
use crate::cli::repo::find_root;
use crate::content::{SiteConfig, WorkingTree};
use crate::ledger::{BUILD_RECORD, LiveSet, recorded_commit};
use crate::render::{Stages, build, resolved};

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
    /// Build the public site even though the history no longer contains the signed
    /// commit the output was last built from (a rewound history: read `stp audit` first).
    #[arg(long)]
    pub allow_rewind: bool,
    /// Also write a gzip (`.gz`) and a brotli (`.br`) file beside every text file larger
    /// than 512 bytes, for a web server that serves them as they are (nginx's
    /// `gzip_static`). `compress = true` in site.toml makes it the site's default.
    #[arg(long)]
    pub compress: bool,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: BuildArgs) -> CliResult {
    let root = find_root(repo)?;
    if !args.preview {
        let out = args.out.unwrap_or_else(|| root.join("public"));
        let built = build_public(
            &root,
            &out,
            &args.trust,
            args.json,
            args.allow_rewind,
            args.compress,
        )?;
        if args.json {
            print_json(&built);
        }
        return Ok(());
    }
    let config = SiteConfig::load(&root.join("site.toml"))?;
    let out = args.out.unwrap_or_else(|| root.join("preview"));
    // Compared as resolved folders: `public`, `./public/`, a linked parent all count; and
    // a preview never replaces the repository that holds public/.
    let (target, public) = (resolved(&out)?, resolved(&root.join("public"))?);
    if target.starts_with(&public) || public.starts_with(&target) {
        return Err(CliError::usage(t!("build-preview-not-public")));
    }
    let source = WorkingTree::new(&root, config.max_attachment_bytes);
    let started = std::time::Instant::now();
    let progress = Progress::start(t!("build-progress-preview"), args.json);
    let report = build(&source, &out, &[], &render_options(args.compress))?;
    drop(progress);
    if args.json {
        print_json(&serde_json::json!({ "report": report }));
    } else {
        print_report(true, &report, &out, started);
    }
    Ok(())
}

/// The build's options from the machine, with precompressed variants when `compress`
/// (otherwise as the site's settings say).
fn render_options(compress: bool) -> crate::render::RenderOptions {
    let mut options = crate::cli::surroundings::render();
    options.compress = compress;
    options
}

/// Builds the public site into `out` from the live set: only what was validly published,
/// with the approved site files, and precompressed variants when `compress` (or the site
/// asks for them). Refuses a history that goes around signed commits. Prints what was
/// built unless `json`, and returns it as the fields of `stp build --json`.
pub fn build_public(
    root: &Path,
    out: &Path,
    trust: &TrustArgs,
    json: bool,
    allow_rewind: bool,
    compress: bool,
) -> CliResult<serde_json::Value> {
    let options = render_options(compress);
    let mut stages = Stages::start(options.timings);
    let progress = Progress::start(t!("build-progress-history"), json);
    let ledger = trust.load(root)?;
    // Judged on the ledger the live set was confirmed against (read again from history
    // when the cache did not hold).
    let (ledger, source, unsigned) =
        LiveSet::confirmed(ledger, &trust.options(), |l| l.unsigned_edits())?;
    drop(progress);
    refuse_rollback(&ledger, out, allow_rewind)?;
    let unsigned = unsigned?;
    let record = ledger.build_record();
    let (commits, read_now, issues) = (
        ledger.state.commits,
        ledger.read_now,
        ledger.state.issues.len(),
    );
    // The build needs only the live set: free the ledger's history first, and give the
    // memory back (it was freed on this thread, where the build's workers cannot use it).
    drop(ledger);
    crate::render::memory::give_back();
    stages.done("signed history and live set");
    let started = std::time::Instant::now();
    let progress = Progress::start(t!("build-progress-public"), json);
    let report = build(
        &source,
        out,
        &[(BUILD_RECORD.to_string(), record.into_bytes())],
        &options,
    )?;
    drop(progress);
    for path in &unsigned {
        warning(&t!("build-unsigned-edits", article = path));
    }
    if !json {
        println!(
            "{}",
            t!(
                "build-ledger",
                commits = commits,
                read = read_now,
                issues = issues
            )
        );
        print_report(false, &report, out, started);
    }
    Ok(serde_json::json!({
        "report": report,
        "ledger": {
            "commits": commits,
            "read_now": read_now,
            "issues": issues,
        },
        "unsigned_edits": unsigned,
    }))
}

/// Refuses a public build of a history that goes around signed commits: a merge whose
/// other side holds signed steps (unless an admin acknowledged it), or a history that no
/// longer contains the signed commit `out` was last built from (unless `allow_rewind`).
fn refuse_rollback(ledger: &crate::ledger::Ledger, out: &Path, allow_rewind: bool) -> CliResult {
    if let Some(merge) = ledger.open_rollbacks().first() {
        return Err(CliError::failed(t!(
            "build-merge-around",
            commit = &merge.commit[..10.min(merge.commit.len())],
            why = &merge.why
        ))
        .hint(t!("build-merge-around-hint")));
    }
    if let Some(built) = recorded_commit(out)
        && !allow_rewind
        && !ledger.history_contains(&built)?
    {
        return Err(CliError::failed(t!(
            "build-rewound",
            out = out.display().to_string(),
            commit = &built
        ))
        .hint(t!("build-rewound-hint")));
    }
    Ok(())
}

/// `built … N articles: N files, N MB in DIR (N s)`, of a preview or of the public site.
fn print_report(
    preview: bool,
    report: &crate::render::BuildReport,
    out: &Path,
    started: std::time::Instant,
) {
    let variants = if report.variants > 0 {
        format!(
            " {}",
            t!(
                "build-variants",
                count = report.variants,
                mb = Arg::decimal(report.variant_bytes as f64 / 1_048_576.0, 1)
            )
        )
    } else {
        String::new()
    };
    let kept = if report.kept > 0 {
        t!("build-kept", count = report.kept)
    } else {
        String::new()
    };
    let (articles, files) = (report.articles, report.files);
    let mb = Arg::decimal(report.bytes as f64 / 1_048_576.0, 1);
    let (out, secs) = (
        out.display().to_string(),
        Arg::decimal(started.elapsed().as_secs_f64(), 2),
    );
    println!(
        "{}",
        t!(
            "build-done",
            kind = if preview { "preview" } else { "public" },
            articles = articles,
            files = files,
            mb = mb,
            variants = variants,
            out = out,
            secs = secs
        )
    );
    if !kept.is_empty() {
        println!("{kept}");
    }
}
