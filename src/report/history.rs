//! The history a report is made from, as plain data: the workflow events (submit, return,
//! reject with its ground, publish…) and the facts of each article that the figures need
//! (section, unit, author, kind, when its deadline starts). The ledger will feed the events;
//! until then `stp report --events FILE` reads them from JSON. Times are Vietnam's.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::content::date::{parse_datetime, vietnam};
use crate::content::{Article, SectionKind, line_of_key};
use crate::workflow::calendar::Calendar;
use crate::workflow::deadlines::{ArticleKind, DeadlineConfig, Due, due_for};

/// A refusal ground of Điều 12.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Ground {
    #[serde(rename = "a")]
    A,
    #[serde(rename = "b")]
    B,
    #[serde(rename = "c")]
    C,
    #[serde(rename = "d")]
    D,
    #[serde(rename = "đ", alias = "dd")]
    Dd,
}

impl Ground {
    pub const ALL: [Ground; 5] = [Ground::A, Ground::B, Ground::C, Ground::D, Ground::Dd];

    pub fn letter(self) -> &'static str {
        match self {
            Ground::A => "a",
            Ground::B => "b",
            Ground::C => "c",
            Ground::D => "d",
            Ground::Dd => "đ",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Ground::A => "Trái chủ trương, chính sách của Đảng, pháp luật của Nhà nước",
            Ground::B => "Bí mật nhà nước hoặc chưa được phép công bố",
            Ground::C => "Không đúng sự thật",
            Ground::D => "Không đảm bảo chất lượng",
            Ground::Dd => "Vi phạm điều cấm khác của pháp luật",
        }
    }
}

/// What happened to an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Submit,
    Review,
    Verify,
    Approve,
    Publish,
    /// Back to the sender to fix (Điều 4.2).
    Return,
    /// Refused on a ground of Điều 12.3.
    Reject,
    Withdraw,
}

/// One workflow event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Repository-relative path of the article, `content/...`.
    pub article: PathBuf,
    pub action: Action,
    /// RFC 3339, e.g. `2026-03-02T09:15:00+07:00`.
    pub at: DateTime<FixedOffset>,
    /// Who acted.
    #[serde(default)]
    pub by: Option<String>,
    /// The ground, for `reject`.
    #[serde(default)]
    pub ground: Option<Ground>,
    #[serde(default)]
    pub reason: Option<String>,
}

impl Event {
    /// The moment in Vietnam's local time.
    pub fn local(&self) -> NaiveDateTime {
        self.at.with_timezone(&vietnam()).naive_local()
    }
}

/// A problem in the events file or an article's deadline fields.
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

/// Reads a JSON array of events; `path` names the file in errors.
pub fn parse_events(path: &Path, text: &str) -> Result<Vec<Event>, HistoryError> {
    let events: Vec<Event> = serde_json::from_str(text).map_err(|e| HistoryError {
        file: path.to_path_buf(),
        line: e.line(),
        message: format!(
            "{e}; each event is {{\"article\", \"action\", \"at\"}}, with \"ground\" for reject"
        ),
    })?;
    for (i, e) in events.iter().enumerate() {
        if (e.action == Action::Reject) != e.ground.is_some() {
            let line = nth_object_line(text, i);
            return Err(HistoryError {
                file: path.to_path_buf(),
                line,
                message: "a reject event needs a \"ground\" (a, b, c, d or đ of Điều 12.3), and only a reject has one".into(),
            });
        }
    }
    Ok(events)
}

/// The line of the `n`-th top-level object of a JSON array (for errors after parsing).
fn nth_object_line(text: &str, n: usize) -> usize {
    let mut depth = 0usize;
    let mut seen = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' => {
                if depth == 1 {
                    if seen == n {
                        return text[..offset].matches('\n').count() + 1;
                    }
                    seen += 1;
                }
                depth += 1;
            }
            '[' => depth += 1,
            '}' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    1
}

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
        let at = e.local();
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
    fn events_read_and_reject_needs_a_ground() {
        let text = r#"[
  {"article": "content/tin-tuc/a.md", "action": "submit", "at": "2026-03-02T08:00:00+07:00"},
  {"article": "content/tin-tuc/a.md", "action": "reject", "ground": "đ",
   "at": "2026-03-02T09:00:00+07:00", "by": "Trưởng ban"}
]"#;
        let events = parse_events(Path::new("events.json"), text).unwrap();
        assert_eq!(events[1].ground, Some(Ground::Dd));
        let bad = text.replace(r#""ground": "đ","#, "");
        let err = parse_events(Path::new("events.json"), &bad).unwrap_err();
        assert_eq!(
            (err.line, err.file.clone()),
            (3, PathBuf::from("events.json")),
            "{err}"
        );
        let err =
            parse_events(Path::new("events.json"), &text.replace("submit", "sumbit")).unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        assert!(err.message.contains("sumbit"), "{err}");
    }

    #[test]
    fn first_publication_wins() {
        let e = |action, at: &str| Event {
            article: "content/tin-tuc/a.md".into(),
            action,
            at: DateTime::parse_from_rfc3339(at).unwrap(),
            by: None,
            ground: None,
            reason: None,
        };
        let events = [
            e(Action::Publish, "2026-03-05T01:00:00Z"),
            e(Action::Publish, "2026-03-02T20:00:00Z"),
        ];
        let first = first_publications(&events);
        // 20:00 UTC is 03:00 the next day in Vietnam.
        assert_eq!(
            first[Path::new("content/tin-tuc/a.md")].to_string(),
            "2026-03-03 03:00:00"
        );
    }
}
