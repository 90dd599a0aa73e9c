//! The board as read at HEAD: the ledger, the person whose key the desk holds, the status
//! rows with their due dates on the working calendar, and that person's queues. Read once
//! and kept until HEAD moves (a step, a sync, someone's commit) or a minute passes (due
//! dates turn overdue with the clock), so that pages answer from memory.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDateTime;
use stp_content::SiteConfig;
use stp_ledger::{Ledger, head_hex, queue, trusted_person};
use stp_report::from_ledger::{LedgerHistory, history_from_ledger, trusted_settings};
use stp_report::status::{StatusRow, status_rows};
use stp_workflow::calendar::Calendar;
use stp_workflow::deadlines::DeadlineConfig;
use stp_workflow::{Action, Person, State};

use crate::Desk;
use crate::error::DeskError;

/// The steps a person's queue lists, in the order of the regulation.
pub const QUEUE_STEPS: [Action; 5] = [
    Action::Review,
    Action::Verify,
    Action::Approve,
    Action::Publish,
    Action::Submit,
];

/// How long a reading stays fresh when HEAD has not moved.
const FRESH_SECONDS: i64 = 60;

/// One queue's articles: `(article, state, since)`.
pub type QueueItems = Vec<(String, State, i64)>;

pub struct Board {
    pub head: Option<String>,
    pub read_at: NaiveDateTime,
    pub ledger: Ledger,
    pub site: SiteConfig,
    pub person: Person,
    pub history: LedgerHistory,
    pub rows: Vec<StatusRow>,
    /// Row index by article path.
    pub row_of: BTreeMap<String, usize>,
    /// The person's queue for each step they hold: `(article, state, since)`.
    pub queues: Vec<(Action, QueueItems)>,
}

impl Board {
    /// The status row of `article`.
    pub fn row(&self, article: &str) -> Option<&StatusRow> {
        self.row_of.get(article).map(|&i| &self.rows[i])
    }
}

/// The board now: the one kept, or read again when HEAD moved or it is stale.
pub fn current(desk: &Desk) -> Result<Arc<Board>, DeskError> {
    let head = head_hex(&desk.root)?;
    let now = (desk.clock)();
    let kept = desk.board.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if let Some(board) = kept
        && board.head == head
        && (now - board.read_at).num_seconds().abs() < FRESH_SECONDS
    {
        return Ok(board);
    }
    let board = Arc::new(read(desk, head, now)?);
    *desk.board.lock().unwrap_or_else(|e| e.into_inner()) = Some(Arc::clone(&board));
    Ok(board)
}

/// Forgets the board, so the next page reads it again (after a step the desk made).
pub fn forget(desk: &Desk) {
    *desk.board.lock().unwrap_or_else(|e| e.into_inner()) = None;
}

fn read(desk: &Desk, head: Option<String>, now: NaiveDateTime) -> Result<Board, DeskError> {
    let ledger = Ledger::load(&desk.root, &desk.options)?;
    let site = SiteConfig::load(&desk.root.join("site.toml"))?;
    let (_, person) = trusted_person(&ledger, &desk.signer)?;
    let person = person.clone();
    let history =
        history_from_ledger(&ledger, &site).map_err(|e| DeskError::History(e.to_string()))?;
    let (default_config, default_calendar) = (DeadlineConfig::default(), Calendar::default());
    let settings = trusted_settings(&ledger).unwrap_or((&default_config, &default_calendar));
    let rows = status_rows(&ledger, &history.events, &history.articles, settings, now);
    let row_of = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.article.clone(), i))
        .collect();
    let queues = QUEUE_STEPS
        .iter()
        .map(|&action| (action, queue(&ledger, &person, action, &desk.options)))
        .filter(|(_, items)| !items.is_empty())
        .collect();
    Ok(Board {
        head,
        read_at: now,
        ledger,
        site,
        person,
        history,
        rows,
        row_of,
        queues,
    })
}

/// Whether `path` names an article the desk may show: under `content/`, a Markdown file,
/// no `..`, no absolute path.
pub fn article_path(path: &str) -> Option<PathBuf> {
    let p = PathBuf::from(path);
    let fine = path.starts_with("content/")
        && path.ends_with(".md")
        && !path.contains('\\')
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    fine.then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_articles_under_content_are_named() {
        assert!(article_path("content/tin-tuc/a.md").is_some());
        assert!(article_path("content/tin-tuc/a/index.md").is_some());
        assert!(article_path("content/../site.toml").is_none());
        assert!(article_path("content/tin-tuc/../../x.md").is_none());
        assert!(article_path("/etc/passwd.md").is_none());
        assert!(article_path("workflow/people.toml").is_none());
        assert!(article_path("content/a.txt").is_none());
    }
}
