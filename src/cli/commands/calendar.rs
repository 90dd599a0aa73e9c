//! `stp calendar holidays YEAR` and `stp calendar due START (--working-days N |
//! --admin-hours N)`: the working calendar of `workflow/calendar.toml` (Điều 9.3, 11.2).

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use clap::{Args, Subcommand};
use serde::Serialize;
use stp_i18n::t;

use crate::cli::output::print_json;

use crate::cli::error::{CliError, CliResult};
use crate::cli::repo::find_root;
use crate::content::read_limited;
use crate::workflow::calendar::{
    Calendar, DayKind, ListedDay, MAX_ADMIN_HOURS, MAX_WORKING_DAYS, Source, YEARS, parse_calendar,
};

#[derive(Debug, Args)]
pub struct CalendarArgs {
    #[command(subcommand)]
    pub command: CalendarCommand,
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Print each day off of YEAR beyond the weekends and each weekend day that is worked:
    /// the ISO date, its name, then whether it is off or worked and whether a notice (a
    /// [[year]] entry of calendar.toml) or the rule gives it.
    Holidays {
        /// The year, e.g. 2026.
        year: i32,
        /// Print one JSON object instead.
        #[arg(long)]
        json: bool,
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
    /// Print one JSON object instead.
    #[arg(long)]
    pub json: bool,
}

pub fn run(repo: Option<PathBuf>, args: CalendarArgs) -> CliResult {
    let calendar = load_calendar(repo)?;
    match args.command {
        CalendarCommand::Holidays { year, json } => print_holidays(&calendar, year, json),
        CalendarCommand::Due(due) => print_due(&calendar, due),
    }
}

/// The usage error for `what` outside the years the calendar is trusted for.
fn outside_range(what: &str) -> CliError {
    CliError::usage(t!(
        "calendar-outside-range",
        what = what,
        first = *YEARS.start(),
        last = *YEARS.end()
    ))
}

#[derive(Serialize)]
struct HolidaysJson<'a> {
    year: i32,
    /// The `source` of the year's [[year]] entry, if it has one.
    notice: Option<&'a str>,
    days: Vec<ListedDay>,
}

fn print_holidays(calendar: &Calendar, year: i32, json: bool) -> CliResult {
    if !YEARS.contains(&year) {
        return Err(outside_range(&t!("calendar-what-year", year = year)));
    }
    let days = calendar.listed_days(year);
    if json {
        let notice = calendar.years.get(&year).and_then(|y| y.source.as_deref());
        print_json(&HolidaysJson { year, notice, days });
        return Ok(());
    }
    for day in days {
        let kind = match day.kind {
            DayKind::Off => "nghỉ",
            DayKind::Worked => "làm việc",
        };
        let source = match day.source {
            Source::Notice => "theo thông báo",
            Source::Rule => "theo quy tắc",
        };
        println!("{} {} [{kind}, {source}]", day.date, day.name);
    }
    Ok(())
}

/// A day's name in the run's language: `Monday` / `Thứ Hai`.
fn weekday(day: NaiveDate) -> String {
    match day.weekday() {
        chrono::Weekday::Mon => t!("weekday-mon"),
        chrono::Weekday::Tue => t!("weekday-tue"),
        chrono::Weekday::Wed => t!("weekday-wed"),
        chrono::Weekday::Thu => t!("weekday-thu"),
        chrono::Weekday::Fri => t!("weekday-fri"),
        chrono::Weekday::Sat => t!("weekday-sat"),
        chrono::Weekday::Sun => t!("weekday-sun"),
    }
}

#[derive(Serialize)]
struct StartDayOff {
    name: String,
    next_working_day: NaiveDate,
}

#[derive(Serialize)]
struct DueJson {
    start: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    working_days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    admin_hours: Option<u32>,
    due: String,
    weekday: String,
    /// For `--working-days 0` on a day off: why, and the next working day.
    #[serde(skip_serializing_if = "Option::is_none")]
    start_day_off: Option<StartDayOff>,
}

fn print_due(calendar: &Calendar, args: DueArgs) -> CliResult {
    let start = parse_start(&args.start).ok_or_else(|| {
        CliError::usage(t!("calendar-bad-start", start = &args.start))
            .hint(t!("calendar-bad-start-hint"))
    })?;
    let day = start.date();
    if !YEARS.contains(&day.year()) {
        return Err(outside_range(&t!(
            "calendar-what-start",
            day = day.to_string()
        )));
    }
    let mut out = DueJson {
        start: day.to_string(),
        working_days: args.working_days,
        admin_hours: args.admin_hours,
        due: String::new(),
        weekday: String::new(),
        start_day_off: None,
    };
    let text = if let Some(n) = args.working_days {
        if n > MAX_WORKING_DAYS {
            return Err(CliError::usage(t!(
                "calendar-max-working-days",
                max = MAX_WORKING_DAYS
            )));
        }
        let what = t!("calendar-working-days", count = n);
        let end = t!("calendar-what-end", what = &what, start = day.to_string());
        let due = calendar
            .add_working_days(day, n)
            .ok_or_else(|| outside_range(&end))?;
        (out.due, out.weekday) = (due.to_string(), due.format("%A").to_string());
        let off = (n == 0).then(|| calendar.day_off_name(day)).flatten();
        match off {
            Some(name) => {
                let next = calendar.working_day_on_or_after(day).ok_or_else(|| {
                    outside_range(&t!("calendar-what-next", day = day.to_string()))
                })?;
                let text = t!(
                    "calendar-start-off",
                    day = day.to_string(),
                    weekday = weekday(day),
                    name = &name,
                    next = next.to_string(),
                    next_weekday = weekday(next)
                );
                out.start_day_off = Some(StartDayOff {
                    name,
                    next_working_day: next,
                });
                text
            }
            None => t!(
                "calendar-due-days",
                due = due.to_string(),
                weekday = weekday(due),
                what = &what,
                start = day.to_string()
            ),
        }
    } else {
        let n = args.admin_hours.unwrap_or_default();
        if n > MAX_ADMIN_HOURS {
            return Err(CliError::usage(t!(
                "calendar-max-admin-hours",
                max = MAX_ADMIN_HOURS
            )));
        }
        let what = t!("calendar-admin-hours", count = n);
        let from = start.format("%Y-%m-%dT%H:%M").to_string();
        let end = t!("calendar-what-end", what = &what, start = &from);
        let due = calendar
            .add_admin_hours(start, n)
            .ok_or_else(|| outside_range(&end))?;
        out.start = from.clone();
        out.due = due.format("%Y-%m-%dT%H:%M").to_string();
        out.weekday = due.format("%A").to_string();
        t!(
            "calendar-due-hours",
            due = &out.due,
            weekday = weekday(due.date()),
            what = &what,
            start = &from
        )
    };
    if args.json {
        print_json(&out);
    } else {
        println!("{text}");
    }
    Ok(())
}

/// START as a moment, to the minute (seconds are dropped, as every time printed is HH:MM).
fn parse_start(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    for fmt in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, fmt) {
            return dt.with_second(0).and_then(|d| d.with_nanosecond(0));
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
        None if repo.is_some() => {
            Err(CliError::failed(t!("calendar-no-file")).hint(t!("calendar-no-file-hint")))
        }
        None => {
            eprintln!("{}: {}", t!("note-label"), t!("calendar-law-default"));
            Ok(Calendar::default())
        }
    }
}

fn read_calendar(file: &Path) -> CliResult<Calendar> {
    let bytes = read_limited(file, 1024 * 1024)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        CliError::failed(t!("calendar-not-utf8", file = file.display().to_string()))
            .hint(t!("calendar-not-utf8-hint"))
    })?;
    parse_calendar(file, &text)
        .map_err(|e| CliError::failed(e.to_string()).hint(t!("calendar-fix-hint")))
}
