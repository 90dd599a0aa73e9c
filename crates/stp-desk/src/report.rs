//! The monthly report on the desk: the same tables `stp report --month` writes (built by
//! `stp-report` from the signed history), shown as HTML tables for the month chosen.

use chrono::NaiveDateTime;
use minijinja::{Value, context};
use stp_report::from_ledger::trusted_settings;
use stp_report::monthly::{Month, ReportInput, build_report, section_names};

use crate::board::Board;
use stp_i18n::{Arg, Lang, tr};

/// The report's tables for `month`, as of the end of that month or now, whichever is
/// first; an error when the site has no trusted deadline tables yet.
pub fn tables(
    board: &Board,
    month: Month,
    now: NaiveDateTime,
    lang: Lang,
) -> Result<Vec<Value>, String> {
    let Some((config, calendar)) = trusted_settings(&board.ledger) else {
        return Err(tr(lang, "desk-no-report-why", &[]));
    };
    let end = month.last_moment().ok_or_else(|| {
        tr(
            lang,
            "desk-bad-month-why",
            &[("month", Arg::from(month.to_string()))],
        )
    })?;
    let section_names = section_names(&board.site);
    let report = build_report(&ReportInput {
        month,
        events: &board.history.events,
        articles: &board.history.articles,
        logs: None,
        config,
        calendar,
        section_names: &section_names,
        as_of: end.min(now),
    });
    Ok(report
        .tables()
        .iter()
        .map(|t| {
            let rows: Vec<Vec<String>> = t
                .rows
                .iter()
                .map(|r| r.iter().map(|c| c.display()).collect())
                .collect();
            context! { id => t.id, title => &t.title, headers => &t.headers, rows }
        })
        .collect())
}
