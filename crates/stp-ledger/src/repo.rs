//! Git access for the ledger: opening the site's repository, reading articles and their
//! bundle files out of a commit's tree, writing a signed commit on top of HEAD, and
//! bringing the working tree and index in line with what was committed.

use std::path::{Path, PathBuf};

use git2::{Commit, FileMode, Oid, Repository};

use super::error::{LedgerError, LedgerResult};
use super::objects::{Objects, ReadError};
use super::sign::Signer;

/// Opens the repository at `root`. stp checks the objects it reads itself, so libgit2's
/// second check is turned off (`objects::relax_libgit2_check`).
pub fn open(root: &Path) -> LedgerResult<Repository> {
    super::objects::relax_libgit2_check();
    Repository::open(root).map_err(|source| LedgerError::Git {
        context: format!("{} is not a git repository", root.display()),
        source,
    })
}

/// The folder where stp keeps this clone's own files beside git's (`.git/stp/`, where the
/// ledger cache also lives): what `stp notify` has already told is kept there.
pub fn state_folder(root: &Path) -> LedgerResult<PathBuf> {
    Ok(open(root)?.path().join("stp"))
}

/// Makes an empty git repository at `dir` (`stp init`): the site's history starts here.
pub fn init(dir: &Path) -> LedgerResult<()> {
    Repository::init(dir)
        .map(|_| ())
        .map_err(LedgerError::git(format!(
            "{}: cannot make a git repository",
            dir.display()
        )))
}

/// Whether `root` is a git repository with at least one commit.
pub fn has_history(root: &Path) -> bool {
    Repository::open(root)
        .ok()
        .and_then(|repo| head_id(&repo).ok().flatten())
        .is_some()
}

/// Sets `key` to `value` in the repository's own configuration (`.git/config`).
pub fn set_config(root: &Path, key: &str, value: &str) -> LedgerResult<()> {
    let set = || Repository::open(root)?.config()?.set_str(key, value);
    set().map_err(LedgerError::git(format!(
        "{}: cannot set {key} in the repository's configuration",
        root.display()
    )))
}

/// The commit HEAD points at, or `None` in a repository without commits.
pub fn head_commit(repo: &Repository) -> LedgerResult<Option<Commit<'_>>> {
    head_id(repo)?
        .map(|id| {
            repo.find_commit(id)
                .map_err(LedgerError::git("HEAD is not a commit"))
        })
        .transpose()
}

/// The id of the commit HEAD points at, without parsing it (libgit2 refuses to parse a
/// malformed commit that git still walks; the ledger reads it through `Objects`).
pub fn head_id(repo: &Repository) -> LedgerResult<Option<Oid>> {
    match repo.head() {
        Ok(head) => Ok(head.resolve().ok().and_then(|r| r.target())),
        Err(e)
            if matches!(
                e.code(),
                git2::ErrorCode::UnbornBranch | git2::ErrorCode::NotFound
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(LedgerError::git("cannot read HEAD")(e)),
    }
}

/// The blob at `path` in `tree`, if it is a file. Every object on the way is checked
/// against its id (`Objects`); one that cannot be read or does not match counts as absent.
pub fn blob_at(repo: &Repository, tree: Oid, path: &str) -> Option<(Oid, Vec<u8>)> {
    Objects::new(repo).ok()?.blob_at(tree, path).ok()?
}

/// Whether `path` names a bundle's article (`…/index.md`, `…/index.en.md`).
pub fn is_bundle_article(path: &str) -> bool {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("index.") && n.ends_with(".md"))
}

/// The files beside a bundle article in `tree`: `(repository path, blob id)`, sorted,
/// without Markdown files and dot files.
pub fn bundle_files(repo: &Repository, tree: Oid, article: &str) -> Vec<(String, String)> {
    Objects::new(repo)
        .ok()
        .and_then(|objects| bundle_files_in(&objects, tree, article).ok())
        .unwrap_or_default()
}

/// [`bundle_files`] under the root tree `root`, read through `objects`.
pub fn bundle_files_in(
    objects: &Objects<'_>,
    root: Oid,
    article: &str,
) -> Result<Vec<(String, String)>, ReadError> {
    if !is_bundle_article(article) {
        return Ok(Vec::new());
    }
    let dir = Path::new(article).parent().unwrap_or(Path::new(""));
    let prefix = dir.to_string_lossy();
    let Some(dir_tree) = objects.subtree_at(root, &prefix)? else {
        return Ok(Vec::new());
    };
    let mut out: Vec<(String, String)> = objects
        .files_under(dir_tree)?
        .into_iter()
        .filter(|(path, _)| {
            let name = path.rsplit('/').next().unwrap_or_default();
            !name.ends_with(".md") && !name.starts_with('.')
        })
        .map(|(path, id)| (format!("{prefix}/{path}"), id.to_string()))
        .collect();
    out.sort();
    Ok(out)
}

/// The author and committer of a commit stp writes: the person's name and email, at the
/// time git would use: `when` is `GIT_COMMITTER_DATE` as the command line read it
/// (`Surroundings::commit_time`; honoured like git, it proves nothing), else now.
pub fn identity(
    name: &str,
    email: &str,
    when: Option<&str>,
) -> LedgerResult<git2::Signature<'static>> {
    let when = when.and_then(parse_git_date);
    match when {
        Some(time) => git2::Signature::new(name, email, &time),
        None => git2::Signature::now(name, email),
    }
    .map_err(LedgerError::git("cannot make the commit's author"))
}

/// `@SECONDS [+HHMM]` or RFC 3339.
fn parse_git_date(value: &str) -> Option<git2::Time> {
    let value = value.trim();
    if let Some(rest) = value.strip_prefix('@') {
        let mut parts = rest.split_whitespace();
        let seconds: i64 = parts.next()?.parse().ok()?;
        let offset = parts.next().map_or(Some(0), |z| {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let digits = z.trim_start_matches(['+', '-']);
            let h: i32 = digits.get(..2)?.parse().ok()?;
            let m: i32 = digits.get(2..4)?.parse().ok()?;
            Some(sign * (h * 60 + m))
        })?;
        return Some(git2::Time::new(seconds, offset));
    }
    let t = chrono::DateTime::parse_from_rfc3339(value).ok()?;
    Some(git2::Time::new(
        t.timestamp(),
        t.offset().local_minus_utc() / 60,
    ))
}

/// One file a commit writes: its repository path and the bytes committed.
pub struct FileWrite {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Commits `writes` and `removals` on top of `parent` (HEAD) as one commit signed by
/// `signer`, and moves the current branch to it. Returns the new commit's id.
pub fn commit_signed(
    repo: &Repository,
    signer: &Signer,
    author: &git2::Signature<'_>,
    parent: &Commit<'_>,
    writes: &[FileWrite],
    removals: &[String],
    message: &str,
) -> LedgerResult<Oid> {
    commit_signed_with(repo, signer, author, parent, writes, removals, |_| {
        Ok(message.to_string())
    })
}

/// `commit_signed`, with the message made from the new tree's id (a site step signs the
/// version of the site files that tree holds).
pub fn commit_signed_with(
    repo: &Repository,
    signer: &Signer,
    author: &git2::Signature<'_>,
    parent: &Commit<'_>,
    writes: &[FileWrite],
    removals: &[String],
    message: impl FnOnce(Oid) -> LedgerResult<String>,
) -> LedgerResult<Oid> {
    let base = parent
        .tree()
        .map_err(LedgerError::git("cannot read HEAD's tree"))?;
    let mut update = git2::build::TreeUpdateBuilder::new();
    for w in writes {
        let oid = repo
            .blob(&w.bytes)
            .map_err(LedgerError::git(format!("cannot store {}", w.path)))?;
        update.upsert(w.path.as_str(), oid, FileMode::Blob);
    }
    for r in removals {
        update.remove(r.as_str());
    }
    let tree_id = update
        .create_updated(repo, &base)
        .map_err(LedgerError::git("cannot build the commit's tree"))?;
    let tree = repo
        .find_tree(tree_id)
        .map_err(LedgerError::git("cannot read the new tree"))?;
    let message = message(tree_id)?;
    let buffer = repo
        .commit_create_buffer(author, author, &message, &tree, &[parent])
        .map_err(LedgerError::git("cannot prepare the commit"))?;
    let content = std::str::from_utf8(&buffer)
        .map_err(|_| LedgerError::refused("the commit is not valid UTF-8"))?;
    let signature = signer.sign(content.as_bytes())?;
    let oid = repo
        .commit_signed(content, &signature, None)
        .map_err(LedgerError::git("cannot write the signed commit"))?;
    let head = repo.head().map_err(LedgerError::git("cannot read HEAD"))?;
    let branch = head.name().unwrap_or("HEAD").to_string();
    repo.reference_matching(&branch, oid, true, parent.id(), "stp: signed step")
        .map_err(LedgerError::git(format!(
            "{branch} moved while stp was writing; run the command again"
        )))?;
    Ok(oid)
}

/// Files to write into the working tree exactly as they were committed.
pub fn as_committed(writes: Vec<FileWrite>) -> Vec<(FileWrite, Vec<u8>)> {
    writes
        .into_iter()
        .map(|w| {
            let bytes = w.bytes.clone();
            (w, bytes)
        })
        .collect()
}

/// Puts committed files into the index and the working tree. A working-tree file that
/// holds other edits keeps them: only `on_disk` is written there.
pub fn sync_worktree(
    repo: &Repository,
    root: &Path,
    files: &[(FileWrite, Vec<u8>)],
    removals: &[String],
) -> LedgerResult<()> {
    let mut index = repo
        .index()
        .map_err(LedgerError::git("cannot open the index"))?;
    for r in removals {
        let path = root.join(r);
        if path.exists() {
            std::fs::remove_file(&path).map_err(LedgerError::io(&path))?;
        }
        index
            .remove_path(Path::new(r))
            .map_err(LedgerError::git(format!("cannot unstage {r}")))?;
    }
    for (committed, on_disk) in files {
        let path = root.join(&committed.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(LedgerError::io(parent))?;
        }
        std::fs::write(&path, on_disk).map_err(LedgerError::io(&path))?;
        let entry = git2::IndexEntry {
            ctime: git2::IndexTime::new(0, 0),
            mtime: git2::IndexTime::new(0, 0),
            dev: 0,
            ino: 0,
            mode: u32::from(FileMode::Blob),
            uid: 0,
            gid: 0,
            file_size: committed.bytes.len() as u32,
            id: Oid::ZERO_SHA1,
            flags: 0,
            flags_extended: 0,
            path: committed.path.as_bytes().to_vec(),
        };
        index
            .add_frombuffer(&entry, &committed.bytes)
            .map_err(LedgerError::git(format!("cannot stage {}", committed.path)))?;
    }
    index
        .write()
        .map_err(LedgerError::git("cannot write the index"))
}
