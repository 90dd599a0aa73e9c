//! The Vietnamese lunisolar calendar, computed: new moons and solar terms by the
//! astronomical approximations of Jean Meeus, in the arrangement Hồ Ngọc Đức published
//! for the Vietnamese calendar. Vietnam reckons the day of a new moon at UTC+7, so some
//! years start a day earlier than the Chinese calendar (UTC+8): Tết 2030 is 2 February in
//! Vietnam, 3 February in China. Used for Tết and Hùng Kings' day (Bộ luật Lao động 2019
//! Điều 112).

use std::f64::consts::PI;

use chrono::NaiveDate;

/// Vietnam's offset from UTC, in hours, for the day a new moon falls on.
pub const VIETNAM_TIMEZONE: f64 = 7.0;

/// A day of the lunar calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LunarDate {
    pub day: u32,
    pub month: u32,
    /// The lunar year, numbered as the Gregorian year its first month starts in.
    pub year: i32,
    /// The intercalary (nhuận) month that repeats `month`.
    pub leap: bool,
}

/// The Julian day number of a Gregorian date.
pub fn julian_day(date: NaiveDate) -> i64 {
    // 0001-01-01 (proleptic Gregorian) is Julian day 1,721,426.
    i64::from(chrono::Datelike::num_days_from_ce(&date)) + 1_721_425
}

/// The Gregorian date of a Julian day number.
pub fn date_of_julian_day(jd: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jd - 1_721_425).ok()?)
}

/// The moment (Julian date, UTC) of the `k`-th new moon after 1900-01-01.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    let mut c1 = (0.1734 - 0.000_393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// The Julian day number of the local day the `k`-th new moon falls on.
fn new_moon_day(k: i64, timezone: f64) -> i64 {
    (new_moon(k) + 0.5 + timezone / 24.0).floor() as i64
}

/// The sun's apparent longitude, in radians in [0, 2π), at Julian date `jd` (UTC).
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin();
    dl += (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin() + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// Which twelfth of the ecliptic (0..=11, each a major solar term) the sun is in at the
/// start of local day `day`.
fn sun_sector(day: i64, timezone: f64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - timezone / 24.0) / PI * 6.0).floor() as i64
}

/// The first day of the lunar month holding the winter solstice (month 11) of `year`.
fn month_11_start(year: i32, timezone: f64) -> Option<i64> {
    let dec31 = NaiveDate::from_ymd_opt(year, 12, 31)?;
    let off = julian_day(dec31) - 2_415_021;
    let k = (off as f64 / 29.530_588_853).floor() as i64;
    let nm = new_moon_day(k, timezone);
    if sun_sector(nm, timezone) >= 9 {
        Some(new_moon_day(k - 1, timezone))
    } else {
        Some(nm)
    }
}

/// Months after month 11 (starting at `a11`) until the first month without a major solar
/// term: that month is the leap month.
fn leap_month_offset(a11: i64, timezone: f64) -> i64 {
    let k = ((a11 as f64 - 2_415_021.076_998_695) / 29.530_588_853 + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i, timezone), timezone);
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i, timezone), timezone);
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

/// The Gregorian date of a lunar date at `timezone` (hours east of UTC); `None` when the
/// lunar date does not exist (a leap month that year does not have, a day past the end).
pub fn lunar_to_solar(lunar: LunarDate, timezone: f64) -> Option<NaiveDate> {
    if !(1..=12).contains(&lunar.month) || !(1..=30).contains(&lunar.day) {
        return None;
    }
    let (a11, b11) = if lunar.month < 11 {
        (
            month_11_start(lunar.year - 1, timezone)?,
            month_11_start(lunar.year, timezone)?,
        )
    } else {
        (
            month_11_start(lunar.year, timezone)?,
            month_11_start(lunar.year + 1, timezone)?,
        )
    };
    let k = (0.5 + (a11 as f64 - 2_415_021.076_998_695) / 29.530_588_853).floor() as i64;
    let mut off = i64::from(lunar.month) - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 {
        let leap_off = leap_month_offset(a11, timezone);
        let mut leap_month = leap_off - 2;
        if leap_month < 0 {
            leap_month += 12;
        }
        if lunar.leap && i64::from(lunar.month) != leap_month {
            return None;
        }
        if lunar.leap || off >= leap_off {
            off += 1;
        }
    } else if lunar.leap {
        return None;
    }
    let month_start = new_moon_day(k + off, timezone);
    let next_month = new_moon_day(k + off + 1, timezone);
    let day = month_start + i64::from(lunar.day) - 1;
    if day >= next_month {
        return None;
    }
    date_of_julian_day(day)
}

/// Mùng 1 Tết, the first day of lunar `year`, in Vietnam.
pub fn tet(year: i32) -> Option<NaiveDate> {
    lunar_to_solar(
        LunarDate {
            day: 1,
            month: 1,
            year,
            leap: false,
        },
        VIETNAM_TIMEZONE,
    )
}

/// Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month of `year`, in Vietnam.
pub fn hung_kings_day(year: i32) -> Option<NaiveDate> {
    lunar_to_solar(
        LunarDate {
            day: 10,
            month: 3,
            year,
            leap: false,
        },
        VIETNAM_TIMEZONE,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// The dates table of REGULATION.md (Bộ luật Lao động 2019 Điều 112).
    #[test]
    fn tet_2024_to_2030_match_the_table() {
        let table = [
            (2024, "2024-02-10"),
            (2025, "2025-01-29"),
            (2026, "2026-02-17"),
            (2027, "2027-02-06"),
            (2028, "2028-01-26"),
            (2029, "2029-02-13"),
            (2030, "2030-02-02"),
        ];
        for (year, date) in table {
            assert_eq!(tet(year), Some(d(date)), "Tết {year}");
        }
    }

    #[test]
    fn hung_kings_day_2024_to_2030_match_the_table() {
        let table = [
            (2024, "2024-04-18"),
            (2025, "2025-04-07"),
            (2026, "2026-04-26"),
            (2027, "2027-04-16"),
            (2028, "2028-04-04"),
            (2029, "2029-04-23"),
            (2030, "2030-04-12"),
        ];
        for (year, date) in table {
            assert_eq!(hung_kings_day(year), Some(d(date)), "Hùng Kings {year}");
        }
    }

    #[test]
    fn tet_2030_differs_between_vietnam_and_china() {
        let first = LunarDate {
            day: 1,
            month: 1,
            year: 2030,
            leap: false,
        };
        assert_eq!(lunar_to_solar(first, 7.0), Some(d("2030-02-02")));
        assert_eq!(lunar_to_solar(first, 8.0), Some(d("2030-02-03")));
    }

    #[test]
    fn leap_months_exist_only_where_the_sky_puts_them() {
        // 2025 (Ất Tỵ) has a leap 6th month starting 2025-07-25; 2026 has none.
        let leap6 = LunarDate {
            day: 1,
            month: 6,
            year: 2025,
            leap: true,
        };
        assert_eq!(lunar_to_solar(leap6, 7.0), Some(d("2025-07-25")));
        assert_eq!(lunar_to_solar(LunarDate { month: 5, ..leap6 }, 7.0), None);
        assert_eq!(
            lunar_to_solar(
                LunarDate {
                    year: 2026,
                    ..leap6
                },
                7.0
            ),
            None
        );
        assert_eq!(
            lunar_to_solar(LunarDate { day: 0, ..leap6 }, 7.0),
            None,
            "day 0"
        );
    }

    #[test]
    fn julian_day_round_trips() {
        assert_eq!(julian_day(d("2000-01-01")), 2_451_545);
        assert_eq!(date_of_julian_day(2_451_545), Some(d("2000-01-01")));
    }
}
