//! What a commit changes, worked out without the ledger's state so that many commits can
//! be read at once (`history` runs this on every core, then applies the rules in order):
//! its signature, its trailers, the articles whose file or bundle files differ from its
//! first parent, and each concerned article's blob, content digest and `status` line.
//!
//! Trees are compared as raw git tree objects, entry by entry, skipping equal subtrees by
//! id: a section folder of a thousand articles is one 50 KiB object per version, and a
//! general tree diff costs far more than comparing it with its parent's version. Every
//! object still comes through libgit2's object database, which checks its hash.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use git2::{Odb, Oid, Repository, Tree};

use super::article_text::{content_digest, status_of};
use super::repo::{blob_at, bundle_files};
use super::trailers::Trailers;
use super::verify::{SignatureCheck, check_commit};

/// An article as a commit holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFacts {
    /// The blob and the content digest (`repo::article_version`), if the file is there.
    pub version: Option<(Oid, String)>,
    /// The `status` line in the commit and in its first parent.
    pub status: Option<String>,
    pub parent_status: Option<String>,
}

/// What the ledger needs of one commit, apart from its state.
#[derive(Debug)]
pub struct CommitFacts {
    pub signature: SignatureCheck,
    pub trailers: Trailers,
    /// Articles whose file, or a file of whose bundle, differs from the first parent.
    pub changed: BTreeSet<String>,
    /// The articles the trailers name and the changed ones.
    pub articles: BTreeMap<String, ArticleFacts>,
}

/// Reads commits, keeping the raw trees of the last commit read: they are the parent's
/// trees of the next one.
pub struct FactReader<'r> {
    repo: &'r Repository,
    odb: Odb<'r>,
    current: HashMap<Oid, Rc<[u8]>>,
    previous: HashMap<Oid, Rc<[u8]>>,
}

impl<'r> FactReader<'r> {
    pub fn new(repo: &'r Repository) -> Result<FactReader<'r>, git2::Error> {
        Ok(FactReader {
            repo,
            odb: repo.odb()?,
            current: HashMap::new(),
            previous: HashMap::new(),
        })
    }

    /// The facts of commit `oid`.
    pub fn read(&mut self, oid: Oid) -> Result<CommitFacts, git2::Error> {
        let repo = self.repo;
        let commit = repo.find_commit(oid)?;
        let trailers = Trailers::parse(&String::from_utf8_lossy(commit.message_bytes()));
        let tree = commit.tree()?;
        let parent_tree = match commit.parent(0) {
            Ok(p) => Some(p.tree()?),
            Err(_) => None,
        };
        let changed = self.changed_articles(&tree, parent_tree.as_ref());
        let mut articles = BTreeMap::new();
        let paths = trailers.steps.iter().map(|s| &s.article).chain(&changed);
        for path in paths {
            if articles.contains_key(path) {
                continue;
            }
            let (version, status) = match self.blob(tree.id(), path, &tree) {
                Some((blob, bytes)) => (
                    Some((
                        blob,
                        content_digest(&bytes, &bundle_files(repo, &tree, path)),
                    )),
                    status_of(&bytes),
                ),
                None => (None, None),
            };
            let parent_status = match &parent_tree {
                Some(t) if changed.contains(path) => {
                    self.blob(t.id(), path, t).and_then(|(_, b)| status_of(&b))
                }
                _ => None,
            };
            let facts = ArticleFacts {
                version,
                status,
                parent_status,
            };
            articles.insert(path.clone(), facts);
        }
        self.previous = std::mem::take(&mut self.current);
        Ok(CommitFacts {
            signature: check_commit(repo, oid),
            trailers,
            changed,
            articles,
        })
    }

    fn raw_tree(&mut self, oid: Oid) -> Option<Rc<[u8]>> {
        if let Some(t) = self.current.get(&oid) {
            return Some(t.clone());
        }
        let data: Rc<[u8]> = match self.previous.remove(&oid) {
            Some(t) => t,
            None => {
                let object = self.odb.read(oid).ok()?;
                (object.kind() == git2::ObjectType::Tree).then(|| Rc::from(object.data()))?
            }
        };
        self.current.insert(oid, data.clone());
        Some(data)
    }

    /// The blob at `path` in the root tree `root` (as `repo::blob_at`); `tree` is that root
    /// tree, for paths this walk does not take.
    fn blob(&mut self, root: Oid, path: &str, tree: &Tree<'_>) -> Option<(Oid, Vec<u8>)> {
        let parts: Vec<&str> = path.split('/').collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == "..")
        {
            return blob_at(self.repo, tree, path);
        }
        let mut dir = root;
        for (i, part) in parts.iter().enumerate() {
            let data = self.raw_tree(dir)?;
            let entry = entries(&data)
                .map_while(|e| e)
                .find(|e| e.name == part.as_bytes())?;
            let last = i + 1 == parts.len();
            match (last, entry.is_tree(), entry.is_commit()) {
                (false, true, _) => dir = entry.id()?,
                (true, false, false) => {
                    let id = entry.id()?;
                    let blob = self.repo.find_blob(id).ok()?;
                    return Some((id, blob.content().to_vec()));
                }
                _ => return None,
            }
        }
        None
    }

    /// Articles whose file, or a file of whose bundle, the commit changes under `content/`.
    fn changed_articles(&mut self, tree: &Tree<'_>, parent: Option<&Tree<'_>>) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let content = |t: &Tree<'_>| super::repo::subtree_id(t, "content");
        let (new, old) = (content(tree), parent.and_then(content));
        if new == old {
            return out;
        }
        let mut files = Vec::new();
        if self.diff(old, new, "content/", &mut files).is_none() {
            return out; // an unreadable tree: nothing is taken as changed
        }
        for path in files {
            if path.ends_with(".md") {
                out.insert(path);
            } else {
                for t in [tree].into_iter().chain(parent) {
                    out.extend(bundle_articles_of(self.repo, t, &path));
                }
            }
        }
        out
    }

    /// Appends to `out` the paths of the files that differ between trees `old` and `new`
    /// (either may be missing), as a tree diff lists them: a file turned folder is a
    /// deletion and additions.
    fn diff(
        &mut self,
        old: Option<Oid>,
        new: Option<Oid>,
        prefix: &str,
        out: &mut Vec<String>,
    ) -> Option<()> {
        if old == new {
            return Some(());
        }
        let empty: Rc<[u8]> = Rc::from(&[][..]);
        let old_data = match old {
            Some(o) => self.raw_tree(o)?,
            None => empty.clone(),
        };
        let new_data = match new {
            Some(n) => self.raw_tree(n)?,
            None => empty,
        };
        let mut a = entries(&old_data).peekable();
        let mut b = entries(&new_data).peekable();
        loop {
            let (x, y) = match (a.peek(), b.peek()) {
                (None, None) => return Some(()),
                (Some(None), _) | (_, Some(None)) => return None,
                (x, y) => (x.copied().flatten(), y.copied().flatten()),
            };
            let order = match (&x, &y) {
                (Some(x), Some(y)) => x.git_order(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, _) => std::cmp::Ordering::Greater,
            };
            let (gone, came) = match order {
                std::cmp::Ordering::Less => (a.next().flatten(), None),
                std::cmp::Ordering::Greater => (None, b.next().flatten()),
                std::cmp::Ordering::Equal => (a.next().flatten(), b.next().flatten()),
            };
            match (gone, came) {
                (Some(g), Some(c)) if g.raw == c.raw => {}
                (Some(g), Some(c)) if g.is_tree() => {
                    let name = format!("{prefix}{}/", g.name_str()?);
                    self.diff(g.id(), c.id(), &name, out)?;
                }
                (Some(g), Some(_)) => out.push(format!("{prefix}{}", g.name_str()?)),
                (Some(e), None) | (None, Some(e)) if e.is_tree() => {
                    let name = format!("{prefix}{}/", e.name_str()?);
                    let (o, n) = if gone.is_some() {
                        (e.id(), None)
                    } else {
                        (None, e.id())
                    };
                    self.diff(o, n, &name, out)?;
                }
                (Some(e), None) | (None, Some(e)) => out.push(format!("{prefix}{}", e.name_str()?)),
                (None, None) => return None,
            }
        }
    }
}

/// One entry of a raw tree object: `<mode> <name>\0<20-byte id>`.
#[derive(Clone, Copy)]
struct Entry<'d> {
    raw: &'d [u8],
    mode: &'d [u8],
    name: &'d [u8],
    id: &'d [u8],
}

impl<'d> Entry<'d> {
    fn is_tree(&self) -> bool {
        self.mode == b"40000"
    }

    fn is_commit(&self) -> bool {
        self.mode == b"160000"
    }

    fn id(&self) -> Option<Oid> {
        Oid::from_bytes(self.id).ok()
    }

    fn name_str(&self) -> Option<&'d str> {
        std::str::from_utf8(self.name).ok()
    }

    /// Git's order of tree entries: by name, a folder's name read as if it ended in `/`
    /// (so a file and a folder of the same name are two entries).
    fn git_order(&self, other: &Entry<'_>) -> std::cmp::Ordering {
        let n = self.name.len().min(other.name.len());
        let end = |e: &Entry<'_>| {
            e.name
                .get(n)
                .copied()
                .unwrap_or(if e.is_tree() { b'/' } else { 0 })
        };
        self.name[..n]
            .cmp(&other.name[..n])
            .then_with(|| end(self).cmp(&end(other)))
    }
}

/// The entries of a raw tree; `Some(None)` marks damage, after which nothing follows.
fn entries(data: &[u8]) -> impl Iterator<Item = Option<Entry<'_>>> {
    let mut at = 0;
    let mut broken = false;
    std::iter::from_fn(move || {
        if broken || at >= data.len() {
            return None;
        }
        let rest = &data[at..];
        let entry = (|| {
            let space = rest.iter().position(|&b| b == b' ')?;
            let nul = space + 1 + rest[space + 1..].iter().position(|&b| b == 0)?;
            let end = nul + 1 + 20;
            let raw = rest.get(..end)?;
            Some(Entry {
                raw,
                mode: &raw[..space],
                name: &raw[space + 1..nul],
                id: &raw[nul + 1..end],
            })
        })();
        match entry {
            Some(e) => at += e.raw.len(),
            None => broken = true,
        }
        Some(entry)
    })
}

/// The bundle articles (`index*.md`) in the nearest folder above `file` that has one.
fn bundle_articles_of(repo: &Repository, tree: &Tree<'_>, file: &str) -> Vec<String> {
    let mut dir = std::path::Path::new(file).parent();
    while let Some(d) = dir.filter(|d| d.starts_with("content/")) {
        if let Some(sub) = tree
            .get_path(d)
            .ok()
            .and_then(|e| repo.find_tree(e.id()).ok())
        {
            let found: Vec<String> = sub
                .iter()
                .filter_map(|e| e.name().ok().map(str::to_string))
                .filter(|n| n.starts_with("index.") && n.ends_with(".md"))
                .map(|n| format!("{}/{n}", d.display()))
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
        dir = d.parent();
    }
    Vec::new()
}

#[cfg(test)]
#[path = "changes_tests.rs"]
mod tests;
