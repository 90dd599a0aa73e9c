//! Confirming the live set against history before it is published. The ledger cache
//! (`.git/stp/ledger-cache.bin`) is a file that anyone who can write the repository can
//! edit, checksums included, so what it says goes public only once each live article's
//! blob is confirmed by the commit that published (or adopted) it, read through the
//! checked object reader: its trailers name the article with that blob, as published or
//! adopted, and its tree holds that blob at the article's path.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use git2::{ObjectType, Oid};

use super::objects::{Mode, Objects, ReadError, entry_along};
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
    /// Whether this commit publishes (or adopts) `path` as `blob`: named so in its trailers
    /// and held so in its tree. `trees` keeps the trees read, by id, for the next article.
    pub fn confirm(
        &self,
        objects: &Objects<'_>,
        trees: &mut TreeCache,
        path: &str,
        blob: Oid,
    ) -> Result<(), String> {
        let named = self.named.contains(&(path.to_string(), blob.to_string()));
        if !named {
            return Err(format!(
                "{path}: its publish commit does not name blob {blob} for it"
            ));
        }
        match trees.entry_at(objects, self.tree, path)? {
            Some((Mode::File, id)) if id == blob => Ok(()),
            Some((_, id)) => Err(format!("{path}: its publish commit holds {id}, not {blob}")),
            None => Err(format!("{path}: its publish commit has no such file")),
        }
    }
}

/// Trees read through the checked reader, kept by id while one live set is confirmed
/// (articles of one publish share its root and section trees). Bounded: emptied when full.
#[derive(Default)]
pub struct TreeCache {
    trees: HashMap<Oid, Rc<[u8]>>,
    bytes: usize,
}

/// The most tree bytes kept at once.
const TREE_CACHE_BYTES: usize = 32 << 20;

impl TreeCache {
    fn entry_at(
        &mut self,
        objects: &Objects<'_>,
        root: Oid,
        path: &str,
    ) -> Result<Option<(Mode, Oid)>, String> {
        entry_along(root, path, |oid| self.tree(objects, oid)).map_err(|e| format!("{path}: {e}"))
    }

    fn tree(&mut self, objects: &Objects<'_>, oid: Oid) -> Result<Rc<[u8]>, ReadError> {
        if let Some(data) = self.trees.get(&oid) {
            return Ok(data.clone());
        }
        let data: Rc<[u8]> = objects.read(oid, ObjectType::Tree)?.into();
        if self.bytes + data.len() > TREE_CACHE_BYTES {
            self.trees.clear();
            self.bytes = 0;
        }
        self.bytes += data.len();
        self.trees.insert(oid, data.clone());
        Ok(data)
    }
}
