//! The public holidays of one year as the law sets them (Bộ luật Lao động 2019 Điều 112,
//! with 24/11 added from 2026 by Nghị quyết 28/2026/QH16), the compensatory days for a
//! holiday that falls on a weekly rest day (Điều 111.3 and Nghị định 145/2020), and the
//! year's declared overrides: the Tết days the Prime Minister fixes, the adjacent day of
//! Quốc khánh, swapped days off and make-up working days.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use super::lunar;

/// The weekly rest days (for state offices: Saturday and Sunday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weekend([bool; 7]);

impl Weekend {
    pub fn new(days: &[Weekday]) -> Self {
        let mut set = [false; 7];
        for d in days {
            set[d.num_days_from_monday() as usize] = true;
        }
        Weekend(set)
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.0[date.weekday().num_days_from_monday() as usize]
    }
}

impl Default for Weekend {
    fn default() -> Self {
        Weekend::new(&[Weekday::Sat, Weekday::Sun])
    }
}

/// Which day next to 2 September is the second day of Quốc khánh (Điều 112.1.đ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adjacent {
    Before,
    After,
}

/// A named date of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedDay {
    pub date: NaiveDate,
    pub name: String,
}

/// What a year's declaration changes (the `[[year]]` entries of `workflow/calendar.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearRules {
    /// The notice the entry copies, as the calendar file names it.
    pub source: Option<String>,
    /// The Tết days off as declared, replacing the computed five; taken as final (no
    /// compensatory days are added for them).
    pub tet: Option<Vec<NaiveDate>>,
    pub national_day_adjacent: Option<Adjacent>,
    /// Extra days off, e.g. a weekday swapped against a Saturday.
    pub days_off: Vec<NamedDay>,
    /// Rest days that are worked (the Saturday a swapped day is made up on).
    pub working_days: Vec<NamedDay>,
}

/// Where a day of the calendar comes from: the year's notice (a `[[year]]` entry of
/// `workflow/calendar.toml`) or stp's rule (the law's fixed dates, the computed Tết, the
/// default adjacent day of Quốc khánh, and the compensatory days of Điều 111.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Rule,
    Notice,
}

/// Whether a listed day is a day off or a weekly rest day that is worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DayKind {
    Off,
    Worked,
}

/// The name of a listed day and where it comes from. Two holidays on one date keep both
/// names, joined with "; " (Giỗ Tổ Hùng Vương fell on 30/4 in 1947).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayNote {
    pub name: String,
    pub source: Source,
}

/// Every day off of one year beyond the weekly rest days, and the rest days that are
/// worked. A holiday on a rest day is listed too, with its compensatory day after it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearDays {
    pub off: BTreeMap<NaiveDate, DayNote>,
    pub worked: BTreeMap<NaiveDate, DayNote>,
}

/// Records `name` on `date`, joining it to a name already there; a notice wins the source.
fn note(map: &mut BTreeMap<NaiveDate, DayNote>, date: NaiveDate, name: &str, source: Source) {
    map.entry(date)
        .and_modify(|n| {
            n.name = format!("{}; {name}", n.name);
            if source == Source::Notice {
                n.source = Source::Notice;
            }
        })
        .or_insert_with(|| DayNote {
            name: name.to_string(),
            source,
        });
}

/// The year's holidays, compensatory days and declared changes.
pub fn year_days(year: i32, weekend: Weekend, rules: Option<&YearRules>) -> YearDays {
    let empty = YearRules::default();
    let rules = rules.unwrap_or(&empty);
    let mut law: Vec<(NamedDay, Source)> = Vec::new();
    let mut add = |date: Option<NaiveDate>, name: &str, source: Source| {
        if let Some(date) = date {
            let day = NamedDay {
                date,
                name: name.to_string(),
            };
            law.push((day, source));
        }
    };
    let rule = Source::Rule;
    add(NaiveDate::from_ymd_opt(year, 1, 1), "Tết Dương lịch", rule);
    let tet = lunar::tet(year);
    if rules.tet.is_none() {
        // Five days: the last day of the old lunar year and the first four of the new.
        add(
            tet.and_then(|t| t.pred_opt()),
            "Tết Nguyên đán (cuối năm)",
            rule,
        );
        add(tet, "Tết Nguyên đán (mùng 1)", rule);
        for (i, name) in ["mùng 2", "mùng 3", "mùng 4"].iter().enumerate() {
            let day = tet.and_then(|t| t.checked_add_days(Days::new(i as u64 + 1)));
            add(day, &format!("Tết Nguyên đán ({name})"), rule);
        }
    }
    add(
        lunar::hung_kings_day(year),
        "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
        rule,
    );
    add(
        NaiveDate::from_ymd_opt(year, 4, 30),
        "Ngày Chiến thắng (30/4)",
        rule,
    );
    add(
        NaiveDate::from_ymd_opt(year, 5, 1),
        "Ngày Quốc tế Lao động (1/5)",
        rule,
    );
    let national = NaiveDate::from_ymd_opt(year, 9, 2);
    add(national, "Quốc khánh (2/9)", rule);
    if let Some(national) = national {
        let (side, source) = match rules.national_day_adjacent {
            Some(side) => (side, Source::Notice),
            None => (default_adjacent(national.weekday()), rule),
        };
        let day = match side {
            Adjacent::Before => national.pred_opt(),
            Adjacent::After => national.succ_opt(),
        };
        add(day, "Quốc khánh (ngày liền kề)", source);
    }
    if year >= 2026 {
        add(
            NaiveDate::from_ymd_opt(year, 11, 24),
            "Ngày Văn hóa Việt Nam (24/11)",
            rule,
        );
    }
    law.sort_by_key(|(d, _)| d.date);

    let mut days = YearDays::default();
    for (d, source) in &law {
        note(&mut days.off, d.date, &d.name, *source);
    }
    for &date in rules.tet.iter().flatten() {
        note(&mut days.off, date, "Tết Nguyên đán", Source::Notice);
    }
    // Điều 111.3: a holiday on a weekly rest day is taken on the next working day; two
    // holidays on one rest day give two days.
    for (d, source) in &law {
        if weekend.contains(d.date) {
            let mut next = d.date;
            while let Some(n) = next.succ_opt() {
                next = n;
                if !weekend.contains(next) && !days.off.contains_key(&next) {
                    let name = format!("Nghỉ bù {}", d.name);
                    note(&mut days.off, next, &name, *source);
                    break;
                }
            }
        }
    }
    for d in &rules.days_off {
        note(&mut days.off, d.date, &d.name, Source::Notice);
    }
    for d in &rules.working_days {
        days.off.remove(&d.date);
        note(&mut days.worked, d.date, &d.name, Source::Notice);
    }
    days
}

/// The adjacent day that joins Quốc khánh to a weekend, as the yearly notices have chosen
/// (2021 Thu→Fri, 2022 Fri→Thu, 2023 Sat→Fri, 2024 Mon→Tue, 2025 Tue→Mon).
fn default_adjacent(national_day: Weekday) -> Adjacent {
    match national_day {
        Weekday::Tue | Weekday::Fri | Weekday::Sat => Adjacent::Before,
        Weekday::Mon | Weekday::Wed | Weekday::Thu | Weekday::Sun => Adjacent::After,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn off(year: i32) -> Vec<String> {
        year_days(year, Weekend::default(), None)
            .off
            .keys()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn the_law_holidays_of_2026_with_compensation() {
        // Tết 17/2 (Tue): 16–20/2. Hùng Kings 26/4 is a Sunday: off on Monday 27/4.
        // 2/9 is a Wednesday: 3/9 joins it. 24/11 from 2026.
        assert_eq!(
            off(2026),
            [
                "2026-01-01",
                "2026-02-16",
                "2026-02-17",
                "2026-02-18",
                "2026-02-19",
                "2026-02-20",
                "2026-04-26",
                "2026-04-27",
                "2026-04-30",
                "2026-05-01",
                "2026-09-02",
                "2026-09-03",
                "2026-11-24",
            ]
        );
    }

    #[test]
    fn tet_on_a_weekend_moves_past_the_whole_block() {
        // Tết 2028 is Wednesday 26/1: 25/1–29/1, all weekdays; Tết 2027 is Saturday 6/2:
        // 5/2–9/2 holds a Saturday and a Sunday, taken on 10/2 and 11/2.
        let days = year_days(2027, Weekend::default(), None);
        assert_eq!(
            days.off[&d("2027-02-10")].name,
            "Nghỉ bù Tết Nguyên đán (mùng 1)"
        );
        assert_eq!(
            days.off[&d("2027-02-11")].name,
            "Nghỉ bù Tết Nguyên đán (mùng 2)"
        );
        assert!(!days.off.contains_key(&d("2027-02-12")));
        assert!(
            !off(2025).contains(&"2025-11-24".to_string()),
            "24/11 only from 2026"
        );
    }

    #[test]
    fn declared_days_replace_and_swap() {
        let rules = YearRules {
            source: None,
            tet: Some(vec![d("2024-02-08"), d("2024-02-09"), d("2024-02-12")]),
            national_day_adjacent: Some(Adjacent::Before),
            days_off: vec![NamedDay {
                date: d("2024-01-02"),
                name: "Nghỉ hoán đổi".into(),
            }],
            working_days: vec![NamedDay {
                date: d("2024-01-06"),
                name: "Làm bù".into(),
            }],
        };
        let days = year_days(2024, Weekend::default(), Some(&rules));
        assert!(days.off.contains_key(&d("2024-02-08")));
        assert!(
            !days.off.contains_key(&d("2024-02-13")),
            "computed Tết replaced"
        );
        // 2/9/2024 is a Monday: the declared day before is a Sunday, taken on 3/9.
        assert!(days.off.contains_key(&d("2024-09-01")));
        assert_eq!(
            days.off[&d("2024-09-03")],
            DayNote {
                name: "Nghỉ bù Quốc khánh (ngày liền kề)".into(),
                source: Source::Notice,
            }
        );
        assert!(days.off.contains_key(&d("2024-01-02")));
        assert!(days.worked.contains_key(&d("2024-01-06")));
    }

    #[test]
    fn two_holidays_on_one_date_keep_both_names() {
        // Giỗ Tổ Hùng Vương (10/3 lunar) fell on Wednesday 30/4/1947.
        let days = year_days(1947, Weekend::default(), None);
        assert_eq!(
            days.off[&d("1947-04-30")].name,
            "Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng (30/4)"
        );
        assert!(
            days.off.keys().all(|k| k.year() == 1947),
            "{:?}",
            days.off.keys()
        );
    }

    #[test]
    fn each_day_says_whether_a_notice_or_the_rule_set_it() {
        let rules = YearRules {
            tet: Some(vec![d("2025-01-27")]),
            working_days: vec![NamedDay {
                date: d("2025-04-26"),
                name: "Làm bù".into(),
            }],
            ..YearRules::default()
        };
        let days = year_days(2025, Weekend::default(), Some(&rules));
        assert_eq!(days.off[&d("2025-01-27")].source, Source::Notice);
        assert_eq!(days.off[&d("2025-04-30")].source, Source::Rule);
        // 2/9/2025 is a Tuesday: the rule joins Monday 1/9.
        assert_eq!(days.off[&d("2025-09-01")].source, Source::Rule);
        assert_eq!(days.worked[&d("2025-04-26")].source, Source::Notice);
        assert!(
            !days.off.contains_key(&d("2025-01-28")),
            "rule's Tết replaced"
        );
    }

    #[test]
    fn the_rule_differs_from_the_notices_of_2024_and_2025() {
        // What the fallback gives without a [[year]] entry: the last day of the lunar year
        // and mùng 1–4, with compensatory days. The notices chose 8–14/2/2024 and
        // 27–31/1/2025 (see examples/site/workflow/calendar.toml).
        let weekdays_off = |year, from: &str, to: &str| -> Vec<String> {
            year_days(year, Weekend::default(), None)
                .off
                .keys()
                .filter(|k| **k >= d(from) && **k <= d(to) && !Weekend::default().contains(**k))
                .map(|k| k.to_string())
                .collect()
        };
        assert_eq!(
            weekdays_off(2024, "2024-02-01", "2024-02-29"),
            [
                "2024-02-09",
                "2024-02-12",
                "2024-02-13",
                "2024-02-14",
                "2024-02-15"
            ]
        );
        assert_eq!(
            weekdays_off(2025, "2025-01-20", "2025-02-14"),
            [
                "2025-01-28",
                "2025-01-29",
                "2025-01-30",
                "2025-01-31",
                "2025-02-03"
            ]
        );
    }
}
