//! The status board (`stp status`): for every article in the signed history, its state,
//! the role it waits for and the people who hold that role today (for a returned article,
//! the person who sent it in), what is due and when under the trusted deadline tables and
//! calendar (Điều 9.3, 11.2), and whether it is overdue. "Now" is the clock, or `STP_NOW`.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::{NaiveDateTime, TimeZone};
use serde::Serialize;

use super::history::{ArticleFacts, Event, first_publications};
use stp_content::date::{parse_datetime, vietnam};
use stp_ledger::Ledger;
use stp_workflow::calendar::Calendar;
use stp_workflow::deadlines::{ArticleKind, DeadlineConfig, Standing, standing};
use stp_workflow::{Action, Role, State, required_role};

/// The environment variable that fixes "now" for `stp status` and `stp report`
/// (`2026-03-31T17:00`, Vietnam time, or RFC 3339), for scripts and tests.
pub const NOW_VAR: &str = "STP_NOW";

/// Now in Vietnam's local time: the moment `fixed` names (the command line reads it from
/// `STP_NOW`) when given, else `clock` (the command line's reading of the clock).
pub fn now_in_vietnam(
    fixed: Option<&str>,
    clock: chrono::DateTime<chrono::Utc>,
) -> Result<NaiveDateTime, String> {
    match fixed {
        Some(text) if !text.trim().is_empty() => parse_datetime(text)
            .map(|t| t.with_timezone(&vietnam()).naive_local())
            .ok_or_else(|| {
                format!("{NOW_VAR}=`{text}` is not a moment; write it as 2026-03-31T17:00")
            }),
        _ => Ok(clock.with_timezone(&vietnam()).naive_local()),
    }
}

/// One article on the board.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusRow {
    pub article: String,
    pub title: Option<String>,
    pub state: State,
    /// The role the article waits for.
    pub waiting_for: Option<Role>,
    /// Who holds it: the people holding that role today (directly or by delegation), or
    /// for a returned article the person who submitted it.
    pub held_by: Vec<Holder>,
    /// Days since the last valid step (commit time; informative).
    pub age_days: i64,
    /// A published version is on the public site.
    pub live: bool,
    pub deadline_kind: Option<ArticleKind>,
    /// `2026-03-02T15:00` (administrative hours) or `2026-03-16` (the end of that day).
    pub due: Option<String>,
    /// `on_time` / `late` once published, `pending` / `overdue` while owed; none when
    /// nothing is owed (no deadline, or rejected before publication).
    pub standing: Option<Standing>,
    pub overdue: bool,
}

/// A person an article waits for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holder {
    pub id: String,
    /// The name in the trusted people data (the id for someone since removed).
    pub name: String,
}

/// The role an article in `state` waits for.
pub fn waiting_for(state: State) -> Option<Role> {
    let action = match state {
        State::Submitted => Action::Review,
        State::Edited => Action::Verify,
        State::Verified => Action::Approve,
        State::Approved => Action::Publish,
        State::Returned => Action::Submit,
        _ => return None,
    };
    Some(required_role(action, state))
}

/// The board: one row per article of `ledger`, sorted by path.
pub fn status_rows(
    ledger: &Ledger,
    events: &[Event],
    articles: &BTreeMap<PathBuf, ArticleFacts>,
    settings: (&DeadlineConfig, &Calendar),
    now: NaiveDateTime,
) -> Vec<StatusRow> {
    let (config, calendar) = settings;
    let first_pub = first_publications(events);
    let now_secs = vietnam()
        .from_local_datetime(&now)
        .single()
        .map_or(0, |t| t.timestamp());
    // Who holds a role today is the same for every article waiting for it.
    let mut by_role: HashMap<Role, Vec<Holder>> = HashMap::new();
    ledger
        .state
        .articles
        .iter()
        .map(|(path, record)| {
            let key = PathBuf::from(path);
            let facts = articles.get(&key);
            let role = waiting_for(record.state);
            let held_by = match (record.state, role) {
                (State::Returned, _) => events
                    .iter()
                    .rev()
                    .find(|e| e.article == key && e.action == Action::Submit)
                    .map(|e| vec![holder(ledger, &e.by)])
                    .unwrap_or_default(),
                (_, Some(role)) => by_role
                    .entry(role)
                    .or_insert_with(|| holders(ledger, role, now))
                    .clone(),
                (_, None) => Vec::new(),
            };
            let due = facts.and_then(|f| f.due(config, calendar));
            let published = first_pub.get(&key).copied();
            let owed = published.is_some() || record.state != State::Rejected;
            let standing = due
                .filter(|_| owed)
                .map(|due| standing(due, published, now));
            StatusRow {
                article: path.clone(),
                title: facts.map(|f| f.title.clone()),
                state: record.state,
                waiting_for: role,
                held_by,
                age_days: (now_secs - record.since).max(0) / 86_400,
                live: record.live.is_some(),
                deadline_kind: facts.and_then(|f| f.kind).filter(|_| due.is_some()),
                due: due.map(|d| d.to_string()),
                standing,
                overdue: standing == Some(Standing::Overdue),
            }
        })
        .collect()
}

/// The person `id`, named as the trusted people data names them.
fn holder(ledger: &Ledger, id: &str) -> Holder {
    let name = ledger
        .trusted
        .as_deref()
        .and_then(|t| t.people.person(id))
        .map_or_else(|| id.to_string(), |p| p.name.clone());
    Holder {
        id: id.to_string(),
        name,
    }
}

/// The people who hold `role` on the day of `now`, directly or by delegation.
fn holders(ledger: &Ledger, role: Role, now: NaiveDateTime) -> Vec<Holder> {
    let Some(trusted) = ledger.trusted.as_deref() else {
        return Vec::new();
    };
    trusted
        .people
        .persons
        .iter()
        .filter(|p| {
            trusted
                .people
                .grant(&p.id, role, Some(now.date()))
                .is_some()
        })
        .map(|p| Holder {
            id: p.id.clone(),
            name: p.name.clone(),
        })
        .collect()
}

/// How a row's deadline reads on the board: `news due 2026-03-02T15:00, OVERDUE`.
pub fn deadline_text(row: &StatusRow) -> Option<String> {
    let (kind, due, standing) = (row.deadline_kind?, row.due.as_deref()?, row.standing?);
    let how = match standing {
        Standing::OnTime => "published on time",
        Standing::Late => "published late",
        Standing::Pending => "pending",
        Standing::Overdue => "OVERDUE",
    };
    Some(format!("{kind} due {due}, {how}"))
}
