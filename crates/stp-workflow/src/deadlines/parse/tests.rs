use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::calendar::Calendar;
use crate::deadlines::{Due, Standing, due_for, is_overdue, standing};

const EXAMPLE: &str = include_str!("../../../../../examples/site/workflow/workflow.toml");

fn parse(text: &str) -> Result<DeadlineConfig, ConfigError> {
    parse_deadline_config(Path::new("workflow/workflow.toml"), text)
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn the_example_reads_as_the_regulation() {
    let c = parse(EXAMPLE).unwrap();
    assert_eq!(
        c.deadlines[&ArticleKind::News],
        DeadlineRule::AdminHours(12)
    );
    assert_eq!(
        c.deadlines[&ArticleKind::Answer],
        DeadlineRule::WorkingDays {
            days: 15,
            consult_ministry: Some(30)
        }
    );
    assert_eq!((c.quotas.min_per_unit, c.quotas.max_per_unit), (1, 2));
    assert_eq!(c.quotas.units.len(), 6);
    assert_eq!(c.royalties.coefficients[&ArticleKind::News], 600);
}

#[test]
fn other_tables_of_workflow_toml_are_left_alone() {
    let text = format!("[states]\nanything = \"goes\"\n\n{EXAMPLE}");
    assert!(parse(&text).is_ok());
}

#[test]
fn unknown_kind_is_refused_with_its_line() {
    let text = EXAMPLE.replace(
        "plan = { working_days = 3 }",
        "plans = { working_days = 3 }",
    );
    let err = parse(&text).unwrap_err();
    let line = EXAMPLE
        .lines()
        .position(|l| l.starts_with("plan ="))
        .unwrap()
        + 1;
    assert_eq!(err.line, Some(line), "{err}");
    assert!(
        err.to_string().starts_with("workflow/workflow.toml:"),
        "{err}"
    );
    assert!(
        err.message.contains("`plans` is not an article kind"),
        "{err}"
    );
}

#[test]
fn impossible_date_and_bad_rules_are_refused_with_their_lines() {
    let err = parse(&EXAMPLE.replace("2026-07-01", "2026-06-31")).unwrap_err();
    let line = EXAMPLE
        .lines()
        .position(|l| l.contains("2026-07-01"))
        .unwrap()
        + 1;
    assert_eq!(err.line, Some(line), "{err}");
    assert!(err.message.contains("not a date"), "{err}");

    let err = parse(&EXAMPLE.replace("{ admin_hours = 12 }", "{ admin_hours = 12, days = 1 }"))
        .unwrap_err();
    assert!(err.message.contains("exactly one"), "{err}");
    let err = parse(&EXAMPLE.replace("{ admin_hours = 12 }", "{ admin_hourz = 12 }")).unwrap_err();
    assert!(err.message.contains("admin_hourz"), "{err}");
    let err = parse(&EXAMPLE.replace("news = 6", "news = 12")).unwrap_err();
    assert!(err.message.contains("ceiling"), "{err}");
}

#[test]
fn royalty_follows_the_base_salary_on_the_publish_date() {
    let c = parse(EXAMPLE).unwrap();
    // 6 × 10% × 2,340,000 = 1,404,000; from 1/7/2026: 6 × 253,000 = 1,518,000.
    assert_eq!(
        c.royalties.royalty(ArticleKind::News, d("2026-06-30")),
        Some(1_404_000)
    );
    assert_eq!(
        c.royalties.royalty(ArticleKind::News, d("2026-07-01")),
        Some(1_518_000)
    );
    assert_eq!(
        c.royalties.royalty(ArticleKind::Media, d("2026-07-01")),
        None
    );
    assert_eq!(
        c.royalties.royalty(ArticleKind::News, d("2024-06-30")),
        None
    );
}

#[test]
fn due_dates_per_kind() {
    let c = parse(EXAMPLE).unwrap();
    let cal = Calendar::default();
    let due = |kind, start, ministry| due_for(&c, &cal, kind, at(start), ministry).unwrap();
    // News from Friday 6/3/2026 10:00: 5 administrative hours that day, 4.5 h on Monday
    // morning, 2.5 h from 13:30: Monday 9/3 at 16:00.
    assert_eq!(
        due(ArticleKind::News, "2026-03-06 10:00", false),
        Due::At(at("2026-03-09 16:00"))
    );
    assert_eq!(
        due(ArticleKind::Document, "2026-02-13 16:00", false),
        Due::EndOfDay(d("2026-02-24"))
    );
    // A question received on Thursday 12/2/2026: 15 working days, or 30 with the Ministry.
    assert_eq!(
        due(ArticleKind::Answer, "2026-02-12 00:00", false),
        Due::EndOfDay(d("2026-03-12"))
    );
    assert_eq!(
        due(ArticleKind::Answer, "2026-02-12 00:00", true),
        Due::EndOfDay(d("2026-04-02"))
    );
    // The April 2026 monthly report: 7/5 (Thursday). Q1 report: 10/4 (Friday).
    assert_eq!(
        due(ArticleKind::MonthlyReport, "2026-04-15 00:00", false),
        Due::EndOfDay(d("2026-05-07"))
    );
    assert_eq!(
        due(ArticleKind::QuarterlyReport, "2026-02-01 00:00", false),
        Due::EndOfDay(d("2026-04-10"))
    );
    // 10 days after a conference on Sunday 19/4/2026 end on Wednesday 29/4; 15 days after
    // 16/4 fall on 1/5, a holiday, then the weekend: Monday 4/5 (Điều 148.3 BLDS).
    assert_eq!(
        due(ArticleKind::HalfYearReport, "2026-04-19 00:00", false),
        Due::EndOfDay(d("2026-04-29"))
    );
    assert_eq!(
        due(ArticleKind::AnnualReport, "2026-04-16 00:00", false),
        Due::EndOfDay(d("2026-05-04"))
    );
    assert_eq!(
        due_for(&c, &cal, ArticleKind::Photo, at("2026-04-16 00:00"), false),
        None
    );
}

#[test]
fn overdue_and_standing() {
    let due = Due::EndOfDay(d("2026-02-24"));
    let now = at("2026-02-25 08:00");
    assert!(!is_overdue(due, Some(at("2026-02-24 23:00")), now));
    assert!(is_overdue(due, Some(at("2026-02-25 07:00")), now));
    assert!(is_overdue(due, None, now));
    assert!(!is_overdue(due, None, at("2026-02-24 16:00")));
    assert_eq!(
        standing(due, None, at("2026-02-24 16:00")),
        Standing::Pending
    );
    assert_eq!(standing(due, None, now), Standing::Overdue);
    assert_eq!(
        standing(due, Some(at("2026-02-20 09:00")), now),
        Standing::OnTime
    );
    let hour = Due::At(at("2026-03-09 15:30"));
    assert!(is_overdue(hour, Some(at("2026-03-09 15:31")), now));
    assert!(!is_overdue(hour, Some(at("2026-03-09 15:30")), now));
}
