//! Who is told about what: every article of the status board that waits for a step,
//! grouped by the people who may take that step today (the board's holders: the role's
//! holders, directly or by delegation, or for a returned article the person who sent it
//! in), each hand-off keyed by the person, the article, the state and the commit of the
//! step that put it there, so that the same hand-off is recognised on the next run.

use std::collections::BTreeMap;

use stp_report::history::Event;
use stp_report::status::StatusRow;
use stp_workflow::{People, State};

/// One article waiting for one person's step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handoff {
    /// Repository-relative path, `content/tin-tuc/a.md`.
    pub article: String,
    pub title: Option<String>,
    /// The state it waits in (the step is the one that state waits for).
    pub state: State,
    /// As the board gives it: `2026-03-02T15:00` or `2026-03-16` (Vietnam time).
    pub due: Option<String>,
    pub overdue: bool,
    /// The commit of the step that put the article in this queue.
    pub commit: String,
}

/// One person and every hand-off waiting for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub id: String,
    pub name: String,
    /// From the trusted people data; `None`: this person cannot be told by mail.
    pub email: Option<String>,
    pub handoffs: Vec<Handoff>,
}

impl Handoff {
    /// The key that names this hand-off to `person` in the sent log.
    pub fn key(&self, person: &str) -> String {
        format!(
            "{person}\t{}\t{}\t{}",
            self.article,
            self.state.as_str(),
            self.commit
        )
    }
}

/// The people to tell, sorted by id, each with their hand-offs sorted by path. `events`
/// are the board's events (history order): the last one of an article is the step that
/// put it where it is. People missing from `people` (removed since) are left out.
pub fn recipients(rows: &[StatusRow], events: &[Event], people: &People) -> Vec<Recipient> {
    let mut last_step: BTreeMap<&str, &str> = BTreeMap::new();
    for e in events {
        if let Some(path) = e.article.to_str() {
            last_step.insert(path, e.commit.as_str());
        }
    }
    let mut by_person: BTreeMap<&str, Recipient> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.waiting_for.is_some()) {
        let Some(commit) = last_step.get(row.article.as_str()) else {
            continue;
        };
        for holder in &row.held_by {
            let Some(person) = people.person(&holder.id) else {
                continue;
            };
            by_person
                .entry(person.id.as_str())
                .or_insert_with(|| Recipient {
                    id: person.id.clone(),
                    name: person.name.clone(),
                    email: person.email.clone().filter(|e| !e.trim().is_empty()),
                    handoffs: Vec::new(),
                })
                .handoffs
                .push(Handoff {
                    article: row.article.clone(),
                    title: row.title.clone(),
                    state: row.state,
                    due: row.due.clone(),
                    overdue: row.overdue,
                    commit: commit.to_string(),
                });
        }
    }
    let mut out: Vec<Recipient> = by_person.into_values().collect();
    for r in &mut out {
        r.handoffs.sort_by(|a, b| a.article.cmp(&b.article));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use stp_report::status::Holder;
    use stp_workflow::{Action, Role};

    fn people() -> People {
        People::parse(include_str!("../../../examples/site/workflow/people.toml")).unwrap()
    }

    fn row(article: &str, state: State, waiting: Option<Role>, held_by: &[&str]) -> StatusRow {
        StatusRow {
            article: article.into(),
            title: Some(format!("Tin {article}")),
            state,
            waiting_for: waiting,
            held_by: held_by
                .iter()
                .map(|id| Holder {
                    id: id.to_string(),
                    name: id.to_string(),
                })
                .collect(),
            age_days: 0,
            live: false,
            deadline_kind: None,
            due: Some("2026-03-16".into()),
            standing: None,
            overdue: false,
        }
    }

    fn event(article: &str, commit: char) -> Event {
        Event {
            article: PathBuf::from(article),
            action: Action::Submit,
            from: State::Draft,
            to: State::Submitted,
            at: chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
                .unwrap()
                .and_hms_opt(8, 0, 0)
                .unwrap(),
            by: "thu-ky".into(),
            role: Role::Contributor,
            unit: None,
            ground: None,
            reason: None,
            commit: commit.to_string().repeat(40),
        }
    }

    #[test]
    fn each_holder_gets_the_articles_waiting_for_them_keyed_by_the_last_step() {
        let rows = [
            row(
                "content/b.md",
                State::Submitted,
                Some(Role::Editor),
                &["pho-truong-ban", "bien-tap-vien"],
            ),
            row(
                "content/a.md",
                State::Verified,
                Some(Role::Approver),
                &["truong-ban"],
            ),
            row("content/c.md", State::Published, None, &[]),
            row(
                "content/d.md",
                State::Edited,
                Some(Role::Verifier),
                &["da-nghi-huu"],
            ),
        ];
        let events = [
            event("content/a.md", 'a'),
            event("content/b.md", '1'),
            event("content/b.md", '2'),
            event("content/c.md", 'c'),
            event("content/d.md", 'd'),
        ];
        let got = recipients(&rows, &events, &people());
        let ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
        // Sorted by id; the removed person and the published article are left out.
        assert_eq!(ids, ["bien-tap-vien", "pho-truong-ban", "truong-ban"]);
        assert_eq!(got[2].email.as_deref(), Some("bbt.stp@dongnai.gov.vn"));
        assert_eq!(got[0].email, None);
        assert_eq!(got[0].handoffs.len(), 1);
        let b = &got[0].handoffs[0];
        assert_eq!(
            (b.article.as_str(), b.state),
            ("content/b.md", State::Submitted)
        );
        assert_eq!(b.commit, "2".repeat(40), "the last step's commit");
        assert_eq!(
            b.key("bien-tap-vien"),
            format!("bien-tap-vien\tcontent/b.md\tsubmitted\t{}", "2".repeat(40))
        );
    }
}
