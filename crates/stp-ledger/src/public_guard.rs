//! What the public build checks in the history before it builds, beyond the live set:
//! that no merge goes around signed history (an unacknowledged `rollback` finding), that
//! the history still contains the signed commit the output was last built from (no reset
//! past a signed withdraw or removal), and which published articles have unsigned edits
//! waiting in HEAD (they never go live by themselves; the build says so).

use git2::Oid;

use super::error::{LedgerError, LedgerResult};
use super::history::Ledger;
use super::merge::ROLLBACK;
use super::objects::Objects;
use super::repo::{head_id, open};
use super::state::Issue;

/// The file in the public output that records what it was built from.
pub const BUILD_RECORD: &str = ".stp-build.json";

impl Ledger {
    /// The merges that go around signed history and that no admin has acknowledged.
    pub fn open_rollbacks(&self) -> Vec<&Issue> {
        self.state
            .open_issues()
            .filter(|i| i.kind == ROLLBACK)
            .collect()
    }

    /// The content of the build record for a public build of this ledger.
    pub fn build_record(&self) -> String {
        let value = serde_json::json!({
            "format": 1,
            "signed_commit": self.state.last_signed,
        });
        format!("{value}\n")
    }

    /// Whether the first-parent history of HEAD contains `commit`.
    pub fn history_contains(&self, commit: &str) -> LedgerResult<bool> {
        let repo = open(&self.root)?;
        match head_id(&repo)? {
            Some(head) => self.descends_from(&head.to_string(), commit),
            None => Ok(false),
        }
    }

    /// Whether `older` is `newer` or in its first-parent history (a deploy never replaces
    /// a site built from `older` with one built from a history without it). A commit this
    /// repository does not have contains nothing.
    pub fn descends_from(&self, newer: &str, older: &str) -> LedgerResult<bool> {
        let (Ok(newer), Ok(older)) = (Oid::from_str(newer), Oid::from_str(older)) else {
            return Ok(false);
        };
        if newer == older {
            return Ok(true);
        }
        let repo = open(&self.root)?;
        let objects =
            Objects::new(&repo).map_err(LedgerError::git("cannot read the object database"))?;
        if objects.commit(newer).is_err() {
            return Ok(false);
        }
        let (_, met) = objects
            .first_parents(newer, Some(older))
            .map_err(|e| LedgerError::git("cannot read the first-parent history")(e.into()))?;
        Ok(met)
    }

    /// The published articles whose file in HEAD differs from the live version without a
    /// signed step since: unsigned edits, which the public site does not show.
    pub fn unsigned_edits(&self) -> LedgerResult<Vec<String>> {
        let published: Vec<(&String, &str)> = self
            .state
            .articles
            .iter()
            .filter(|(_, r)| r.state == stp_workflow::State::Published)
            .filter_map(|(p, r)| r.live.as_ref().map(|l| (p, l.blob.as_str())))
            .collect();
        if published.is_empty() {
            return Ok(Vec::new());
        }
        let repo = open(&self.root)?;
        let Some(head) = head_id(&repo)? else {
            return Ok(Vec::new());
        };
        let objects =
            Objects::new(&repo).map_err(LedgerError::git("cannot read the object database"))?;
        let read = |e| LedgerError::git("cannot read HEAD's content/")(git2::Error::from(e));
        let head_tree = objects.commit(head).map_err(read)?.tree;
        let content = match objects.subtree_at(head_tree, "content").map_err(read)? {
            Some(tree) => tree,
            None => return Ok(published.into_iter().map(|(p, _)| p.clone()).collect()),
        };
        let in_head: std::collections::HashMap<String, Oid> = objects
            .files_under(content)
            .map_err(read)?
            .into_iter()
            .map(|(p, id)| (format!("content/{p}"), id))
            .collect();
        Ok(published
            .into_iter()
            .filter(|(p, blob)| in_head.get(*p).map(|id| id.to_string()).as_deref() != Some(*blob))
            .map(|(p, _)| p.clone())
            .collect())
    }
}

/// The signed commit a public output was built from, read from its build record.
pub fn recorded_commit(out: &std::path::Path) -> Option<String> {
    commit_in_record(&std::fs::read_to_string(out.join(BUILD_RECORD)).ok()?)
}

/// The signed commit a build record's text names.
pub fn commit_in_record(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value
        .get("signed_commit")
        .and_then(|c| c.as_str())
        .map(str::to_string)
}
