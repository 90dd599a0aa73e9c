//! `workflow/calendar.toml`, read strictly: weekly rest days, office hours by date range,
//! and each year's declarations. An unknown key, an impossible date or a date outside its
//! year is refused with the file and line.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use serde::Deserialize;
use toml::Spanned;

use super::{Adjacent, Calendar, NamedDay, OfficeHours, Weekend, YEARS, YearRules};
use crate::config_error::ConfigError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    #[serde(default)]
    weekend: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    office_hours: Vec<RawOfficeHours>,
    #[serde(default)]
    year: Vec<RawYear>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOfficeHours {
    from: Spanned<String>,
    periods: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    year: Spanned<i64>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    tet: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    national_day_adjacent: Option<Spanned<String>>,
    #[serde(default)]
    days_off: Vec<RawDay>,
    #[serde(default)]
    working_days: Vec<RawDay>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDay {
    date: Spanned<String>,
    name: String,
}

/// Parses `calendar.toml` text; `path` names the file in errors.
pub fn parse_calendar(path: &Path, text: &str) -> Result<Calendar, ConfigError> {
    let raw: RawCalendar =
        toml::from_str(text).map_err(|e| ConfigError::from_toml(path, text, &e))?;
    let file = File { path, text };
    let weekend = parse_weekend(&file, raw.weekend.as_deref())?;
    let office_hours = parse_office_hours(&file, &raw.office_hours)?;
    let mut years = BTreeMap::new();
    for entry in &raw.year {
        let (year, rules) = parse_year(&file, entry, &weekend)?;
        if years.insert(year, rules).is_some() {
            return Err(file.err(
                entry.year.span(),
                format!("year {year} has two [[year]] entries; merge them into one"),
            ));
        }
    }
    Ok(Calendar::new(weekend, years, office_hours))
}

/// The file being read, for errors that point at a place in it.
struct File<'a> {
    path: &'a Path,
    text: &'a str,
}

impl File<'_> {
    fn err(&self, span: std::ops::Range<usize>, msg: String) -> ConfigError {
        ConfigError::at_offset(self.path, self.text, span.start, msg)
    }

    fn date(&self, s: &Spanned<String>) -> Result<NaiveDate, ConfigError> {
        date(self.path, self.text, s)
    }
}

/// `weekend = ["saturday", "sunday"]`: the weekly rest days (default Saturday and Sunday).
fn parse_weekend(
    file: &File<'_>,
    names: Option<&[Spanned<String>]>,
) -> Result<Weekend, ConfigError> {
    let Some(names) = names else {
        return Ok(Weekend::default());
    };
    let mut days = Vec::new();
    for name in names {
        let day = name.get_ref().parse::<Weekday>().map_err(|_| {
            file.err(
                name.span(),
                format!(
                    "`{}` is not a day of the week; write e.g. \"saturday\"",
                    name.get_ref()
                ),
            )
        })?;
        days.push(day);
    }
    if days.len() >= 7 {
        return Err(ConfigError::at(
            file.path,
            1,
            "weekend holds every day of the week; list only the weekly rest days",
        ));
    }
    Ok(Weekend::new(&days))
}

/// `[[office_hours]]` entries in order of `from`, each with ordered periods that do not
/// overlap; the standard hours when there is none.
fn parse_office_hours(
    file: &File<'_>,
    entries: &[RawOfficeHours],
) -> Result<Vec<OfficeHours>, ConfigError> {
    let mut office_hours: Vec<OfficeHours> = Vec::new();
    for entry in entries {
        let from = file.date(&entry.from)?;
        if office_hours.last().is_some_and(|h| h.from >= from) {
            return Err(file.err(
                entry.from.span(),
                "office_hours entries must be in order of `from`, each later than the last".into(),
            ));
        }
        let mut periods: Vec<(NaiveTime, NaiveTime)> = Vec::new();
        for p in &entry.periods {
            let period = period(p.get_ref()).ok_or_else(|| {
                file.err(
                    p.span(),
                    format!(
                        "`{}` is not an opening period; write \"07:00-11:30\"",
                        p.get_ref()
                    ),
                )
            })?;
            if periods.last().is_some_and(|last| last.1 > period.0) {
                return Err(file.err(
                    p.span(),
                    "periods must be in order of the day and must not overlap".into(),
                ));
            }
            periods.push(period);
        }
        if periods.is_empty() {
            return Err(file.err(
                entry.from.span(),
                "an office_hours entry needs at least one period, e.g. \"07:00-11:30\"".into(),
            ));
        }
        office_hours.push(OfficeHours { from, periods });
    }
    if office_hours.is_empty() {
        office_hours.push(OfficeHours::standard());
    }
    Ok(office_hours)
}

/// One `[[year]]` entry: its year and the rules it states.
fn parse_year(
    file: &File<'_>,
    entry: &RawYear,
    weekend: &Weekend,
) -> Result<(i32, YearRules), ConfigError> {
    let year = *entry.year.get_ref();
    let year = i32::try_from(year)
        .ok()
        .filter(|y| YEARS.contains(y))
        .ok_or_else(|| {
            file.err(
                entry.year.span(),
                format!(
                    "year {year} is outside the calendar's range {}–{}",
                    YEARS.start(),
                    YEARS.end()
                ),
            )
        })?;
    let in_year = |s: &Spanned<String>| -> Result<NaiveDate, ConfigError> {
        let d = file.date(s)?;
        if d.year() != year {
            return Err(file.err(
                s.span(),
                format!("{d} is not in {year}; move it to that year's [[year]] entry"),
            ));
        }
        Ok(d)
    };
    // days_off are weekdays taken off, working_days the weekly rest days worked.
    let named = |days: &[RawDay], rest_day: bool| -> Result<Vec<NamedDay>, ConfigError> {
        days.iter()
            .map(|d| {
                let date = in_year(&d.date)?;
                if weekend.contains(date) != rest_day {
                    let (list, want) = if rest_day {
                        (
                            "working_days",
                            "a weekly rest day worked (a make-up Saturday)",
                        )
                    } else {
                        ("days_off", "a working weekday taken off")
                    };
                    return Err(file.err(
                        d.date.span(),
                        format!(
                            "{date} is a {}: a {list} entry is {want}",
                            date.format("%A")
                        ),
                    ));
                }
                Ok(NamedDay {
                    date,
                    name: d.name.clone(),
                })
            })
            .collect()
    };
    let tet = match &entry.tet {
        None => None,
        Some(list) => Some(list.iter().map(in_year).collect::<Result<Vec<_>, _>>()?),
    };
    let national_day_adjacent = match &entry.national_day_adjacent {
        None => None,
        Some(s) => Some(match s.get_ref().as_str() {
            "before" => Adjacent::Before,
            "after" => Adjacent::After,
            other => {
                return Err(file.err(
                    s.span(),
                    format!(
                        "national_day_adjacent is `{other}`; write \"before\" (1/9) or \"after\" (3/9)"
                    ),
                ));
            }
        }),
    };
    let rules = YearRules {
        source: entry.source.clone(),
        tet,
        national_day_adjacent,
        days_off: named(&entry.days_off, false)?,
        working_days: named(&entry.working_days, true)?,
    };
    Ok((year, rules))
}

fn date(path: &Path, text: &str, s: &Spanned<String>) -> Result<NaiveDate, ConfigError> {
    NaiveDate::parse_from_str(s.get_ref().trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| YEARS.contains(&d.year()))
        .ok_or_else(|| {
            ConfigError::at_offset(
                path,
                text,
                s.span().start,
                format!(
                    "`{}` is not a date; write a real day as YYYY-MM-DD",
                    s.get_ref()
                ),
            )
        })
}

fn period(text: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (a, b) = text.split_once('-')?;
    let open = NaiveTime::parse_from_str(a.trim(), "%H:%M").ok()?;
    let close = NaiveTime::parse_from_str(b.trim(), "%H:%M").ok()?;
    (open < close).then_some((open, close))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"
weekend = ["saturday", "sunday"]

[[office_hours]]
from = "2020-01-01"
periods = ["07:00-11:30", "13:30-17:00"]

[[year]]
year = 2026
national_day_adjacent = "before"
days_off = [{ date = "2026-01-02", name = "Nghỉ hoán đổi" }]
working_days = [{ date = "2026-01-10", name = "Làm bù" }]
"#;

    fn parse(text: &str) -> Result<Calendar, ConfigError> {
        parse_calendar(Path::new("workflow/calendar.toml"), text)
    }

    #[test]
    fn reads_the_declarations() {
        let c = parse(TEXT).unwrap();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(!c.is_working_day(d("2026-01-02")));
        assert!(c.is_working_day(d("2026-01-10")));
        assert!(
            !c.is_working_day(d("2026-09-01")),
            "declared: the day before"
        );
        assert!(c.is_working_day(d("2026-09-03")));
    }

    #[test]
    fn impossible_date_is_refused_with_its_line() {
        let err = parse(&TEXT.replace("2026-01-02", "2026-02-30")).unwrap_err();
        assert_eq!(err.line, Some(11), "{err}");
        assert!(
            err.to_string()
                .starts_with("workflow/calendar.toml:11: `2026-02-30`")
        );
    }

    #[test]
    fn date_in_the_wrong_year_and_unknown_keys_are_refused() {
        let err = parse(&TEXT.replace("2026-01-10", "2027-01-09")).unwrap_err();
        assert_eq!(err.line, Some(12), "{err}");
        assert!(err.message.contains("not in 2026"), "{err}");
        let err = parse(&TEXT.replace("weekend", "weekends")).unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        let err = parse(&TEXT.replace("13:30-17:00", "13:30-11:00")).unwrap_err();
        assert_eq!(err.line, Some(6), "{err}");
    }

    #[test]
    fn a_worked_day_must_be_a_rest_day_and_a_day_off_a_weekday() {
        // Friday 9/1/2026 is a working day already.
        let err = parse(&TEXT.replace("2026-01-10", "2026-01-09")).unwrap_err();
        assert_eq!(err.line, Some(12), "{err}");
        assert!(
            err.to_string().starts_with(
                "workflow/calendar.toml:12: 2026-01-09 is a Friday: a working_days entry"
            ),
            "{err}"
        );
        // Saturday 3/1/2026 is a rest day already.
        let err = parse(&TEXT.replace("2026-01-02", "2026-01-03")).unwrap_err();
        assert_eq!(err.line, Some(11), "{err}");
        assert!(err.message.contains("a days_off entry"), "{err}");
    }

    #[test]
    fn a_year_names_its_source() {
        let text = TEXT.replace(
            "year = 2026\n",
            "year = 2026\nsource = \"Thông báo 1/TB-BNV\"\n",
        );
        let c = parse(&text).unwrap();
        assert_eq!(c.years[&2026].source.as_deref(), Some("Thông báo 1/TB-BNV"));
        assert_eq!(parse(TEXT).unwrap().years[&2026].source, None);
    }

    fn shipped() -> Calendar {
        parse(include_str!(
            "../../../../examples/site/workflow/calendar.toml"
        ))
        .unwrap()
    }

    /// The weekdays off and the rest days worked from `first` to `last`.
    fn changes(c: &Calendar, first: &str, last: &str) -> (Vec<String>, Vec<String>) {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let days: Vec<NaiveDate> = d(first).iter_days().take_while(|x| *x <= d(last)).collect();
        let off = days
            .iter()
            .filter(|x| !c.weekend.contains(**x) && !c.is_working_day(**x))
            .map(|x| x.to_string())
            .collect();
        let worked = days
            .iter()
            .filter(|x| c.weekend.contains(**x) && c.is_working_day(**x))
            .map(|x| x.to_string())
            .collect();
        (off, worked)
    }

    #[test]
    fn the_shipped_notices_of_2024_give_the_announced_days() {
        let c = shipped();
        // Tết: 8/2–14/2 (the weekend 10–11/2 inside), not the rule's 9/2 and 12–15/2.
        let (off, worked) = changes(&c, "2024-02-01", "2024-02-29");
        assert_eq!(
            off,
            [
                "2024-02-08",
                "2024-02-09",
                "2024-02-12",
                "2024-02-13",
                "2024-02-14"
            ]
        );
        assert!(worked.is_empty());
        // Monday 29/4 swapped off, Saturday 4/5 worked; 30/4 and 1/5 holidays.
        let (off, worked) = changes(&c, "2024-04-01", "2024-05-31");
        assert_eq!(
            off,
            ["2024-04-18", "2024-04-29", "2024-04-30", "2024-05-01"]
        );
        assert_eq!(worked, ["2024-05-04"]);
        let (off, _) = changes(&c, "2024-08-26", "2024-09-06");
        assert_eq!(off, ["2024-09-02", "2024-09-03"]);
    }

    #[test]
    fn the_shipped_notices_of_2025_give_the_announced_days() {
        let c = shipped();
        // Tết: Monday 27/1 to Friday 31/1; the rule would have given Monday 3/2 too.
        let (off, worked) = changes(&c, "2025-01-20", "2025-02-14");
        assert_eq!(
            off,
            [
                "2025-01-27",
                "2025-01-28",
                "2025-01-29",
                "2025-01-30",
                "2025-01-31"
            ]
        );
        assert!(worked.is_empty());
        // Hùng Kings 7/4; Saturday 26/4 worked; 30/4, 1/5 holidays; Friday 2/5 swapped.
        let (off, worked) = changes(&c, "2025-04-01", "2025-05-31");
        assert_eq!(
            off,
            ["2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02"]
        );
        assert_eq!(worked, ["2025-04-26"]);
        let (off, _) = changes(&c, "2025-08-25", "2025-09-05");
        assert_eq!(off, ["2025-09-01", "2025-09-02"]);
    }

    #[test]
    fn the_shipped_notices_of_2026_give_the_announced_days() {
        let c = shipped();
        // 1/1 holiday, Friday 2/1 swapped off, Saturday 10/1 worked.
        let (off, worked) = changes(&c, "2026-01-01", "2026-01-31");
        assert_eq!(off, ["2026-01-01", "2026-01-02"]);
        assert_eq!(worked, ["2026-01-10"]);
        // Tết: 14/2–22/2 with both weekends, 5 working days off.
        let (off, worked) = changes(&c, "2026-02-09", "2026-02-27");
        assert_eq!(
            off,
            [
                "2026-02-16",
                "2026-02-17",
                "2026-02-18",
                "2026-02-19",
                "2026-02-20"
            ]
        );
        assert!(worked.is_empty());
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(c.is_working_day(d("2026-02-13")) && c.is_working_day(d("2026-02-23")));
        // Quốc khánh: the entry leaves the adjacent day to the rule (the notice was not at
        // hand): Wednesday 2/9 and Thursday 3/9.
        let (off, _) = changes(&c, "2026-08-31", "2026-09-04");
        assert_eq!(off, ["2026-09-02", "2026-09-03"]);
        assert_eq!(
            c.years[&2026]
                .source
                .as_deref()
                .map(|s| s.contains("Bộ Nội vụ")),
            Some(true)
        );
    }

    #[test]
    fn deadlines_across_the_shipped_notices() {
        let c = shipped();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // Friday 25/4/2025 + 1 working day: the make-up Saturday 26/4.
        assert_eq!(
            c.add_working_days(d("2025-04-25"), 1),
            Some(d("2025-04-26"))
        );
        // Friday 26/4/2024 + 1: 29/4 swapped off, 30/4 and 1/5 holidays: Thursday 2/5.
        assert_eq!(
            c.add_working_days(d("2024-04-26"), 1),
            Some(d("2024-05-02"))
        );
        // Tết 2025: from Friday 24/1/2025, 1 working day is Monday 3/2.
        assert_eq!(
            c.add_working_days(d("2025-01-24"), 1),
            Some(d("2025-02-03"))
        );
        // The rule's fallback holds for a year without a notice (2027).
        assert_eq!(
            c.years.keys().copied().collect::<Vec<_>>(),
            [2024, 2025, 2026]
        );
        assert_eq!(
            c.add_working_days(d("2027-02-04"), 1),
            Calendar::default().add_working_days(d("2027-02-04"), 1)
        );
    }
}
