//! The report's history read out of the signed ledger: every valid step as an [`Event`],
//! the facts of every article that entered the pipeline, and the deadline tables and
//! calendar of the *trusted* `workflow/` (never the working tree's).
//!
//! When a step happened: its date is the `Stp-Date` the signer stated inside the signed
//! message, but never earlier than a date stated by an earlier valid step in history order
//! (dates never go back, as in the ledger), so a backdated `publish` cannot make an article
//! on time. `Stp-Date` holds no time of day: the time is the signed commit's own committer
//! time (Vietnam time) when that falls on the decided date; otherwise the step counts at
//! the last second of its date, so an unknown time never makes an article on time. A valid
//! step without `Stp-Date` is dated by its committer time alone.
//!
//! An article's facts come from its published version when it has one, else from its
//! version in HEAD's commit; its unit is the front matter's `unit`, else the unit of the
//! person who first submitted it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use super::history::{ArticleFacts, Event, HistoryError, facts_of};
use stp_content::date::vietnam;
use stp_content::{SiteConfig, parse_article};
use stp_ledger::recorded::{history_order, recorded_versions};
use stp_ledger::{EventKind, Ledger, LedgerError};
use stp_workflow::Action;
use stp_workflow::calendar::Calendar;
use stp_workflow::deadlines::DeadlineConfig;

/// What the report and `stp status` read from the ledger.
#[derive(Debug, Clone)]
pub struct LedgerHistory {
    /// Every valid step, in history order.
    pub events: Vec<Event>,
    pub articles: BTreeMap<PathBuf, ArticleFacts>,
    /// Articles left out because their recorded version does not parse.
    pub warnings: Vec<String>,
}

/// Why the history could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FromLedgerError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("{0}")]
    Facts(#[from] HistoryError),
}

/// The trusted deadline tables and calendar; `None` before any admin signed `workflow/`.
pub fn trusted_settings(ledger: &Ledger) -> Option<(&DeadlineConfig, &Calendar)> {
    ledger
        .trusted
        .as_deref()
        .map(|t| (&t.config.deadlines, &t.calendar))
}

/// Reads the events and article facts of `ledger`.
pub fn history_from_ledger(
    ledger: &Ledger,
    site: &SiteConfig,
) -> Result<LedgerHistory, FromLedgerError> {
    let events = events_from_ledger(ledger)?;
    let mut warnings = Vec::new();
    let mut articles = BTreeMap::new();
    // The unit of whoever first submitted each article, for articles that name none.
    let mut submitter_unit: HashMap<&Path, Option<&str>> = HashMap::new();
    for e in &events {
        if e.action == Action::Submit {
            submitter_unit
                .entry(e.article.as_path())
                .or_insert(e.unit.as_deref());
        }
    }
    for (path, bytes) in recorded_versions(ledger)? {
        let path = path.as_str();
        let Some(bytes) = bytes else {
            warnings.push(format!(
                "{path}: neither published nor in the last commit; left out"
            ));
            continue;
        };
        let article = match parse_article(Path::new(path), &bytes, site) {
            Ok(a) => a,
            Err(e) => {
                warnings.push(format!("{e} (its recorded version; left out)"));
                continue;
            }
        };
        let mut facts = facts_of(&article, &String::from_utf8_lossy(&bytes))?;
        if facts.unit.is_none() {
            facts.unit = submitter_unit
                .get(Path::new(path))
                .copied()
                .flatten()
                .map(str::to_string);
        }
        articles.insert(PathBuf::from(path), facts);
    }
    Ok(LedgerHistory {
        events,
        articles,
        warnings,
    })
}

/// Every valid step of `ledger` as an event, in history order (the first-parent chain of
/// HEAD), dated as the module documentation says.
pub fn events_from_ledger(ledger: &Ledger) -> Result<Vec<Event>, LedgerError> {
    let order = history_order(&ledger.root)?;
    let units: HashMap<&str, &str> = ledger
        .trusted
        .as_deref()
        .map(|t| {
            t.people
                .persons
                .iter()
                .filter_map(|p| Some((p.id.as_str(), p.unit.as_deref()?)))
                .collect()
        })
        .unwrap_or_default();
    let mut steps: Vec<(usize, &str, &stp_ledger::Event)> = ledger
        .state
        .articles
        .iter()
        .flat_map(|(path, r)| r.events.iter().map(move |e| (path.as_str(), e)))
        .filter(|(_, e)| matches!(e.kind, EventKind::Step { .. }))
        .map(|(path, e)| {
            let position = order.get(&e.commit).copied().unwrap_or(usize::MAX);
            (position, path, e)
        })
        .collect();
    steps.sort_by_key(|(position, _, _)| *position);
    let mut clock: Option<NaiveDate> = None;
    let mut out = Vec::with_capacity(steps.len());
    for (_, path, e) in steps {
        let EventKind::Step {
            action,
            from,
            to,
            person,
            role,
            reason,
            ground,
            ..
        } = &e.kind
        else {
            continue;
        };
        let at = step_moment(e.date, e.time, &mut clock);
        out.push(Event {
            article: PathBuf::from(path),
            action: *action,
            from: *from,
            to: *to,
            at,
            by: person.clone(),
            role: *role,
            unit: units.get(person.as_str()).map(|u| u.to_string()),
            ground: ground.as_deref().and_then(|g| g.parse().ok()),
            reason: reason.clone(),
            commit: e.commit.clone(),
        });
    }
    Ok(out)
}

/// The moment of a step stating `stated` in a commit made at `commit_time` (seconds),
/// given the latest date already decided; moves `clock` on.
pub fn step_moment(
    stated: Option<NaiveDate>,
    commit_time: i64,
    clock: &mut Option<NaiveDate>,
) -> NaiveDateTime {
    let committed = vietnam()
        .timestamp_opt(commit_time, 0)
        .single()
        .map(|t| t.naive_local());
    let date = stated
        .or(committed.map(|c| c.date()))
        .unwrap_or(NaiveDate::MIN);
    let date = clock.map_or(date, |c| date.max(c));
    *clock = Some(date);
    match committed.filter(|c| c.date() == date) {
        Some(c) => c,
        None => date.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn secs(local: &str) -> i64 {
        vietnam()
            .from_local_datetime(&t(local))
            .single()
            .unwrap()
            .timestamp()
    }

    fn d(text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }

    #[test]
    fn the_stated_date_with_the_commits_time_of_day() {
        let mut clock = None;
        let at = step_moment(d("2026-03-02"), secs("2026-03-02 15:10"), &mut clock);
        assert_eq!(at, t("2026-03-02 15:10"));
        assert_eq!(clock, d("2026-03-02"));
    }

    #[test]
    fn a_time_on_another_day_counts_as_the_end_of_the_stated_day() {
        let mut clock = None;
        let at = step_moment(d("2026-03-02"), secs("2026-11-29 08:00"), &mut clock);
        assert_eq!(at, t("2026-03-02 23:59") + chrono::Duration::seconds(59));
    }

    #[test]
    fn dates_never_go_back() {
        let mut clock = d("2026-03-10");
        let at = step_moment(d("2026-03-05"), secs("2026-03-05 09:00"), &mut clock);
        assert_eq!(at.date(), d("2026-03-10").unwrap());
        assert_eq!(at.time(), NaiveTime::from_hms_opt(23, 59, 59).unwrap());
        // Without a stated date, the commit's own time.
        let at = step_moment(None, secs("2026-03-11 07:30"), &mut clock);
        assert_eq!(at, t("2026-03-11 07:30"));
    }
}
