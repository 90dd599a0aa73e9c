//! `stp report --month YYYY-MM [--out DIR] [--logs FILE...]`: the monthly report for the
//! leadership meeting (Điều 18.5) as HTML with charts, XLSX and CSV, made from the signed
//! history (the ledger), the trusted deadline tables and calendar, and the access logs.
//! Without `--month`, `stp report --logs FILE...` prints the access statistics.

use std::path::{Path, PathBuf};

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{Progress, info, print_json, warning};
use crate::cli::repo::find_root;
use crate::content::SiteConfig;
use crate::report::export::{to_csv, write_xlsx};
use crate::report::from_ledger::trusted_settings;
use crate::report::html::render_html;
use crate::report::logs::{LogStats, read_logs};
use crate::report::monthly::{Month, ReportInput, build_report};
use crate::report::status::now_in_vietnam;

use super::signing::TrustArgs;
use super::status::read_history;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The month to report, YYYY-MM. Without it, only the access statistics of --logs
    /// are printed.
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,
    /// Where to write the report (default: reports/YYYY-MM in the site repository).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Web-server access logs, nginx/Apache combined format, plain or gzip.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub logs: Vec<PathBuf>,
    /// Print what was written (or the access statistics) as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: ReportArgs) -> CliResult {
    let Some(month_text) = &args.month else {
        if args.logs.is_empty() {
            return Err(CliError::usage(t!("report-needs-month")));
        }
        let stats = read_logs(&args.logs, None).map_err(|e| CliError::failed(e.to_string()))?;
        if args.json {
            report_skipped(&stats);
            print_json(&serde_json::json!({ "logs": stats_json(&stats) }));
        } else {
            print_stats(&stats);
        }
        return Ok(());
    };
    let month = Month::parse(month_text).ok_or_else(|| {
        CliError::usage(t!("report-bad-month", month = month_text.as_str()))
            .hint(t!("report-bad-month-hint"))
    })?;
    let now = now_in_vietnam(
        crate::cli::surroundings::fixed_now().as_deref(),
        chrono::Utc::now(),
    )
    .map_err(CliError::usage)?;
    let root = find_root(repo.clone())?;
    let site = SiteConfig::load(&root.join("site.toml"))?;
    let progress = Progress::start(t!("report-progress", month = month.to_string()), args.json);
    let ledger = args.trust.load(&root)?;
    let Some((config, calendar)) = trusted_settings(&ledger) else {
        return Err(CliError::failed(t!("report-no-trusted-tables"))
            .hint(t!("report-no-trusted-tables-hint")));
    };
    let history = read_history(&ledger, &site)?;
    let (events, articles) = (&history.events, &history.articles);
    let period = month
        .period()
        .ok_or_else(|| CliError::usage(t!("report-month-out-of-range")))?;
    let stats = if args.logs.is_empty() {
        None
    } else {
        Some(read_logs(&args.logs, Some(period)).map_err(|e| CliError::failed(e.to_string()))?)
    };
    let end_of_month = month.last_moment().unwrap_or_default();
    let section_names = crate::report::monthly::section_names(&site);
    let as_of = end_of_month.min(now);
    let report = build_report(&ReportInput {
        month,
        events,
        articles,
        logs: stats.as_ref(),
        config,
        calendar,
        section_names: &section_names,
        as_of,
    });

    let out = args
        .out
        .clone()
        .unwrap_or_else(|| root.join("reports").join(month.to_string()));
    let staging = staging_dir(&out)?;
    let write = || -> CliResult<()> {
        std::fs::write(
            staging.join(format!("bao-cao-{month}.html")),
            render_html(&report, &site.agency.name),
        )?;
        write_xlsx(
            &report.tables(),
            &staging.join(format!("bao-cao-{month}.xlsx")),
        )
        .map_err(|e| CliError::failed(format!("{}: {e}", staging.display())))?;
        for t in report.tables() {
            std::fs::write(staging.join(format!("{}.csv", t.id)), to_csv(t))?;
        }
        if out.exists() {
            std::fs::remove_dir_all(&out)?;
        }
        std::fs::rename(&staging, &out)?;
        Ok(())
    };
    let written = write();
    drop(progress);
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if let Some(s) = &stats {
        report_skipped(s);
    }
    let html = out.join(format!("bao-cao-{month}.html"));
    let xlsx = out.join(format!("bao-cao-{month}.xlsx"));
    if args.json {
        let csv: Vec<PathBuf> = report
            .tables()
            .iter()
            .map(|t| out.join(format!("{}.csv", t.id)))
            .collect();
        print_json(&serde_json::json!({
            "month": month.to_string(),
            "as_of": as_of.format("%Y-%m-%dT%H:%M").to_string(),
            "whole_month": as_of >= end_of_month,
            "figures_until": report.figures_until.map(|d| d.to_string()),
            "out": out,
            "html": html,
            "xlsx": xlsx,
            "csv": csv,
            "logs": stats.as_ref().map(stats_json),
        }));
    } else {
        if let Some(day) = report.figures_until {
            info(format_args!(
                "{}: {}",
                t!("note-label"),
                t!(
                    "report-figures-until",
                    day = day.format("%d/%m/%Y").to_string(),
                    iso = day.to_string(),
                    month = month.to_string()
                )
            ));
        }
        println!("{}", html.display());
        println!("{}", xlsx.display());
    }
    Ok(())
}

/// A fresh folder beside `out`, so that the report appears whole or not at all.
fn staging_dir(out: &Path) -> CliResult<PathBuf> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    std::fs::create_dir(&staging)?;
    Ok(staging)
}

fn report_skipped(stats: &LogStats) {
    if stats.skipped > 0 {
        warning(&t!("report-skipped-lines", count = stats.skipped));
        for s in &stats.skipped_examples {
            eprintln!("  {}:{}", s.file.display(), s.line);
        }
    }
}

/// The access statistics as the `logs` field of `stp report --json`.
fn stats_json(stats: &LogStats) -> serde_json::Value {
    serde_json::json!({
        "lines": stats.lines,
        "views": stats.views,
        "bots": stats.bots,
        "assets": stats.assets,
        "not_views": stats.not_views,
        "outside_period": stats.outside_period,
        "skipped": stats.skipped,
        "views_by_section": stats.by_section(),
    })
}

fn print_stats(stats: &LogStats) {
    println!("lines {}", stats.lines);
    println!("views {}", stats.views);
    println!("bots {}", stats.bots);
    println!("assets {}", stats.assets);
    println!("not-views {}", stats.not_views);
    println!("skipped {}", stats.skipped);
    let mut sections: Vec<(String, u64)> = stats.by_section().into_iter().collect();
    sections.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (slug, views) in sections {
        println!("section /{slug} {views}");
    }
    report_skipped(stats);
}
