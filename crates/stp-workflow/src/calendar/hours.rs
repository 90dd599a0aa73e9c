//! Office hours and administrative hours. The news deadline of Điều 9.3 is 12
//! administrative hours: hours the office is open, on working days only, so the lunch
//! break, the night and days off do not count. An hour-based period runs from the moment
//! it starts (Bộ luật Dân sự 2015 Điều 147.1).

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::{Calendar, in_range};

/// The office's open periods of each working day, from a date until the next entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeHours {
    pub from: NaiveDate,
    /// Open periods, sorted and not overlapping, e.g. 07:00–11:30 and 13:30–17:00.
    pub periods: Vec<(NaiveTime, NaiveTime)>,
}

impl OfficeHours {
    /// 07:00–11:30 and 13:30–17:00, the hours of offices in Bình Phước.
    pub fn standard() -> Self {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("constant time is valid");
        OfficeHours {
            from: NaiveDate::MIN,
            periods: vec![(t(7, 0), t(11, 30)), (t(13, 30), t(17, 0))],
        }
    }
}

/// The longest period `add_admin_hours` will count (a safeguard against runaway input).
pub const MAX_ADMIN_HOURS: u32 = 100_000;

impl Calendar {
    /// The open periods on `date` (whether or not it is a working day).
    pub fn office_periods(&self, date: NaiveDate) -> &[(NaiveTime, NaiveTime)] {
        self.office_hours
            .iter()
            .rev()
            .find(|h| h.from <= date)
            .or(self.office_hours.first())
            .map(|h| h.periods.as_slice())
            .unwrap_or(&[])
    }

    /// The moment `hours` administrative hours after `start`; `None` when `start` or the
    /// result is outside the calendar's range, or beyond [`MAX_ADMIN_HOURS`].
    pub fn add_admin_hours(&self, start: NaiveDateTime, hours: u32) -> Option<NaiveDateTime> {
        if hours > MAX_ADMIN_HOURS {
            return None;
        }
        let mut left = TimeDelta::hours(i64::from(hours));
        let mut date = in_range(start.date())?;
        let mut not_before = start.time();
        // A working week has at least one open hour, so this bound is never reached for
        // a calendar that has office hours at all.
        for _ in 0..(i64::from(hours) * 7 + 30) {
            if self.is_working_day(date) {
                for &(open, close) in self.office_periods(date) {
                    let begin = open.max(not_before);
                    if begin >= close {
                        continue;
                    }
                    let available = close - begin;
                    if left <= available {
                        return Some(date.and_time(begin) + left);
                    }
                    left -= available;
                }
            }
            date = in_range(date.checked_add_days(Days::new(1))?)?;
            not_before = NaiveTime::MIN;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn counts_across_the_lunch_break() {
        let c = Calendar::default();
        // Friday 2026-03-06, 10:00: 1.5 h to 11:30, then 1.5 h from 13:30.
        assert_eq!(
            c.add_admin_hours(at("2026-03-06 10:00"), 3),
            Some(at("2026-03-06 15:00"))
        );
        assert_eq!(
            c.add_admin_hours(at("2026-03-06 10:00"), 0),
            Some(at("2026-03-06 10:00"))
        );
    }

    #[test]
    fn counts_across_a_night_and_a_weekend() {
        let c = Calendar::default();
        // Thursday 15:00: 2 h that day, 8 h on Friday, 2 h on Monday morning.
        assert_eq!(
            c.add_admin_hours(at("2026-03-05 15:00"), 12),
            Some(at("2026-03-09 09:00"))
        );
        // An event in the evening starts counting at the next opening.
        assert_eq!(
            c.add_admin_hours(at("2026-03-05 19:30"), 4),
            Some(at("2026-03-06 11:00"))
        );
        // Ending exactly at closing time stays on that day.
        assert_eq!(
            c.add_admin_hours(at("2026-03-06 13:30"), 3),
            Some(at("2026-03-06 16:30"))
        );
    }

    #[test]
    fn news_on_the_eve_of_30_april_waits_for_4_may() {
        // Wednesday 29/4/2026 16:00: 1 h that day; 30/4 and 1/5 are holidays, then the
        // weekend; 8 h on Monday 4/5 and 3 h more end on Tuesday 5/5 at 10:00.
        let c = Calendar::default();
        assert_eq!(
            c.add_admin_hours(at("2026-04-29 16:00"), 12),
            Some(at("2026-05-05 10:00"))
        );
    }

    #[test]
    fn office_hours_follow_their_date_ranges() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let c = Calendar {
            office_hours: vec![
                OfficeHours::standard(),
                OfficeHours {
                    from: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
                    periods: vec![(t(7, 30), t(11, 30)), (t(13, 0), t(17, 0))],
                },
            ],
            ..Calendar::default()
        };
        // Monday 1/6/2026 11:00 under summer hours: 0.5 h, lunch until 13:00, 1.5 h.
        assert_eq!(
            c.add_admin_hours(at("2026-06-01 11:00"), 2),
            Some(at("2026-06-01 14:30"))
        );
        assert_eq!(
            c.add_admin_hours(at("2026-05-29 11:00"), 2),
            Some(at("2026-05-29 15:00"))
        );
    }
}
