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
    let err = |span: std::ops::Range<usize>, msg: String| {
        ConfigError::at_offset(path, text, span.start, msg)
    };

    let weekend = match &raw.weekend {
        None => Weekend::default(),
        Some(names) => {
            let mut days = Vec::new();
            for name in names {
                let day = name.get_ref().parse::<Weekday>().map_err(|_| {
                    err(
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
                    path,
                    1,
                    "weekend holds every day of the week; list only the weekly rest days",
                ));
            }
            Weekend::new(&days)
        }
    };

    let mut office_hours: Vec<OfficeHours> = Vec::new();
    for entry in &raw.office_hours {
        let from = date(path, text, &entry.from)?;
        if office_hours.last().is_some_and(|h| h.from >= from) {
            return Err(err(
                entry.from.span(),
                "office_hours entries must be in order of `from`, each later than the last".into(),
            ));
        }
        let mut periods: Vec<(NaiveTime, NaiveTime)> = Vec::new();
        for p in &entry.periods {
            let period = period(p.get_ref()).ok_or_else(|| {
                err(
                    p.span(),
                    format!(
                        "`{}` is not an opening period; write \"07:00-11:30\"",
                        p.get_ref()
                    ),
                )
            })?;
            if periods.last().is_some_and(|last| last.1 > period.0) {
                return Err(err(
                    p.span(),
                    "periods must be in order of the day and must not overlap".into(),
                ));
            }
            periods.push(period);
        }
        if periods.is_empty() {
            return Err(err(
                entry.from.span(),
                "an office_hours entry needs at least one period, e.g. \"07:00-11:30\"".into(),
            ));
        }
        office_hours.push(OfficeHours { from, periods });
    }
    if office_hours.is_empty() {
        office_hours.push(OfficeHours::standard());
    }

    let mut years = BTreeMap::new();
    for entry in &raw.year {
        let year = *entry.year.get_ref();
        let year = i32::try_from(year)
            .ok()
            .filter(|y| YEARS.contains(y))
            .ok_or_else(|| {
                err(
                    entry.year.span(),
                    format!(
                        "year {year} is outside the calendar's range {}–{}",
                        YEARS.start(),
                        YEARS.end()
                    ),
                )
            })?;
        let in_year = |s: &Spanned<String>| -> Result<NaiveDate, ConfigError> {
            let d = date(path, text, s)?;
            if d.year() != year {
                return Err(err(
                    s.span(),
                    format!("{d} is not in {year}; move it to that year's [[year]] entry"),
                ));
            }
            Ok(d)
        };
        let named = |days: &[RawDay]| -> Result<Vec<NamedDay>, ConfigError> {
            days.iter()
                .map(|d| {
                    Ok(NamedDay {
                        date: in_year(&d.date)?,
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
                    return Err(err(
                        s.span(),
                        format!(
                            "national_day_adjacent is `{other}`; write \"before\" (1/9) or \"after\" (3/9)"
                        ),
                    ));
                }
            }),
        };
        let rules = YearRules {
            tet,
            national_day_adjacent,
            days_off: named(&entry.days_off)?,
            working_days: named(&entry.working_days)?,
        };
        if years.insert(year, rules).is_some() {
            return Err(err(
                entry.year.span(),
                format!("year {year} has two [[year]] entries; merge them into one"),
            ));
        }
    }
    Ok(Calendar::new(weekend, years, office_hours))
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
    fn the_shipped_calendar_toml_loads() {
        let text = include_str!("../../../../examples/site/workflow/calendar.toml");
        let c = parse(text).unwrap();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(!c.is_working_day(d("2026-01-02")));
        assert!(c.is_working_day(d("2026-01-10")));
        assert!(!c.is_working_day(d("2026-02-20")));
    }
}
