//! Reading git objects with their ids checked. An object's id is the SHA-1 of its content,
//! and a signature covers a commit, which names its tree by id, which names its files by
//! id: the chain is only as good as the check that each object read is the one its id
//! names. `Objects` reads raw objects from git's object database and compares each one's
//! SHA-1 (hardware-accelerated where the processor has it) with its id, refusing a
//! mismatch as a damaged or altered object store. libgit2 would re-hash every object a
//! second time with the slower collision-detecting SHA-1DC; `repo::open` turns that off
//! (see docs/pipeline.md, "Object integrity"). This module also parses the two raw formats
//! the ledger reads in bulk: commits (with their SSH signature) and trees.

use std::cell::OnceCell;

use git2::{ObjectType, Odb, Oid, Repository};
use sha1::{Digest, Sha1};

use super::pack_sizes::{PackSize, PackSizes};

/// The most deflate (zlib) expands its input: 1,032 bytes out for one byte in.
const MAX_DEFLATE_RATIO: u64 = 1032;

/// Why an object could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Not in the object database, or not readable.
    Missing(git2::Error),
    /// There, but of another kind than the one asked for.
    WrongKind { oid: Oid, found: ObjectType },
    /// Its content does not hash to its id.
    Damaged(Oid),
    /// A commit or tree whose raw form cannot be parsed.
    Malformed(Oid),
    /// A tree with an entry git never writes (a name holding `/`, `..`, an unknown mode).
    BadTree { tree: Oid, why: String },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Missing(e) => write!(f, "{}", e.message()),
            ReadError::WrongKind { oid, found } => write!(f, "object {oid} is a {found}"),
            ReadError::Damaged(oid) => write!(
                f,
                "object {oid} does not match its id: the repository's object store is damaged \
                 or was altered; run `git fsck` and restore the repository from a good clone"
            ),
            ReadError::Malformed(oid) => write!(f, "object {oid} cannot be parsed"),
            ReadError::BadTree { tree, why } => write!(f, "tree {tree} has {why}"),
        }
    }
}

impl From<ReadError> for git2::Error {
    fn from(e: ReadError) -> git2::Error {
        match e {
            ReadError::Missing(e) => e,
            other => git2::Error::from_str(&other.to_string()),
        }
    }
}

/// Whether `data`, read as an object of `kind`, hashes to `oid`.
pub fn matches_id(oid: Oid, kind: ObjectType, data: &[u8]) -> bool {
    let mut hash = Sha1::new();
    hash.update(kind.str().as_bytes());
    hash.update(b" ");
    hash.update(data.len().to_string().as_bytes());
    hash.update([0]);
    hash.update(data);
    hash.finalize().as_slice() == oid.as_bytes()
}

/// Turns off libgit2's own re-hash of every object it reads, once per process: stp checks
/// what it reads itself (`Objects`), with a faster SHA-1.
pub fn relax_libgit2_check() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| git2::opts::strict_hash_verification(false));
}

/// A repository's object database, read with ids checked.
pub struct Objects<'r> {
    odb: Odb<'r>,
    repo: &'r Repository,
    /// The packs' own entry headers, for `size`; opened on first use.
    packs: OnceCell<PackSizes>,
}

impl<'r> Objects<'r> {
    pub fn new(repo: &'r Repository) -> Result<Objects<'r>, git2::Error> {
        Ok(Objects {
            odb: repo.odb()?,
            repo,
            packs: OnceCell::new(),
        })
    }

    /// The content of object `oid`, which must be of `kind` and match its id.
    pub fn read(&self, oid: Oid, kind: ObjectType) -> Result<Vec<u8>, ReadError> {
        let object = self.odb.read(oid).map_err(ReadError::Missing)?;
        if object.kind() != kind {
            return Err(ReadError::WrongKind {
                oid,
                found: object.kind(),
            });
        }
        if !matches_id(oid, kind, object.data()) {
            return Err(ReadError::Damaged(oid));
        }
        Ok(object.data().to_vec())
    }

    /// The size of object `oid` from its header, without reading its content: from its pack
    /// entry where that says it (`pack_sizes`), else from libgit2.
    pub fn size(&self, oid: Oid) -> Result<usize, ReadError> {
        match self.pack_size(oid)? {
            Some(size) => Ok(size),
            None => self.header_size(oid),
        }
    }

    /// The size of `oid` as its pack entry says it, or `None` where the packs cannot say.
    fn pack_size(&self, oid: Oid) -> Result<Option<usize>, ReadError> {
        let packs = self
            .packs
            .get_or_init(|| PackSizes::open(&self.repo.commondir().join("objects")));
        match packs.size(oid.as_bytes()) {
            PackSize::Known(size) => Ok(usize::try_from(size).ok()),
            PackSize::Damaged => Err(ReadError::Damaged(oid)),
            PackSize::Ask => Ok(None),
        }
    }

    /// The size of `oid` from libgit2's header read (for a loose object: its file opened
    /// and the start inflated).
    fn header_size(&self, oid: Oid) -> Result<usize, ReadError> {
        self.odb
            .read_header(oid)
            .map(|(size, _)| size)
            .map_err(ReadError::Missing)
    }

    /// Whether `oid` is a loose object whose file is too small to inflate past `limit`
    /// bytes: deflate expands at most `MAX_DEFLATE_RATIO` to one, so such an object is read
    /// at once, without first opening its file for the header.
    fn loose_within(&self, oid: Oid, limit: u64) -> bool {
        let hex = oid.to_string();
        let file = self
            .repo
            .commondir()
            .join("objects")
            .join(&hex[..2])
            .join(&hex[2..]);
        std::fs::metadata(file)
            .is_ok_and(|m| m.is_file() && m.len().saturating_mul(MAX_DEFLATE_RATIO) <= limit)
    }

    /// Blob `oid` checked against its id, if its size (read first, nothing inflated) is at
    /// most `limit`; `Err(size)` inside when it is over. A small loose object
    /// (`loose_within`) is read without the separate size read.
    pub fn blob_within(&self, oid: Oid, limit: u64) -> Result<Result<Vec<u8>, usize>, ReadError> {
        let size = match self.pack_size(oid)? {
            Some(size) => size,
            None if self.loose_within(oid, limit) => {
                let data = self.read(oid, ObjectType::Blob)?;
                return Ok(if data.len() as u64 > limit {
                    Err(data.len())
                } else {
                    Ok(data)
                });
            }
            None => self.header_size(oid)?,
        };
        if size as u64 > limit {
            return Ok(Err(size));
        }
        self.read(oid, ObjectType::Blob).map(Ok)
    }

    /// Whether the object database holds `oid` (nothing read, nothing checked).
    pub fn contains(&self, oid: Oid) -> bool {
        self.odb.exists(oid)
    }

    /// Commit `oid`, parsed.
    pub fn commit(&self, oid: Oid) -> Result<RawCommit, ReadError> {
        let data = self.read(oid, ObjectType::Commit)?;
        RawCommit::parse(&data).ok_or(ReadError::Malformed(oid))
    }

    /// The first-parent chain from `tip` back to `stop` (not included), oldest first, and
    /// whether `stop` was met; without `stop`, or when it is not on the chain, the whole
    /// chain down to the root commit.
    pub fn first_parents(
        &self,
        tip: Oid,
        stop: Option<Oid>,
    ) -> Result<(Vec<Oid>, bool), ReadError> {
        let mut chain = Vec::new();
        let mut next = Some(tip);
        let mut met = false;
        while let Some(oid) = next {
            if Some(oid) == stop {
                met = true;
                break;
            }
            chain.push(oid);
            next = self.commit(oid)?.parent;
        }
        chain.reverse();
        Ok((chain, met))
    }

    /// The entry at `path` (`a/b/c`) under the tree `root`, if there is one.
    pub fn entry_at(&self, root: Oid, path: &str) -> Result<Option<(Mode, Oid)>, ReadError> {
        entry_along(root, path, |dir| self.read(dir, ObjectType::Tree))
    }

    /// The file at `path` under the tree `root`: its blob id and content.
    pub fn blob_at(&self, root: Oid, path: &str) -> Result<Option<(Oid, Vec<u8>)>, ReadError> {
        match self.entry_at(root, path)? {
            Some((Mode::File, id)) => Ok(Some((id, self.read(id, ObjectType::Blob)?))),
            _ => Ok(None),
        }
    }

    /// The id of the folder at `path` under the tree `root`.
    pub fn subtree_at(&self, root: Oid, path: &str) -> Result<Option<Oid>, ReadError> {
        Ok(match self.entry_at(root, path)? {
            Some((Mode::Tree, id)) => Some(id),
            _ => None,
        })
    }

    /// Every file under the tree `root`, as `(path below root, blob id)`, in tree order.
    pub fn files_under(&self, root: Oid) -> Result<Vec<(String, Oid)>, ReadError> {
        let mut out = Vec::new();
        self.collect_files(root, "", &mut out)?;
        Ok(out)
    }

    fn collect_files(
        &self,
        tree: Oid,
        prefix: &str,
        out: &mut Vec<(String, Oid)>,
    ) -> Result<(), ReadError> {
        let data = self.read(tree, ObjectType::Tree)?;
        for entry in entries(&data) {
            let entry = entry.ok_or(ReadError::Malformed(tree))?;
            let (Some(name), Some(id)) = (entry.name_str(), entry.id()) else {
                return Err(ReadError::Malformed(tree));
            };
            match entry.mode() {
                Mode::File => out.push((format!("{prefix}{name}"), id)),
                Mode::Tree => self.collect_files(id, &format!("{prefix}{name}/"), out)?,
                Mode::Other => {}
            }
        }
        Ok(())
    }
}

/// What a tree entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A regular or executable file, or a symbolic link (a blob).
    File,
    Tree,
    /// A submodule's commit.
    Other,
}

/// A commit, as the ledger reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCommit {
    pub tree: Oid,
    /// The first parent.
    pub parent: Option<Oid>,
    /// The other parents of a merge commit (none for an ordinary commit).
    pub merged: Vec<Oid>,
    /// The committer's timestamp (seconds; it proves nothing).
    pub time: i64,
    pub message: Vec<u8>,
    /// The `gpgsig` header and the commit without it (what was signed), as git reads them.
    pub signature: Option<(Vec<u8>, Vec<u8>)>,
    /// What git would walk past but never writes: no author, no committer or no time.
    pub flaw: Option<String>,
}

impl RawCommit {
    /// Parses a raw commit: headers up to the first empty line, then the message.
    pub fn parse(data: &[u8]) -> Option<RawCommit> {
        let mut tree = None;
        let mut parent = None;
        let mut merged = Vec::new();
        let mut time = 0;
        let mut signature: Option<Vec<u8>> = None;
        let mut signed = Vec::with_capacity(data.len());
        let mut rest = data;
        let mut in_signature = false;
        let mut author = false;
        let mut committer = false;
        let mut flaws: Vec<&str> = Vec::new();
        loop {
            let end = memchr::memchr(b'\n', rest)?;
            let line = &rest[..end];
            let next = &rest[end + 1..];
            if line.is_empty() {
                signed.extend_from_slice(rest);
                let message = next.to_vec();
                if !author {
                    flaws.push("it has no author line");
                }
                if !committer {
                    flaws.push("it has no committer line");
                }
                let flaw = (!flaws.is_empty()).then(|| flaws.join(", "));
                return Some(RawCommit {
                    tree: tree?,
                    parent,
                    merged,
                    time,
                    message,
                    signature: signature.map(|s| (s, signed)),
                    flaw,
                });
            }
            if let Some(more) = line.strip_prefix(b" ") {
                if in_signature && let Some(s) = signature.as_mut() {
                    s.push(b'\n');
                    s.extend_from_slice(more);
                    rest = next;
                    continue;
                }
            } else {
                in_signature = false;
                // A header without a space has no value: never a signature.
                let (key, value) = match memchr::memchr(b' ', line) {
                    Some(at) => (&line[..at], &line[at + 1..]),
                    None => (&b""[..], line),
                };
                match key {
                    b"tree" if tree.is_none() => tree = Some(hex_id(value)?),
                    b"parent" if parent.is_none() => parent = Some(hex_id(value)?),
                    b"parent" => merged.push(hex_id(value)?),
                    b"author" => author = true,
                    b"committer" => {
                        committer = true;
                        match committer_time(value) {
                            Some(t) => time = t,
                            None => flaws.push("its committer line has no time"),
                        }
                    }
                    b"gpgsig" if signature.is_none() => {
                        signature = Some(value.to_vec());
                        in_signature = true;
                        rest = next;
                        continue;
                    }
                    _ => {}
                }
            }
            signed.extend_from_slice(&rest[..=end]);
            rest = next;
        }
    }
}

fn hex_id(value: &[u8]) -> Option<Oid> {
    Oid::from_str(std::str::from_utf8(value).ok()?).ok()
}

/// The seconds of `Name <email> SECONDS ±HHMM`.
fn committer_time(value: &[u8]) -> Option<i64> {
    let after_email = &value[memchr::memrchr(b'>', value)? + 1..];
    let text = std::str::from_utf8(after_email).ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// The entry at `path` (`a/b/c`) under the tree `root`, reading each tree on the way
/// with `tree` (which may keep the trees it read).
pub fn entry_along<T: AsRef<[u8]>>(
    root: Oid,
    path: &str,
    mut tree: impl FnMut(Oid) -> Result<T, ReadError>,
) -> Result<Option<(Mode, Oid)>, ReadError> {
    let mut dir = root;
    let mut parts = path.split('/').filter(|p| !p.is_empty()).peekable();
    while let Some(part) = parts.next() {
        let data = tree(dir)?;
        match (find_entry(dir, data.as_ref(), part)?, parts.peek()) {
            (None, _) => return Ok(None),
            (Some(hit), None) => return Ok(Some(hit)),
            (Some((Mode::Tree, id)), Some(_)) => dir = id,
            (Some(_), Some(_)) => return Ok(None),
        }
    }
    Ok(None)
}

/// The entry `name` of tree `tree`, whose raw content is `data`, if it has one.
pub fn find_entry(tree: Oid, data: &[u8], name: &str) -> Result<Option<(Mode, Oid)>, ReadError> {
    for entry in entries(data) {
        let entry = entry.ok_or(ReadError::Malformed(tree))?;
        if entry.name == name.as_bytes() {
            let id = entry.id().ok_or(ReadError::Malformed(tree))?;
            return Ok(Some((entry.mode(), id)));
        }
    }
    Ok(None)
}

/// One entry of a raw tree object: `<mode> <name>\0<20-byte id>`.
#[derive(Clone, Copy)]
pub struct Entry<'d> {
    pub raw: &'d [u8],
    pub mode: &'d [u8],
    pub name: &'d [u8],
    pub id: &'d [u8],
}

impl<'d> Entry<'d> {
    pub fn mode(&self) -> Mode {
        match self.mode {
            b"40000" => Mode::Tree,
            b"160000" => Mode::Other,
            _ => Mode::File,
        }
    }

    pub fn is_tree(&self) -> bool {
        self.mode() == Mode::Tree
    }

    pub fn id(&self) -> Option<Oid> {
        Oid::from_bytes(self.id).ok()
    }

    pub fn name_str(&self) -> Option<&'d str> {
        std::str::from_utf8(self.name).ok()
    }

    /// Git's order of tree entries: by name, a folder's name read as if it ended in `/`
    /// (so a file and a folder of the same name are two entries).
    pub fn git_order(&self, other: &Entry<'_>) -> std::cmp::Ordering {
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
pub fn entries(data: &[u8]) -> impl Iterator<Item = Option<Entry<'_>>> {
    let mut at = 0;
    let mut broken = false;
    std::iter::from_fn(move || {
        if broken || at >= data.len() {
            return None;
        }
        let rest = &data[at..];
        let entry = (|| {
            let space = memchr::memchr(b' ', rest)?;
            let nul = space + 1 + memchr::memchr(0, &rest[space + 1..])?;
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

#[cfg(test)]
#[path = "objects_tests.rs"]
mod tests;
