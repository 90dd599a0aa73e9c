//! The working calendar: which days are working days (weekends, the public holidays of
//! Bộ luật Lao động 2019 Điều 111–112 computed with the Vietnamese lunar calendar, their
//! compensatory days, and each year's declared swaps), and the office hours that
//! administrative hours are counted in. Deadlines of Điều 9.3 and 11.2 are counted here.
//! A period in days does not count the day it starts on (Bộ luật Dân sự 2015 Điều 147.1).

mod config;
mod holidays;
mod hours;
pub mod lunar;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

pub use config::parse_calendar;
pub use holidays::{Adjacent, DayKind, DayNote, NamedDay, Source, Weekend, YearDays, YearRules};
pub use hours::{MAX_ADMIN_HOURS, OfficeHours};

/// The years the lunar computation and the holiday rules are trusted for.
pub const YEARS: std::ops::RangeInclusive<i32> = 1901..=2199;

/// The longest period in working days `add_working_days` will count.
pub const MAX_WORKING_DAYS: u32 = 10_000;

/// One line of `stp calendar holidays`: a day off beyond the weekly rest days, or a rest
/// day that is worked, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedDay {
    pub date: NaiveDate,
    pub name: String,
    pub kind: DayKind,
    pub source: Source,
}

/// `date` when its year is within [`YEARS`].
fn in_range(date: NaiveDate) -> Option<NaiveDate> {
    YEARS.contains(&date.year()).then_some(date)
}

/// A working calendar: weekly rest days, per-year declarations and office hours.
#[derive(Debug)]
pub struct Calendar {
    pub weekend: Weekend,
    pub years: BTreeMap<i32, YearRules>,
    /// Sorted by `from`; the first entry also covers dates before it.
    pub office_hours: Vec<OfficeHours>,
    cache: Mutex<BTreeMap<i32, Arc<YearDays>>>,
}

impl Default for Calendar {
    /// The law's calendar: Saturday and Sunday off, no declarations, standard hours.
    fn default() -> Self {
        Calendar::new(
            Weekend::default(),
            BTreeMap::new(),
            vec![OfficeHours::standard()],
        )
    }
}

impl Clone for Calendar {
    fn clone(&self) -> Self {
        Calendar::new(self.weekend, self.years.clone(), self.office_hours.clone())
    }
}

impl Calendar {
    pub fn new(
        weekend: Weekend,
        years: BTreeMap<i32, YearRules>,
        office_hours: Vec<OfficeHours>,
    ) -> Self {
        Calendar {
            weekend,
            years,
            office_hours,
            cache: Mutex::new(BTreeMap::new()),
        }
    }

    /// The days off and worked rest days of `year` (computed once, then cached).
    pub fn year_days(&self, year: i32) -> Arc<YearDays> {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(year)
            .or_insert_with(|| {
                Arc::new(holidays::year_days(
                    year,
                    self.weekend,
                    self.years.get(&year),
                ))
            })
            .clone()
    }

    /// Every day off of `year` that is not a plain weekly rest day and every rest day that
    /// is worked, in date order, each with its name and source; a holiday on a rest day is
    /// listed too, marked, before the day it is taken on.
    pub fn listed_days(&self, year: i32) -> Vec<ListedDay> {
        let days = self.year_days(year);
        let off = days.off.iter().map(|(&date, note)| ListedDay {
            date,
            name: if self.weekend.contains(date) {
                format!("{} (trùng ngày nghỉ hằng tuần)", note.name)
            } else {
                note.name.clone()
            },
            kind: DayKind::Off,
            source: note.source,
        });
        let worked = days.worked.iter().map(|(&date, note)| ListedDay {
            date,
            name: note.name.clone(),
            kind: DayKind::Worked,
            source: note.source,
        });
        let mut list: Vec<ListedDay> = off.chain(worked).collect();
        list.sort_by_key(|d| d.date);
        list
    }

    /// Why `date` is not a working day (the holiday's name, or "ngày nghỉ hằng tuần");
    /// `None` for a working day.
    pub fn day_off_name(&self, date: NaiveDate) -> Option<String> {
        if self.is_working_day(date) {
            return None;
        }
        Some(match self.year_days(date.year()).off.get(&date) {
            Some(note) => note.name.clone(),
            None => "ngày nghỉ hằng tuần".to_string(),
        })
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let days = self.year_days(date.year());
        if days.worked.contains_key(&date) {
            return true;
        }
        !self.weekend.contains(date) && !days.off.contains_key(&date)
    }

    /// The `n`-th working day after `start` (the day of `start` is not counted); `None`
    /// when `start` or the result is outside [`YEARS`], or beyond [`MAX_WORKING_DAYS`].
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n > MAX_WORKING_DAYS {
            return None;
        }
        let mut date = in_range(start)?;
        let mut counted = 0;
        while counted < n {
            date = in_range(date.checked_add_days(Days::new(1))?)?;
            if self.is_working_day(date) {
                counted += 1;
            }
        }
        Some(date)
    }

    /// `date` itself when it is a working day, else the next working day; `None` outside
    /// [`YEARS`].
    pub fn working_day_on_or_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        let mut d = in_range(date)?;
        for _ in 0..366 {
            if self.is_working_day(d) {
                return Some(d);
            }
            d = in_range(d.succ_opt()?)?;
        }
        None
    }

    /// The working days from `first` to `last`, both included.
    pub fn working_days_between(&self, first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| self.is_working_day(*d))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn two_working_days_over_a_weekend() {
        let c = Calendar::default();
        // Friday 6/3/2026 + 2 working days: Monday 9/3, Tuesday 10/3.
        assert_eq!(
            c.add_working_days(d("2026-03-06"), 2),
            Some(d("2026-03-10"))
        );
        // Started on a Saturday: Monday is the first day.
        assert_eq!(
            c.add_working_days(d("2026-03-07"), 1),
            Some(d("2026-03-09"))
        );
    }

    #[test]
    fn deadlines_across_tet() {
        let c = Calendar::default();
        // Issued Friday 13/2/2026; 16–20/2 is Tết, then a weekend: due Tuesday 24/2.
        assert_eq!(
            c.add_working_days(d("2026-02-13"), 2),
            Some(d("2026-02-24"))
        );
        // 15 working days for a question received Thursday 12/2/2026: 13/2, then 23/2
        // to 6/3 (10 days), 9/3 to 12/3.
        assert_eq!(
            c.add_working_days(d("2026-02-12"), 15),
            Some(d("2026-03-12"))
        );
        // Tết 2030 is Saturday 2/2 (not 3/2): 1/2–5/2 off, Saturday and Sunday taken on
        // 6/2 and 7/2; 3 working days from Thursday 31/1/2030 end on Tuesday 12/2.
        assert_eq!(
            c.add_working_days(d("2030-01-31"), 3),
            Some(d("2030-02-12"))
        );
    }

    #[test]
    fn deadlines_across_30_april_and_1_may() {
        let c = Calendar::default();
        // 2026: Hùng Kings 26/4 (Sunday) is taken on Monday 27/4; 30/4 Thu, 1/5 Fri.
        // 3 working days from Friday 24/4: 28/4, 29/4, 4/5.
        assert_eq!(
            c.add_working_days(d("2026-04-24"), 3),
            Some(d("2026-05-04"))
        );
        // 2027: 30/4 Friday, 1/5 Saturday taken on Monday 3/5.
        assert_eq!(
            c.add_working_days(d("2027-04-29"), 1),
            Some(d("2027-05-04"))
        );
    }

    #[test]
    fn deadlines_across_national_day() {
        let c = Calendar::default();
        // 2/9/2026 Wednesday with 3/9: 2 working days from Tuesday 1/9 end Monday 7/9.
        assert_eq!(
            c.add_working_days(d("2026-09-01"), 2),
            Some(d("2026-09-07"))
        );
        // 2/9/2025 Tuesday with Monday 1/9: 1 working day from Friday 29/8 is 3/9.
        assert_eq!(
            c.add_working_days(d("2025-08-29"), 1),
            Some(d("2025-09-03"))
        );
    }

    #[test]
    fn declared_make_up_day_is_worked() {
        let mut years = BTreeMap::new();
        years.insert(
            2026,
            YearRules {
                days_off: vec![NamedDay {
                    date: d("2026-01-02"),
                    name: "Nghỉ hoán đổi".into(),
                }],
                working_days: vec![NamedDay {
                    date: d("2026-01-10"),
                    name: "Làm bù".into(),
                }],
                ..YearRules::default()
            },
        );
        let c = Calendar::new(Weekend::default(), years, vec![OfficeHours::standard()]);
        assert!(!c.is_working_day(d("2026-01-02")));
        assert!(c.is_working_day(d("2026-01-10")));
        // From Wednesday 31/12/2025: 1/1 holiday, 2/1 swapped, 5/1 Monday.
        assert_eq!(
            c.add_working_days(d("2025-12-31"), 1),
            Some(d("2026-01-05"))
        );
        assert_eq!(
            c.working_days_between(d("2026-01-01"), d("2026-01-10"))
                .len(),
            6
        );
    }

    #[test]
    fn nothing_is_counted_outside_the_calendars_range() {
        let c = Calendar::default();
        // Start inside, end past 2199.
        assert_eq!(c.add_working_days(d("2199-12-31"), 1), None);
        assert_eq!(
            c.add_working_days(d("2199-12-30"), 0),
            Some(d("2199-12-30"))
        );
        // Start outside.
        assert_eq!(c.add_working_days(d("9999-12-31"), 1), None);
        assert_eq!(c.add_working_days(d("1900-12-31"), 0), None);
        let late = d("2199-12-31").and_hms_opt(16, 0, 0).unwrap();
        assert_eq!(c.add_admin_hours(late, 2), None);
        assert_eq!(
            c.add_admin_hours(late, 1),
            Some(d("2199-12-31").and_hms_opt(17, 0, 0).unwrap())
        );
        assert_eq!(c.working_day_on_or_after(d("2200-01-01")), None);
    }

    #[test]
    fn a_day_off_says_why() {
        let c = Calendar::default();
        assert_eq!(
            c.day_off_name(d("2026-04-30")).as_deref(),
            Some("Ngày Chiến thắng (30/4)")
        );
        assert_eq!(
            c.day_off_name(d("2026-03-07")).as_deref(),
            Some("ngày nghỉ hằng tuần")
        );
        assert_eq!(c.day_off_name(d("2026-03-09")), None);
    }

    #[test]
    fn the_listing_holds_worked_rest_days_in_date_order() {
        let mut years = BTreeMap::new();
        years.insert(
            2026,
            YearRules {
                working_days: vec![NamedDay {
                    date: d("2026-01-10"),
                    name: "Làm bù".into(),
                }],
                ..YearRules::default()
            },
        );
        let c = Calendar::new(Weekend::default(), years, vec![OfficeHours::standard()]);
        let list = c.listed_days(2026);
        assert_eq!(list[0].date, d("2026-01-01"));
        assert_eq!(
            list[1],
            ListedDay {
                date: d("2026-01-10"),
                name: "Làm bù".into(),
                kind: DayKind::Worked,
                source: Source::Notice,
            }
        );
        assert_eq!((list[2].kind, list[2].source), (DayKind::Off, Source::Rule));
    }
}
