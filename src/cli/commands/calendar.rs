//! `stp calendar holidays YEAR` and `stp calendar due START (--working-days N |
//! --admin-hours N)`: the working calendar of `workflow/calendar.toml` (Điều 9.3, 11.2).

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use clap::{Args, Subcommand};

use crate::cli::error::{CliError, CliResult};
use crate::cli::repo::find_root;
use crate::content::read_limited;
use crate::workflow::calendar::{
    Calendar, MAX_ADMIN_HOURS, MAX_WORKING_DAYS, YEARS, parse_calendar,
};

#[derive(Debug, Args)]
pub struct CalendarArgs {
    #[command(subcommand)]
    pub command: CalendarCommand,
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Print each day off of YEAR beyond the weekends: the ISO date, then its name.
    Holidays {
        /// The year, e.g. 2026.
        year: i32,
    },
    /// Print when a period that starts at START ends (the day of START is not counted
    /// for working days; administrative hours run from START's moment).
    Due(DueArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("length").required(true).args(["working_days", "admin_hours"])))]
pub struct DueArgs {
    /// YYYY-MM-DD, or YYYY-MM-DDTHH:MM for administrative hours (Vietnam time).
    pub start: String,
    /// Count this many working days.
    #[arg(long, value_name = "N")]
    pub working_days: Option<u32>,
    /// Count this many administrative hours (office hours on working days).
    #[arg(long, value_name = "N")]
    pub admin_hours: Option<u32>,
}

pub fn run(repo: Option<PathBuf>, args: CalendarArgs) -> CliResult {
    let calendar = load_calendar(repo)?;
    match args.command {
        CalendarCommand::Holidays { year } => {
            if !YEARS.contains(&year) {
                return Err(CliError::usage(format!(
                    "year {year} is outside the calendar's range {}–{}",
                    YEARS.start(),
                    YEARS.end()
                )));
            }
            for day in calendar.days_off(year) {
                println!("{} {}", day.date, day.name);
            }
            Ok(())
        }
        CalendarCommand::Due(due) => print_due(&calendar, due),
    }
}

fn print_due(calendar: &Calendar, args: DueArgs) -> CliResult {
    let start = parse_start(&args.start).ok_or_else(|| {
        CliError::usage(format!("`{}` is not a date or a date and time", args.start))
            .hint("write START as 2026-02-13 or 2026-02-13T08:30")
    })?;
    let past_range = || {
        CliError::failed("the deadline falls outside the calendar's range").hint(format!(
            "keep to the years {}–{}",
            YEARS.start(),
            YEARS.end()
        ))
    };
    if let Some(n) = args.working_days {
        if n > MAX_WORKING_DAYS {
            return Err(CliError::usage(format!(
                "--working-days is at most {MAX_WORKING_DAYS}"
            )));
        }
        let due = calendar
            .add_working_days(start.date(), n)
            .ok_or_else(past_range)?;
        println!(
            "{due} {}, {n} working days after {} (the start day not counted)",
            due.format("%A"),
            start.date()
        );
    } else if let Some(n) = args.admin_hours {
        if n > MAX_ADMIN_HOURS {
            return Err(CliError::usage(format!(
                "--admin-hours is at most {MAX_ADMIN_HOURS}"
            )));
        }
        let due = calendar.add_admin_hours(start, n).ok_or_else(past_range)?;
        println!(
            "{} {}, {n} administrative hours after {}",
            due.format("%Y-%m-%dT%H:%M"),
            due.format("%A"),
            start.format("%Y-%m-%dT%H:%M")
        );
    }
    Ok(())
}

fn parse_start(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    for fmt in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, fmt) {
            return Some(dt);
        }
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .map(|d| d.and_time(NaiveTime::MIN))
}

/// The calendar of `workflow/calendar.toml` in the site repository; outside a repository
/// (or when the file is absent) the law's calendar, with a note on stderr.
pub fn load_calendar(repo: Option<PathBuf>) -> CliResult<Calendar> {
    let file = find_root(repo.clone())
        .ok()
        .map(|root| root.join("workflow/calendar.toml"))
        .filter(|f| f.is_file());
    match file {
        Some(file) => read_calendar(&file),
        None if repo.is_some() => Err(CliError::failed("the site has no workflow/calendar.toml")
            .hint("copy workflow/calendar.toml from `stp init --example` and adjust it")),
        None => {
            eprintln!(
                "note: no workflow/calendar.toml here; using the law's holidays and 07:00–11:30, 13:30–17:00"
            );
            Ok(Calendar::default())
        }
    }
}

fn read_calendar(file: &Path) -> CliResult<Calendar> {
    let bytes = read_limited(file, 1024 * 1024)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        CliError::failed(format!("{} is not UTF-8 text", file.display())).hint("save it as UTF-8")
    })?;
    parse_calendar(file, &text).map_err(|e| {
        CliError::failed(e.to_string()).hint("fix that line of the calendar, then run again")
    })
}
