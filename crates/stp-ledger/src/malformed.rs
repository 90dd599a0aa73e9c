//! Malformed commits: objects git walks past but never writes (a tree entry named `a/b`,
//! `..` or with bytes that are not UTF-8, an unknown mode, a tree that is not in the
//! repository, a commit without author, committer or time). Anyone can push one, signed
//! or not, so one must not stop `stp build` or `stp audit`: the ledger records it as an
//! issue of kind `malformed`, counts nothing it changes, and reads on. An object whose
//! content does not match its id is another matter (a damaged or altered object store)
//! and still stops the command.

use git2::{ErrorCode, Oid};

use super::changes::{CommitFacts, summary};
use super::objects::{Entry, RawCommit, ReadError};
use super::state::Issue;
use super::trailers::Trailers;
use super::verify::SignatureCheck;

/// The facts of malformed commit `oid`: nothing but what names it.
pub fn malformed(oid: Oid, commit: &RawCommit, why: String) -> CommitFacts {
    CommitFacts {
        oid,
        summary: summary(commit),
        time: commit.time,
        workflow_tree: None,
        parent_workflow_tree: None,
        site: Default::default(),
        parent_site: None,
        tree: commit.tree,
        parent_tree: None,
        parent: commit.parent,
        merged: commit.merged.clone(),
        signature: SignatureCheck::Unsigned,
        trailers: Trailers::default(),
        changed: Default::default(),
        articles: Default::default(),
        malformed: Some(why),
        oversized: Vec::new(),
    }
}

/// What makes the commit of root tree `tree` (first parent's: `parent`) malformed, given
/// the first read that failed; an error when the failure is not the commit's own (a
/// damaged object store, a repository that cannot be read).
pub fn malformed_by(
    failed: ReadError,
    tree: Oid,
    parent: Option<Oid>,
) -> Result<String, git2::Error> {
    match failed {
        ReadError::Missing(e) if e.code() == ErrorCode::NotFound => {
            let missing = |t: Oid| e.message().contains(&t.to_string());
            Ok(if missing(tree) {
                format!("its tree {tree} is not in the repository")
            } else if parent.is_some_and(missing) {
                format!(
                    "its first parent's tree {} is not in the repository, so its changes cannot be worked out",
                    parent.unwrap_or(tree)
                )
            } else {
                format!(
                    "an object it names is not in the repository ({})",
                    e.message()
                )
            })
        }
        failed @ (ReadError::WrongKind { .. }
        | ReadError::Malformed(_)
        | ReadError::BadTree { .. }) => Ok(failed.to_string()),
        other => Err(other.into()),
    }
}

/// What is wrong with a tree entry, if git would never write it.
pub fn entry_flaw(entry: &Entry<'_>) -> Option<String> {
    let Some(name) = entry.name_str() else {
        return Some(format!(
            "an entry name that is not UTF-8 (`{}`)",
            lossy(entry.name)
        ));
    };
    if name.is_empty() || name == "." || name == ".." {
        return Some(format!("an entry named `{name}`"));
    }
    if name.contains('/') {
        return Some(format!(
            "an entry named `{name}`, and a name never holds `/`"
        ));
    }
    if !matches!(
        entry.mode,
        b"40000" | b"100644" | b"100755" | b"120000" | b"160000"
    ) {
        return Some(format!(
            "an entry `{name}` of mode {}, which git does not write",
            lossy(entry.mode)
        ));
    }
    None
}

/// The issue `stp audit` lists for a malformed commit.
pub fn malformed_issue(ctx: &CommitFacts, why: &str) -> Issue {
    Issue {
        commit: ctx.oid.to_string(),
        summary: ctx.summary.clone(),
        time: ctx.time,
        kind: "malformed".into(),
        subject: "commit".into(),
        why: format!("malformed commit: {why}; git walks past it, but nothing it changes counts"),
    }
}

/// Bytes as text, invalid UTF-8 replaced.
pub fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
