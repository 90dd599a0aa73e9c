//! Confirming the live set against history before it is published: the second lock behind
//! the authenticated cache (`cache_key.rs`). What the cache says goes public only once
//! each live article's blob is confirmed by the commit that published (or adopted) it,
//! read through the checked object reader: its trailers name the article with that blob,
//! as published or adopted.

use std::collections::HashSet;

use git2::Oid;

use super::objects::Objects;
use super::trailers::Trailers;

/// A publish (or adoption) commit, read once for all the articles it carries.
pub struct PublishCommit {
    pub tree: Oid,
    /// `(article, blob)` of each article the trailers publish or adopt (an adoption names
    /// thousands: looked up, not scanned, per article).
    named: HashSet<(String, String)>,
}

/// Reads the commit `commit` (hex) for [`PublishCommit::confirm`].
pub fn read_publish_commit(objects: &Objects<'_>, commit: &str) -> Result<PublishCommit, String> {
    let oid = Oid::from_str(commit).map_err(|_| format!("`{commit}` is not a commit id"))?;
    let raw = objects
        .commit(oid)
        .map_err(|e| format!("commit {commit} cannot be read: {e}"))?;
    let trailers = Trailers::parse(&String::from_utf8_lossy(&raw.message));
    let named = trailers
        .steps
        .into_iter()
        .filter(|s| {
            s.adopt
                || s.transition
                    .as_deref()
                    .and_then(|t| t.rsplit_once("->"))
                    .is_some_and(|(_, to)| to.trim() == "published")
        })
        .filter_map(|s| Some((s.article, s.blob?)))
        .collect();
    Ok(PublishCommit {
        tree: raw.tree,
        named,
    })
}

impl PublishCommit {
    /// Whether this commit publishes (or adopts) `path` as `blob`, as its trailers say.
    /// (The trailers were signed with the commit; that the commit's tree holds the blob
    /// was checked when the step was judged valid, and the cache that says it was is
    /// authenticated: see `cache_key.rs`. Walking each publish commit's tree again cost
    /// more than the build itself on a history of one publish per article.)
    pub fn confirm(&self, path: &str, blob: Oid) -> Result<(), String> {
        if self.named.contains(&(path.to_string(), blob.to_string())) {
            Ok(())
        } else {
            Err(format!(
                "{path}: its publish commit does not name blob {blob} for it"
            ))
        }
    }
}
