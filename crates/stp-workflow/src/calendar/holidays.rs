//! The public holidays of one year as the law sets them (Bộ luật Lao động 2019 Điều 112,
//! with 24/11 added from 2026 by Nghị quyết 28/2026/QH16), the compensatory days for a
//! holiday that falls on a weekly rest day (Điều 111.3 and Nghị định 145/2020), and the
//! year's declared overrides: the Tết days the Prime Minister fixes, the adjacent day of
//! Quốc khánh, swapped days off and make-up working days.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};

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
    /// The Tết days off as declared, replacing the computed five; taken as final (no
    /// compensatory days are added for them).
    pub tet: Option<Vec<NaiveDate>>,
    pub national_day_adjacent: Option<Adjacent>,
    /// Extra days off, e.g. a weekday swapped against a Saturday.
    pub days_off: Vec<NamedDay>,
    /// Rest days that are worked (the Saturday a swapped day is made up on).
    pub working_days: Vec<NamedDay>,
}

/// Every day off of one year beyond the weekly rest days, and the rest days that are
/// worked. A holiday on a rest day is listed too, with its compensatory day after it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearDays {
    pub off: BTreeMap<NaiveDate, String>,
    pub worked: BTreeMap<NaiveDate, String>,
}

/// The year's holidays, compensatory days and declared changes.
pub fn year_days(year: i32, weekend: Weekend, rules: Option<&YearRules>) -> YearDays {
    let empty = YearRules::default();
    let rules = rules.unwrap_or(&empty);
    let mut law: Vec<NamedDay> = Vec::new();
    let mut add = |date: Option<NaiveDate>, name: &str| {
        if let Some(date) = date {
            law.push(NamedDay {
                date,
                name: name.to_string(),
            });
        }
    };
    add(NaiveDate::from_ymd_opt(year, 1, 1), "Tết Dương lịch");
    let tet = lunar::tet(year);
    if rules.tet.is_none() {
        // Five days: the last day of the old lunar year and the first four of the new.
        add(tet.and_then(|t| t.pred_opt()), "Tết Nguyên đán (cuối năm)");
        add(tet, "Tết Nguyên đán (mùng 1)");
        for (i, name) in ["mùng 2", "mùng 3", "mùng 4"].iter().enumerate() {
            let day = tet.and_then(|t| t.checked_add_days(Days::new(i as u64 + 1)));
            add(day, &format!("Tết Nguyên đán ({name})"));
        }
    }
    add(
        lunar::hung_kings_day(year),
        "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
    );
    add(
        NaiveDate::from_ymd_opt(year, 4, 30),
        "Ngày Chiến thắng (30/4)",
    );
    add(
        NaiveDate::from_ymd_opt(year, 5, 1),
        "Ngày Quốc tế Lao động (1/5)",
    );
    let national = NaiveDate::from_ymd_opt(year, 9, 2);
    add(national, "Quốc khánh (2/9)");
    if let Some(national) = national {
        let side = rules
            .national_day_adjacent
            .unwrap_or_else(|| default_adjacent(national.weekday()));
        let day = match side {
            Adjacent::Before => national.pred_opt(),
            Adjacent::After => national.succ_opt(),
        };
        add(day, "Quốc khánh (ngày liền kề)");
    }
    if year >= 2026 {
        add(
            NaiveDate::from_ymd_opt(year, 11, 24),
            "Ngày Văn hóa Việt Nam (24/11)",
        );
    }
    law.sort_by_key(|d| d.date);

    let mut days = YearDays::default();
    for d in &law {
        days.off.insert(d.date, d.name.clone());
    }
    for &date in rules.tet.iter().flatten() {
        days.off
            .insert(date, "Tết Nguyên đán (theo thông báo)".into());
    }
    // Điều 111.3: a holiday on a weekly rest day is taken on the next working day.
    for d in &law {
        if weekend.contains(d.date) {
            let mut next = d.date;
            while let Some(n) = next.succ_opt() {
                next = n;
                if !weekend.contains(next) && !days.off.contains_key(&next) {
                    days.off.insert(next, format!("Nghỉ bù {}", d.name));
                    break;
                }
            }
        }
    }
    for d in &rules.days_off {
        days.off.insert(d.date, d.name.clone());
    }
    for d in &rules.working_days {
        days.off.remove(&d.date);
        days.worked.insert(d.date, d.name.clone());
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
            days.off[&d("2027-02-10")],
            "Nghỉ bù Tết Nguyên đán (mùng 1)"
        );
        assert_eq!(
            days.off[&d("2027-02-11")],
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
            "Nghỉ bù Quốc khánh (ngày liền kề)"
        );
        assert!(days.off.contains_key(&d("2024-01-02")));
        assert!(days.worked.contains_key(&d("2024-01-06")));
    }
}
