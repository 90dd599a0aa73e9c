//! The monthly report for the board's leadership meeting (Điều 18.5), as tables: page
//! views per section and page, articles per unit against the quota (Điều 9.4), on-time
//! rate per deadline kind (Điều 9.3, 11.2), returns and rejections by ground (Điều 4.2,
//! 12.3), working days without anything new (Điều 13.1), questions received and answered,
//! and royalties (Điều 8). `sections` builds each table; `html` and `export` write them out.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use super::history::{ArticleFacts, Event, first_publications};
use super::logs::{LogStats, Period};
use super::table::Table;
use sections::Sections;
use stp_content::date::vietnam;
use stp_workflow::calendar::Calendar;
use stp_workflow::deadlines::DeadlineConfig;

mod sections;

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let month = Month {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        month.first_day().map(|_| month)
    }

    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    pub fn last_day(self) -> Option<NaiveDate> {
        self.first_day()?
            .checked_add_months(Months::new(1))?
            .pred_opt()
    }

    /// The month in Vietnam's time, for filtering access logs.
    pub fn period(self) -> Option<Period> {
        let from = self.first_day()?;
        let until = from.checked_add_months(Months::new(1))?;
        let secs = |d: NaiveDate| {
            vietnam()
                .from_local_datetime(&d.and_time(NaiveTime::MIN))
                .single()
                .map(|t| t.timestamp())
        };
        Some(Period {
            from: secs(from)?,
            until: secs(until)?,
        })
    }

    /// The month's last moment, 23:59:59 on its last day (the report is as of then, or
    /// now if that is earlier).
    pub fn last_moment(self) -> Option<NaiveDateTime> {
        Some(
            self.last_day()?
                .and_time(NaiveTime::from_hms_opt(23, 59, 59)?),
        )
    }

    pub fn contains(self, t: NaiveDateTime) -> bool {
        t.year() == self.year && t.month() == self.month
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Section slug → name, as the report labels sections.
pub fn section_names(site: &stp_content::SiteConfig) -> BTreeMap<String, String> {
    site.sections
        .iter()
        .map(|s| (s.slug.clone(), s.name.clone()))
        .collect()
}

/// Everything the report is made from.
pub struct ReportInput<'a> {
    pub month: Month,
    pub events: &'a [Event],
    pub articles: &'a BTreeMap<PathBuf, ArticleFacts>,
    /// Access statistics of the month, when logs were given.
    pub logs: Option<&'a LogStats>,
    pub config: &'a DeadlineConfig,
    pub calendar: &'a Calendar,
    /// Section slug → name, for labels.
    pub section_names: &'a BTreeMap<String, String>,
    /// The moment the report is as of: the end of the month, or now if that is earlier.
    pub as_of: NaiveDateTime,
}

/// The report's tables.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyReport {
    pub month: Month,
    pub summary: Table,
    pub views_by_section: Table,
    pub top_pages: Table,
    pub quotas: Table,
    pub deadlines: Table,
    pub returns: Table,
    pub freshness: Table,
    pub royalties: Table,
    pub royalty_items: Table,
    /// Quota bounds, for the chart.
    pub quota_range: (u32, u32),
    /// The last day the figures count, when the month is not over yet (a report made
    /// mid-month counts only up to today).
    pub figures_until: Option<NaiveDate>,
}

impl MonthlyReport {
    pub fn tables(&self) -> [&Table; 9] {
        [
            &self.summary,
            &self.views_by_section,
            &self.top_pages,
            &self.quotas,
            &self.deadlines,
            &self.returns,
            &self.freshness,
            &self.royalties,
            &self.royalty_items,
        ]
    }
}

/// The report: each section's tables, then the summary of their figures.
pub fn build_report(input: &ReportInput) -> MonthlyReport {
    let month = input.month;
    let first_pub = first_publications(input.events);
    let published: Vec<(&PathBuf, NaiveDateTime)> = first_pub
        .iter()
        .filter(|(_, t)| month.contains(**t))
        .map(|(p, t)| (p, *t))
        .collect();
    let (views_by_section, top_pages) = sections::access(input);
    let s = Sections {
        quotas: sections::quotas(input, &published),
        deadlines: sections::deadlines(input, &first_pub),
        returns: sections::returns(input),
        freshness: sections::freshness(input, &first_pub),
        royalties: sections::royalties(input, &published),
        feedback: sections::feedback(input, &published),
    };
    let summary = sections::summary(input.logs, published.len(), &s);
    let q = &input.config.quotas;
    MonthlyReport {
        month,
        summary,
        views_by_section,
        top_pages,
        quotas: s.quotas.table,
        deadlines: s.deadlines.table,
        returns: s.returns.table,
        freshness: s.freshness.table,
        royalties: s.royalties.per_author,
        royalty_items: s.royalties.items,
        quota_range: (q.min_per_unit, q.max_per_unit),
        figures_until: Some(input.as_of.date())
            .filter(|d| month.last_day().is_some_and(|last| *d < last)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_bound_vietnam_time() {
        let m = Month::parse("2026-03").unwrap();
        assert_eq!(m.last_day(), NaiveDate::from_ymd_opt(2026, 3, 31));
        // 1/3/2026 00:00 at UTC+7 is 28/2 17:00 UTC.
        assert_eq!(m.period().unwrap().from, 1_772_298_000);
        assert_eq!(
            m.period().unwrap().until - m.period().unwrap().from,
            31 * 86_400
        );
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(Month::parse("2026-3"), None);
        assert_eq!(m.to_string(), "2026-03");
    }
}
