//! Reading the `[deadlines]`, `[quotas]` and `[royalties]` tables strictly: an unknown
//! article kind, an unknown key, a rule with no length or two, an impossible date or a
//! coefficient over the legal ceiling is refused with the file and line.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::{ArticleKind, DeadlineConfig, DeadlineRule, Quotas, Royalties};
use crate::config_error::ConfigError;

/// The whole file as far as these tables go; every other key is left to its owner.
#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    deadlines: Option<BTreeMap<String, Spanned<RawRule>>>,
    #[serde(default)]
    quotas: Option<RawQuotas>,
    #[serde(default)]
    royalties: Option<RawRoyalties>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    admin_hours: Option<u32>,
    working_days: Option<u32>,
    consult_ministry_working_days: Option<u32>,
    days: Option<u32>,
    day_of_next_month: Option<u32>,
    day_of_next_quarter: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuotas {
    per_unit_month: Option<Spanned<RawRange>>,
    #[serde(default)]
    units: Vec<String>,
    every_working_day: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    min: u32,
    max: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoyalties {
    #[serde(default)]
    coefficients: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    base_salary: Vec<RawSalary>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSalary {
    from: Spanned<String>,
    vnd: Spanned<i64>,
}

/// Parses the three tables out of `workflow.toml` text; `path` names the file in errors.
/// Missing tables take the regulation's values (no deadlines, 1–2 articles a month,
/// no coefficients, the legal base salaries).
pub fn parse_deadline_config(path: &Path, text: &str) -> Result<DeadlineConfig, ConfigError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| ConfigError::from_toml(path, text, &e))?;
    let at = |span: std::ops::Range<usize>, msg: String| {
        ConfigError::at_offset(path, text, span.start, msg)
    };
    let mut config = DeadlineConfig::default();

    for (name, rule) in raw.deadlines.iter().flatten() {
        let kind = ArticleKind::parse(name).ok_or_else(|| {
            at(
                rule.span(),
                format!(
                    "`{name}` is not an article kind; use one of: {}",
                    ArticleKind::names()
                ),
            )
        })?;
        let r = rule.get_ref();
        let lengths = [
            r.admin_hours.map(DeadlineRule::AdminHours),
            r.working_days.map(|days| DeadlineRule::WorkingDays {
                days,
                consult_ministry: r.consult_ministry_working_days,
            }),
            r.days.map(DeadlineRule::Days),
            r.day_of_next_month.map(DeadlineRule::DayOfNextMonth),
            r.day_of_next_quarter.map(DeadlineRule::DayOfNextQuarter),
        ];
        let mut given = lengths.into_iter().flatten();
        let (Some(parsed), None) = (given.next(), given.next()) else {
            return Err(at(
                rule.span(),
                format!(
                    "deadline `{name}` needs exactly one of admin_hours, working_days, days, day_of_next_month, day_of_next_quarter"
                ),
            ));
        };
        if r.consult_ministry_working_days.is_some() && r.working_days.is_none() {
            return Err(at(
                rule.span(),
                "consult_ministry_working_days goes with working_days".into(),
            ));
        }
        let day_ok = match parsed {
            DeadlineRule::DayOfNextMonth(n) => (1..=28).contains(&n),
            DeadlineRule::DayOfNextQuarter(n) => (1..=90).contains(&n),
            _ => true,
        };
        if !day_ok {
            return Err(at(
                rule.span(),
                format!(
                    "deadline `{name}`: the day must be 1–28 of the month or 1–90 of the quarter"
                ),
            ));
        }
        config.deadlines.insert(kind, parsed);
    }

    if let Some(q) = raw.quotas {
        let mut quotas = Quotas {
            units: q.units,
            ..Quotas::default()
        };
        if let Some(range) = q.per_unit_month {
            let r = range.get_ref();
            if r.min > r.max {
                return Err(at(
                    range.span(),
                    format!("per_unit_month: min {} is more than max {}", r.min, r.max),
                ));
            }
            quotas.min_per_unit = r.min;
            quotas.max_per_unit = r.max;
        }
        if let Some(every) = q.every_working_day {
            quotas.every_working_day = every;
        }
        config.quotas = quotas;
    }

    if let Some(r) = raw.royalties {
        let mut royalties = Royalties::default();
        for (name, value) in &r.coefficients {
            let kind = ArticleKind::parse(name).ok_or_else(|| {
                at(
                    value.span(),
                    format!(
                        "`{name}` is not an article kind; use one of: {}",
                        ArticleKind::names()
                    ),
                )
            })?;
            let hundredths = coefficient(value.get_ref()).ok_or_else(|| {
                at(
                    value.span(),
                    format!(
                        "coefficient of `{name}` must be a number ≥ 0 with at most two decimals"
                    ),
                )
            })?;
            if let Some(ceiling) = kind.royalty_ceiling()
                && hundredths > ceiling * 100
            {
                return Err(at(
                    value.span(),
                    format!(
                        "coefficient of `{name}` is over {ceiling}, the ceiling of Nghị định 18/2014 Điều 7"
                    ),
                ));
            }
            royalties.coefficients.insert(kind, hundredths);
        }
        if !r.base_salary.is_empty() {
            royalties.base_salary.clear();
            for s in &r.base_salary {
                let from = NaiveDate::parse_from_str(s.from.get_ref().trim(), "%Y-%m-%d").map_err(
                    |_| {
                        at(
                            s.from.span(),
                            format!(
                                "`{}` is not a date; write a real day as YYYY-MM-DD",
                                s.from.get_ref()
                            ),
                        )
                    },
                )?;
                let vnd = u64::try_from(*s.vnd.get_ref())
                    .ok()
                    .filter(|v| *v > 0)
                    .ok_or_else(|| at(s.vnd.span(), "vnd must be a positive amount".into()))?;
                if royalties
                    .base_salary
                    .last()
                    .is_some_and(|(d, _)| *d >= from)
                {
                    return Err(at(
                        s.from.span(),
                        "base_salary entries must be in order of `from`".into(),
                    ));
                }
                royalties.base_salary.push((from, vnd));
            }
        }
        config.royalties = royalties;
    }
    Ok(config)
}

/// A coefficient in hundredths: `10` → 1000, `2.5` → 250.
fn coefficient(value: &toml::Value) -> Option<u32> {
    let hundredths = match value {
        toml::Value::Integer(i) => i.checked_mul(100)?,
        toml::Value::Float(f) => {
            let h = f * 100.0;
            if !h.is_finite() || (h - h.round()).abs() > 1e-6 {
                return None;
            }
            h.round() as i64
        }
        _ => return None,
    };
    u32::try_from(hundredths).ok()
}

#[cfg(test)]
mod tests;
