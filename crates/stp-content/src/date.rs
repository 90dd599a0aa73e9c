//! Dates as contributors write them: `2026-11-20`, `2026-11-20 08:30` or RFC 3339. Times
//! without an offset are Vietnam's local time (UTC+7).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// Vietnam's offset from UTC, in seconds.
pub const VIETNAM_OFFSET: i32 = 7 * 3600;

pub fn vietnam() -> FixedOffset {
    FixedOffset::east_opt(VIETNAM_OFFSET).expect("constant offset is valid")
}

/// Parses a date or date-time; `None` when it is neither.
pub fn parse_datetime(text: &str) -> Option<DateTime<FixedOffset>> {
    let t = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Some(d);
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(t, fmt) {
            return vietnam().from_local_datetime(&n).single();
        }
    }
    let d = NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()?;
    vietnam()
        .from_local_datetime(&d.and_time(NaiveTime::MIN))
        .single()
}

/// Parses a plain date (`YYYY-MM-DD`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_forms() {
        assert_eq!(
            parse_datetime("2026-11-20").unwrap().to_rfc3339(),
            "2026-11-20T00:00:00+07:00"
        );
        assert_eq!(
            parse_datetime("2026-11-20 08:30").unwrap().to_rfc3339(),
            "2026-11-20T08:30:00+07:00"
        );
        assert!(parse_datetime("2026-11-20T08:30:00Z").is_some());
        assert!(parse_datetime("2026-02-30").is_none());
        assert!(parse_datetime("20/11/2026").is_none());
    }
}
