//! What a commit changes, worked out without the ledger's state so that many commits can
//! be read at once (`history` runs this on every core, then applies the rules in order):
//! its signature, its trailers, the articles whose file or bundle files differ from its
//! first parent, and each concerned article's blob, content digest and `status` line.
//!
//! Trees are compared as raw git tree objects, entry by entry, skipping equal subtrees by
//! id: a section folder of a thousand articles is one 50 KiB object per version, and a
//! general tree diff costs far more than comparing it with its parent's version. Every
//! object comes through `Objects`, which checks it against its id; one that cannot be read
//! or does not match ends the reading with an error, never with a change left unseen.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use git2::{ObjectType, Oid, Repository};

use stp_content::MAX_FILE_BYTES;

use super::article_text::{digest_and_status, status_of};
use super::malformed::{entry_flaw, lossy, malformed, malformed_by};
use super::objects::{Mode, Objects, RawCommit, ReadError, entries, find_entry};
use super::repo::bundle_files_in;
use super::site_files::SiteIds;
use super::trailers::Trailers;
use super::verify::SignatureCheck;
use super::verify_batch::Signed;

/// An article as a commit holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFacts {
    /// The blob and the content digest (`article_text::content_digest`), if the file is there.
    pub version: Option<(Oid, String)>,
    /// The `status` line in the commit and in its first parent.
    pub status: Option<String>,
    pub parent_status: Option<String>,
}

/// What the ledger needs of one commit, apart from its state.
#[derive(Debug)]
pub struct CommitFacts {
    pub oid: Oid,
    /// The first line of the message.
    pub summary: String,
    /// The committer's timestamp (shown, never trusted).
    pub time: i64,
    /// The `workflow/` folder in the commit and in its first parent.
    pub workflow_tree: Option<Oid>,
    pub parent_workflow_tree: Option<Oid>,
    /// The site files (`site.toml`, `themes/`, `static/`) in the commit and its first
    /// parent; `None` for a root commit's parent.
    pub site: SiteIds,
    pub parent_site: Option<SiteIds>,
    /// The root trees of the commit and of its first parent.
    pub tree: Oid,
    pub parent_tree: Option<Oid>,
    /// The first parent, and the parents after it for a merge commit.
    pub parent: Option<Oid>,
    pub merged: Vec<Oid>,
    pub signature: SignatureCheck,
    pub trailers: Trailers,
    /// Articles whose file, or a file of whose bundle, differs from the first parent.
    pub changed: BTreeSet<String>,
    /// The articles the trailers name and the changed ones.
    pub articles: BTreeMap<String, ArticleFacts>,
    /// Why the commit is malformed (`malformed.rs`); then nothing else is read from it.
    pub malformed: Option<String>,
    /// Articles whose version in the commit is over `MAX_FILE_BYTES`, with their size:
    /// never read (their facts have no version).
    pub oversized: Vec<(String, usize)>,
}

/// Reads commits, keeping the raw trees of the last commit read: they are the parent's
/// trees of the next one.
pub struct FactReader<'r> {
    objects: Objects<'r>,
    current: HashMap<Oid, Rc<[u8]>>,
    previous: HashMap<Oid, Rc<[u8]>>,
    /// The last commit read and its root tree.
    last: Option<(Oid, Oid)>,
    /// The root tree of the last commit read and its site files.
    last_site: Option<(Oid, SiteIds)>,
    /// The first object that could not be read while reading the current commit.
    failed: Option<ReadError>,
    /// The root tree of the commit being read, and its articles found too big.
    reading: Option<Oid>,
    oversized: Vec<(String, usize)>,
}

impl<'r> FactReader<'r> {
    pub fn new(repo: &'r Repository) -> Result<FactReader<'r>, git2::Error> {
        Ok(FactReader {
            objects: Objects::new(repo)?,
            current: HashMap::new(),
            previous: HashMap::new(),
            last: None,
            last_site: None,
            failed: None,
            reading: None,
            oversized: Vec::new(),
        })
    }

    /// The facts of commit `oid` with its signature not yet checked (`Unsigned` for now),
    /// and what is needed to check it (`verify_batch`).
    pub fn read_unverified(
        &mut self,
        oid: Oid,
    ) -> Result<(CommitFacts, Option<Signed>), git2::Error> {
        let commit = self.objects.commit(oid)?;
        if let Some(why) = commit.flaw.clone() {
            self.last = None;
            return Ok((malformed(oid, &commit, why), None));
        }
        let trailers = Trailers::parse(&String::from_utf8_lossy(&commit.message));
        let tree = commit.tree;
        self.reading = Some(tree);
        self.oversized.clear();
        let parent_tree = match (commit.parent, self.last) {
            (None, _) => None,
            (Some(p), Some((last, last_tree))) if p == last => Some(last_tree),
            (Some(p), _) => Some(self.objects.commit(p)?.tree),
        };
        let changed = self.changed_articles(tree, parent_tree);
        let mut articles = BTreeMap::new();
        let paths = trailers.steps.iter().map(|s| &s.article).chain(&changed);
        for path in paths {
            if articles.contains_key(path) {
                continue;
            }
            let (version, status) = match self.blob(tree, path) {
                Some((blob, bytes)) => {
                    let bundle = self.bundle_files(tree, path);
                    let (digest, status) = digest_and_status(&bytes, &bundle);
                    (Some((blob, digest)), status)
                }
                None => (None, None),
            };
            let parent_status = match parent_tree {
                Some(t) if changed.contains(path) => {
                    self.blob(t, path).and_then(|(_, b)| status_of(&b))
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
        let workflow_tree = self.subtree(tree, "workflow");
        let parent_workflow_tree = parent_tree.and_then(|t| self.subtree(t, "workflow"));
        // The parent's site files are the last commit's, read just before, most often.
        let parent_site = match (parent_tree, self.last_site) {
            (Some(t), Some((last, ids))) if last == t => Some(ids),
            (Some(t), _) => self.site_ids(t),
            (None, _) => None,
        };
        let site = self.site_ids(tree).unwrap_or_default();
        if let Some(failed) = self.failed.take() {
            let why = malformed_by(failed, tree, parent_tree)?;
            self.previous = std::mem::take(&mut self.current);
            self.last = Some((oid, tree));
            return Ok((malformed(oid, &commit, why), None));
        }
        self.previous = std::mem::take(&mut self.current);
        self.last = Some((oid, tree));
        self.last_site = Some((tree, site));
        let facts = CommitFacts {
            oid,
            summary: summary(&commit),
            time: commit.time,
            workflow_tree,
            parent_workflow_tree,
            site,
            parent_site,
            tree,
            parent_tree,
            parent: commit.parent,
            merged: commit.merged.clone(),
            signature: SignatureCheck::Unsigned,
            trailers,
            changed,
            articles,
            malformed: None,
            oversized: std::mem::take(&mut self.oversized),
        };
        Ok((facts, commit.signature))
    }

    /// Notes the first read that failed; the commit's reading ends with it.
    fn failed<T>(&mut self, read: Result<T, ReadError>) -> Option<T> {
        match read {
            Ok(value) => Some(value),
            Err(e) => {
                self.failed.get_or_insert(e);
                None
            }
        }
    }

    fn raw_tree(&mut self, oid: Oid) -> Option<Rc<[u8]>> {
        if let Some(t) = self.current.get(&oid) {
            return Some(t.clone());
        }
        let data: Rc<[u8]> = match self.previous.remove(&oid) {
            Some(t) => t,
            None => {
                let read = self.objects.read(oid, ObjectType::Tree);
                Rc::from(self.failed(read)?)
            }
        };
        self.current.insert(oid, data.clone());
        Some(data)
    }

    /// The site file entries at the top of the root tree `root`.
    fn site_ids(&mut self, root: Oid) -> Option<SiteIds> {
        let data = self.raw_tree(root)?;
        let ids = SiteIds::of_root(&data);
        if ids.is_none() {
            self.failed.get_or_insert(ReadError::Malformed(root));
        }
        ids
    }

    /// The entry `name` of tree `dir`.
    fn entry(&mut self, dir: Oid, name: &str) -> Option<(Mode, Oid)> {
        let data = self.raw_tree(dir)?;
        let found = find_entry(dir, &data, name);
        self.failed(found)?
    }

    /// The folder at `path` under the root tree `root`.
    fn subtree(&mut self, root: Oid, path: &str) -> Option<Oid> {
        let mut dir = root;
        for part in path.split('/') {
            match self.entry(dir, part)? {
                (Mode::Tree, id) => dir = id,
                _ => return None,
            }
        }
        Some(dir)
    }

    /// The blob at `path` under the root tree `root`, and its content.
    fn blob(&mut self, root: Oid, path: &str) -> Option<(Oid, Vec<u8>)> {
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        let parts_ok = path
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..");
        if !parts_ok {
            return None;
        }
        let dir = if dir.is_empty() {
            root
        } else {
            self.subtree(root, dir)?
        };
        match self.entry(dir, name)? {
            (Mode::File, id) => {
                let read = self.objects.blob_within(id, MAX_FILE_BYTES);
                match self.failed(read)? {
                    Ok(bytes) => Some((id, bytes)),
                    Err(size) => {
                        if self.reading == Some(root) {
                            self.oversized.push((path.to_string(), size));
                        }
                        None
                    }
                }
            }
            _ => None,
        }
    }

    /// The files beside a bundle article (`repo::bundle_files`).
    fn bundle_files(&mut self, root: Oid, article: &str) -> Vec<(String, String)> {
        let read = bundle_files_in(&self.objects, root, article);
        self.failed(read).unwrap_or_default()
    }

    /// Articles whose file, or a file of whose bundle, the commit changes under `content/`.
    fn changed_articles(&mut self, tree: Oid, parent: Option<Oid>) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let new = self.subtree(tree, "content");
        let old = parent.and_then(|p| self.subtree(p, "content"));
        if new == old {
            return out;
        }
        let mut files = Vec::new();
        if self.diff(old, new, "content/", &mut files).is_none() {
            self.failed
                .get_or_insert(ReadError::Malformed(new.or(old).unwrap_or(tree)));
            return out;
        }
        for path in files {
            if path.ends_with(".md") {
                out.insert(path);
            } else {
                for t in [Some(tree), parent].into_iter().flatten() {
                    let found = bundle_articles_of(&self.objects, t, &path);
                    if let Some(found) = self.failed(found) {
                        out.extend(found);
                    }
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
            if let (Some(c), Some(tree)) = (came, new)
                && let Some(why) = entry_flaw(&c)
            {
                self.failed.get_or_insert(ReadError::BadTree { tree, why });
                return None;
            }
            match (gone, came) {
                (Some(g), Some(c)) if g.raw == c.raw => {}
                (Some(g), Some(c)) if g.is_tree() => {
                    let name = format!("{prefix}{}/", lossy(g.name));
                    self.diff(g.id(), c.id(), &name, out)?;
                }
                (Some(g), Some(_)) => out.push(format!("{prefix}{}", lossy(g.name))),
                (Some(e), None) | (None, Some(e)) if e.is_tree() => {
                    let name = format!("{prefix}{}/", lossy(e.name));
                    let (o, n) = if gone.is_some() {
                        (e.id(), None)
                    } else {
                        (None, e.id())
                    };
                    self.diff(o, n, &name, out)?;
                }
                (Some(e), None) | (None, Some(e)) => out.push(format!("{prefix}{}", lossy(e.name))),
                (None, None) => return None,
            }
        }
    }
}

/// The first line of a commit's message.
pub fn summary(commit: &RawCommit) -> String {
    let first = commit.message.split(|&b| b == b'\n').next();
    String::from_utf8_lossy(first.unwrap_or_default()).into_owned()
}

/// The bundle articles (`index*.md`) in the nearest folder above `file` that has one.
fn bundle_articles_of(
    objects: &Objects<'_>,
    tree: Oid,
    file: &str,
) -> Result<Vec<String>, ReadError> {
    let mut dir = std::path::Path::new(file).parent();
    while let Some(d) = dir.filter(|d| d.starts_with("content/")) {
        let path = d.to_string_lossy();
        if let Some(sub) = objects.subtree_at(tree, &path)? {
            let data = objects.read(sub, ObjectType::Tree)?;
            let found: Vec<String> = entries(&data)
                .map_while(|e| e)
                .filter_map(|e| e.name_str())
                .filter(|n| n.starts_with("index.") && n.ends_with(".md"))
                .map(|n| format!("{path}/{n}"))
                .collect();
            if !found.is_empty() {
                return Ok(found);
            }
        }
        dir = d.parent();
    }
    Ok(Vec::new())
}

#[cfg(test)]
#[path = "changes_tests.rs"]
mod tests;
