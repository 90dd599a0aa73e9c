//! Deadlines, quotas and royalties as the regulation sets them, read from the
//! `[deadlines]`, `[quotas]` and `[royalties]` tables of `workflow/workflow.toml` (other
//! keys of that file are not read here). Deadlines per article kind (Điều 9.3, 11.2) run
//! from the event, issue, approval or receipt to the publish commit; quotas are articles
//! per unit per month (Điều 9.4) and something new every working day (Điều 13.1);
//! royalties are coefficient × 10% of the base salary (Điều 8; Nghị định 18/2014 Điều 7).

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime};

use super::calendar::Calendar;

/// What an article is, for its deadline and its royalty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ArticleKind {
    /// Tin, sự kiện: 12 administrative hours after the event (Điều 9.3).
    News,
    /// State-management documents issued by the Department: 2 working days.
    Document,
    /// Strategy, planning, plans, projects, investment, bidding, procurement: 3 working days.
    Plan,
    /// Statistics: 10 working days after release is decided.
    Statistics,
    /// Answer to a citizen or business question: 15 (30 with the Ministry) working days.
    Answer,
    /// Feedback forwarded to a unit, answered within 15 working days (Điều 11.2).
    Feedback,
    MonthlyReport,
    QuarterlyReport,
    HalfYearReport,
    AnnualReport,
    ProgrammeSummary,
    /// Bình luận (royalty only).
    Commentary,
    /// Phóng sự, phỏng vấn (royalty only).
    Interview,
    /// Nghiên cứu, trao đổi (royalty only).
    Research,
    Photo,
    /// Online and multimedia works.
    Media,
}

impl ArticleKind {
    pub const ALL: [ArticleKind; 16] = [
        ArticleKind::News,
        ArticleKind::Document,
        ArticleKind::Plan,
        ArticleKind::Statistics,
        ArticleKind::Answer,
        ArticleKind::Feedback,
        ArticleKind::MonthlyReport,
        ArticleKind::QuarterlyReport,
        ArticleKind::HalfYearReport,
        ArticleKind::AnnualReport,
        ArticleKind::ProgrammeSummary,
        ArticleKind::Commentary,
        ArticleKind::Interview,
        ArticleKind::Research,
        ArticleKind::Photo,
        ArticleKind::Media,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ArticleKind::News => "news",
            ArticleKind::Document => "document",
            ArticleKind::Plan => "plan",
            ArticleKind::Statistics => "statistics",
            ArticleKind::Answer => "answer",
            ArticleKind::Feedback => "feedback",
            ArticleKind::MonthlyReport => "monthly_report",
            ArticleKind::QuarterlyReport => "quarterly_report",
            ArticleKind::HalfYearReport => "half_year_report",
            ArticleKind::AnnualReport => "annual_report",
            ArticleKind::ProgrammeSummary => "programme_summary",
            ArticleKind::Commentary => "commentary",
            ArticleKind::Interview => "interview",
            ArticleKind::Research => "research",
            ArticleKind::Photo => "photo",
            ArticleKind::Media => "media",
        }
    }

    pub fn parse(text: &str) -> Option<ArticleKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The highest royalty coefficient Nghị định 18/2014 Điều 7 allows, where it sets one.
    pub fn royalty_ceiling(self) -> Option<u32> {
        match self {
            ArticleKind::News | ArticleKind::Answer | ArticleKind::Photo => Some(10),
            ArticleKind::Commentary | ArticleKind::Interview | ArticleKind::Research => Some(30),
            ArticleKind::Media => Some(50),
            _ => None,
        }
    }

    fn names() -> String {
        Self::ALL.map(|k| k.as_str()).join(", ")
    }
}

impl serde::Serialize for ArticleKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for ArticleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How long an article kind may take to be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineRule {
    AdminHours(u32),
    /// Working days; `consult_ministry` replaces `days` when the Ministry must be asked.
    WorkingDays {
        days: u32,
        consult_ministry: Option<u32>,
    },
    /// Calendar days; a period ending on a day off ends on the next working day
    /// (Bộ luật Dân sự 2015 Điều 148.3).
    Days(u32),
    /// By this day of the month after the start ("first week of the next month": 7).
    DayOfNextMonth(u32),
    /// By this day of the quarter after the start ("first 10 days": 10).
    DayOfNextQuarter(u32),
}

/// When something is due: a moment (administrative hours) or the end of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Due {
    At(NaiveDateTime),
    EndOfDay(NaiveDate),
}

impl Due {
    pub fn date(self) -> NaiveDate {
        match self {
            Due::At(t) => t.date(),
            Due::EndOfDay(d) => d,
        }
    }
}

impl fmt::Display for Due {
    /// ISO 8601: `2026-02-24T15:00` or `2026-02-24`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::At(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M")),
            Due::EndOfDay(d) => write!(f, "{d}"),
        }
    }
}

/// Where an article stands against its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    OnTime,
    Late,
    Pending,
    Overdue,
}

/// Articles each unit owes a month (Điều 9.4) and the daily freshness rule (Điều 13.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotas {
    pub min_per_unit: u32,
    pub max_per_unit: u32,
    /// The units that owe articles, listed even in a month they sent none.
    pub units: Vec<String>,
    pub every_working_day: bool,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas {
            min_per_unit: 1,
            max_per_unit: 2,
            units: Vec::new(),
            every_working_day: true,
        }
    }
}

/// Royalty coefficients per kind and the base salary by date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Royalties {
    /// Coefficients in hundredths (10 → 1000).
    pub coefficients: BTreeMap<ArticleKind, u32>,
    /// (in force from, VND), sorted by date.
    pub base_salary: Vec<(NaiveDate, u64)>,
}

impl Default for Royalties {
    /// The base salaries of Nghị định 73/2024 and Nghị định 224/2026 Điều 20.3.
    fn default() -> Self {
        let d = |y, m| NaiveDate::from_ymd_opt(y, m, 1).expect("constant date is valid");
        Royalties {
            coefficients: BTreeMap::new(),
            base_salary: vec![(d(2024, 7), 2_340_000), (d(2026, 7), 2_530_000)],
        }
    }
}

impl Royalties {
    /// The base salary in force on `date`.
    pub fn base_salary_on(&self, date: NaiveDate) -> Option<u64> {
        self.base_salary
            .iter()
            .rev()
            .find(|(from, _)| *from <= date)
            .map(|&(_, vnd)| vnd)
    }

    /// The royalty in VND for an article of `kind` published on `date`: coefficient ×
    /// 10% × base salary, rounded to the đồng. `None` when the kind has no coefficient or
    /// no base salary was in force.
    pub fn royalty(&self, kind: ArticleKind, date: NaiveDate) -> Option<u64> {
        let hundredths = u64::from(*self.coefficients.get(&kind)?);
        let base = self.base_salary_on(date)?;
        Some((hundredths * base + 500) / 1000)
    }
}

/// The three tables, checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeadlineConfig {
    pub deadlines: BTreeMap<ArticleKind, DeadlineRule>,
    pub quotas: Quotas,
    pub royalties: Royalties,
}

/// When an article of `kind` that started at `start` (Vietnam local time) is due; `None`
/// when the kind has no deadline or the date is past the calendar.
pub fn due_for(
    config: &DeadlineConfig,
    calendar: &Calendar,
    kind: ArticleKind,
    start: NaiveDateTime,
    consult_ministry: bool,
) -> Option<Due> {
    let day = start.date();
    let end_of_day = |d: NaiveDate| calendar.working_day_on_or_after(d).map(Due::EndOfDay);
    match *config.deadlines.get(&kind)? {
        DeadlineRule::AdminHours(h) => calendar.add_admin_hours(start, h).map(Due::At),
        DeadlineRule::WorkingDays {
            days,
            consult_ministry: with_ministry,
        } => {
            let n = if consult_ministry {
                with_ministry.unwrap_or(days)
            } else {
                days
            };
            calendar.add_working_days(day, n).map(Due::EndOfDay)
        }
        DeadlineRule::Days(n) => end_of_day(day.checked_add_days(Days::new(u64::from(n)))?),
        DeadlineRule::DayOfNextMonth(n) => {
            let next = day.with_day(1)?.checked_add_months(Months::new(1))?;
            end_of_day(next.with_day(n)?)
        }
        DeadlineRule::DayOfNextQuarter(n) => {
            let quarter_start = NaiveDate::from_ymd_opt(day.year(), (day.month0() / 3) * 3 + 1, 1)?;
            let next = quarter_start.checked_add_months(Months::new(3))?;
            end_of_day(next.checked_add_days(Days::new(u64::from(n) - 1))?)
        }
    }
}

/// Whether the deadline has passed without publication, or publication came after it.
pub fn is_overdue(due: Due, published: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    let moment = published.unwrap_or(now);
    match due {
        Due::At(t) => moment > t,
        Due::EndOfDay(d) => moment.date() > d,
    }
}

/// Where an article stands: published on time or late, or still pending or overdue.
pub fn standing(due: Due, published: Option<NaiveDateTime>, now: NaiveDateTime) -> Standing {
    match (published.is_some(), is_overdue(due, published, now)) {
        (true, false) => Standing::OnTime,
        (true, true) => Standing::Late,
        (false, false) => Standing::Pending,
        (false, true) => Standing::Overdue,
    }
}

mod parse;
pub use parse::parse_deadline_config;
