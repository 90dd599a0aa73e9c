//! The history a report is made from, as plain data: the workflow events (each valid
//! signed step: submit, return, reject with its ground, publish…, who signed it in which
//! role and unit, and when) and the facts of each article that the figures need (section,
//! unit, author, kind, when its deadline starts). `from_ledger` reads both out of the
//! signed history. Times are Vietnam's.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDateTime;
use serde::Serialize;

use stp_content::date::{parse_datetime, vietnam};
use stp_content::{Article, SectionKind, line_of_key};
use stp_workflow::calendar::Calendar;
use stp_workflow::deadlines::{ArticleKind, DeadlineConfig, Due, due_for};
pub use stp_workflow::{Action, Ground, Role, State};

/// One valid signed step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Repository-relative path of the article, `content/...`.
    pub article: PathBuf,
    pub action: Action,
    pub from: State,
    pub to: State,
    /// When, in Vietnam's local time (see `from_ledger` for how it is decided).
    pub at: NaiveDateTime,
    /// The signer's id in `workflow/people.toml`.
    pub by: String,
    /// The role the step was signed in.
    pub role: Role,
    /// The signer's unit in the trusted people data, where it names one.
    pub unit: Option<String>,
    /// The ground, for `reject`.
    pub ground: Option<Ground>,
    pub reason: Option<String>,
    /// The commit that holds the step.
    pub commit: String,
}

/// A problem in an article's deadline fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

impl std::error::Error for HistoryError {}

/// What the figures need to know about an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFacts {
    pub path: PathBuf,
    pub title: String,
    pub section: String,
    pub url_path: String,
    pub unit: Option<String>,
    pub author: Option<String>,
    pub kind: Option<ArticleKind>,
    /// When the deadline starts (Vietnam time): `deadline_from`, else the document's
    /// issue date, the question's receipt date or a news article's event date.
    pub deadline_start: Option<NaiveDateTime>,
    /// Whether the Ministry must be consulted (an answer has 30 working days, Điều 11.2).
    pub consult_ministry: bool,
}

impl ArticleFacts {
    /// When the article is due under `config` (for `stp status` and the report); `None`
    /// when its kind has no deadline or it names no start.
    pub fn due(&self, config: &DeadlineConfig, calendar: &Calendar) -> Option<Due> {
        due_for(
            config,
            calendar,
            self.kind?,
            self.deadline_start?,
            self.consult_ministry,
        )
    }
}

/// The facts of a parsed article (`source` is the article file's text); an unknown
/// `deadline_kind` is refused with its line.
pub fn facts_of(article: &Article, source: &str) -> Result<ArticleFacts, HistoryError> {
    let f = &article.front;
    let kind = match &f.deadline_kind {
        Some(name) => Some(ArticleKind::parse(name).ok_or_else(|| HistoryError {
            file: article.path.clone(),
            line: line_of_key(source, "deadline_kind", 1),
            message: format!(
                "deadline_kind `{name}` is not an article kind; use one of: {}",
                ArticleKind::ALL.map(|k| k.as_str()).join(", ")
            ),
        })?),
        None => match article.kind {
            SectionKind::News => Some(ArticleKind::News),
            SectionKind::LegalDocument => Some(ArticleKind::Document),
            SectionKind::Qa => Some(ArticleKind::Answer),
            _ => None,
        },
    };
    let local =
        |text: &str| parse_datetime(text).map(|d| d.with_timezone(&vietnam()).naive_local());
    let deadline_start = match (&f.deadline_from, kind) {
        (Some(from), _) => local(from),
        (None, Some(ArticleKind::Document)) => f.document.as_ref().and_then(|d| local(&d.issued)),
        (None, Some(ArticleKind::Answer)) => f.qa.as_ref().and_then(|q| local(&q.asked)),
        (None, Some(ArticleKind::News)) => f.date.as_deref().and_then(local),
        _ => None,
    };
    Ok(ArticleFacts {
        path: article.path.clone(),
        title: f.title.clone(),
        section: article.section.clone(),
        url_path: article.url_path(),
        unit: f.unit.clone(),
        author: f.author.clone(),
        kind,
        deadline_start,
        consult_ministry: f.qa.as_ref().is_some_and(|q| q.consult_ministry),
    })
}

/// The first publication of each article, in order of time: (article, moment).
pub fn first_publications(events: &[Event]) -> BTreeMap<PathBuf, NaiveDateTime> {
    let mut out: BTreeMap<PathBuf, NaiveDateTime> = BTreeMap::new();
    for e in events.iter().filter(|e| e.action == Action::Publish) {
        let at = e.at;
        out.entry(e.article.clone())
            .and_modify(|t| *t = (*t).min(at))
            .or_insert(at);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_publication_wins() {
        let e = |at: &str| Event {
            article: "content/tin-tuc/a.md".into(),
            action: Action::Publish,
            from: State::Approved,
            to: State::Published,
            at: NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M").unwrap(),
            by: "thu-ky".into(),
            role: Role::Secretary,
            unit: None,
            ground: None,
            reason: None,
            commit: String::new(),
        };
        let events = [e("2026-03-05 08:00"), e("2026-03-03 03:00")];
        let first = first_publications(&events);
        assert_eq!(
            first[std::path::Path::new("content/tin-tuc/a.md")].to_string(),
            "2026-03-03 03:00:00"
        );
    }
}
