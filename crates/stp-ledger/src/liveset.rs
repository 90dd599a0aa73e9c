//! The live set: what the public site shows. For each article, the blob named by its
//! latest valid `publish` step, unless a later valid `withdraw` took it down, with the
//! bundle files of that publish commit's tree. Revisions in progress never appear. With
//! them go the site files of the live site version (`site_change`): the public build gets
//! its settings, theme and static files here, from git, and from nowhere else.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use git2::{Oid, Repository};
use rayon::prelude::*;

use stp_content::{
    ContentError, ContentSource, MAX_FILE_BYTES, Published, SiteFiles, SourceArticle,
};

use super::cache::discard;
use super::error::{LedgerError, LedgerResult};
use super::history::{Ledger, LedgerOptions};
use super::live_check::{PublishCommit, read_publish_commit};
use super::next::Next;
use super::objects::{Objects, matches_id};
use super::repo::{bundle_files_in, open};
use super::site_files::{read as read_site_files, site_ids};

/// The published versions, read from git (never from the working tree).
pub struct LiveSet {
    /// git2 repositories are not shared between threads without a lock.
    repo: Mutex<Repository>,
    /// Its folder, so that the articles are read in parallel, each thread through a
    /// repository of its own.
    git_dir: PathBuf,
    /// Its working tree, where a live article's bytes are often found already
    /// (`signed_in_worktree`); none for a bare repository.
    workdir: Option<PathBuf>,
    /// The articles without their text, which is read from git when the builder asks, so
    /// that the text is held once, by the builder.
    articles: Vec<SourceArticle>,
    /// The published blob of each article, index for index.
    blobs: Vec<Oid>,
    /// Every file the live articles may show: path → blob.
    files: BTreeMap<PathBuf, Oid>,
    max_file_bytes: u64,
    /// The site files of the live site version.
    site: std::sync::Arc<SiteFiles>,
}

impl LiveSet {
    /// The live set of `ledger`, after reading history again if the ledger came from a
    /// cache that history does not confirm (said on stderr: the cache is rebuilt, nothing
    /// is wrong for the user). `options` are the ones `ledger` was loaded with. `also`
    /// runs on the ledger on another thread while the live set is made (the public build
    /// finds the unsigned edits so, which was a twentieth of its time before the articles
    /// are read), and again on the ledger read from history when the cache was set aside.
    pub fn confirmed<T: Send>(
        ledger: Ledger,
        options: &LedgerOptions,
        also: impl Fn(&Ledger) -> T + Sync,
    ) -> LedgerResult<(Ledger, LiveSet, T)> {
        let (live, done) = rayon::join(|| LiveSet::new(&ledger), || also(&ledger));
        match live {
            Ok(live) => Ok((ledger, live, done)),
            Err(LedgerError::CacheMismatch(why)) => {
                eprintln!(
                    "note: the ledger cache does not match history ({why}); it is set aside and history is read again"
                );
                let root = ledger.root.clone();
                drop(ledger);
                discard(open(&root)?.path());
                let ledger = Ledger::load(&root, options)?;
                let live = LiveSet::new(&ledger)?;
                let done = also(&ledger);
                Ok((ledger, live, done))
            }
            Err(e) => Err(e),
        }
    }

    /// The live set of `ledger`, with the live version of the site files; attachments
    /// larger than the signed `site.toml`'s `max_attachment_bytes` are refused. Each live
    /// version that came from the cache is confirmed against its publish commit
    /// (`live_check.rs`); a mismatch is [`LedgerError::CacheMismatch`].
    pub fn new(ledger: &Ledger) -> LedgerResult<LiveSet> {
        let repo = open(&ledger.root)?;
        let site = std::sync::Arc::new(live_site_files(&repo, ledger)?);
        let max_file_bytes = site
            .config()
            .map_err(|e| {
                super::error::LedgerError::refused_with(
                    format!("the approved site settings cannot be used: {e}"),
                    Next::ProposeCorrectedSiteFiles { settings: true },
                )
            })?
            .max_attachment_bytes;
        let mut articles = Vec::new();
        let mut blobs = Vec::new();
        let mut files = BTreeMap::new();
        let mut commits: HashMap<String, PublishCommit> = HashMap::new();
        // What was read now was checked; what came from the cache is confirmed.
        let from_cache = ledger.read_now < ledger.state.commits;
        let objects =
            Objects::new(&repo).map_err(LedgerError::git("cannot read the repository"))?;
        for (path, record) in &ledger.state.articles {
            let Some(live) = &record.live else { continue };
            // Whether the repository holds the blob is asked only when the working tree
            // does not (`each_article`): a file that hashes to the signed id is that
            // version, and asking the object database 100,000 times was a third of
            // this loop.
            let blob_id = Oid::from_str(&live.blob)
                .map_err(LedgerError::git("a bad blob id in the ledger"))?;
            // One publish (or adoption) commit often carries many articles; read it once,
            // not once per article.
            if !commits.contains_key(&live.commit) {
                let read = read_publish_commit(&objects, &live.commit).map_err(|why| {
                    LedgerError::refused(format!("the publish commit of {path}: {why}"))
                })?;
                commits.insert(live.commit.clone(), read);
            }
            let Some(commit) = commits.get(&live.commit) else {
                continue;
            };
            if from_cache {
                commit
                    .confirm(path, blob_id)
                    .map_err(LedgerError::CacheMismatch)?;
            }
            let tree_id = commit.tree;
            let mut bundle = Vec::new();
            let bundle_files = bundle_files_in(&objects, tree_id, path).unwrap_or_default();
            for (file, oid) in bundle_files {
                let oid = Oid::from_str(&oid).map_err(LedgerError::git("a bad blob id"))?;
                files.insert(PathBuf::from(&file), oid);
                bundle.push(PathBuf::from(file));
            }
            blobs.push(blob_id);
            articles.push(SourceArticle {
                path: PathBuf::from(path),
                bytes: Vec::new(),
                state: Some("published".into()),
                files: bundle,
                published: Some(Published {
                    by: live.by_name.clone(),
                    at: live.at.clone(),
                }),
            });
        }
        drop(objects); // it borrows the repository, which the live set keeps
        Ok(LiveSet {
            git_dir: repo.path().to_path_buf(),
            workdir: repo.workdir().map(Path::to_path_buf),
            repo: Mutex::new(repo),
            articles,
            blobs,
            files,
            max_file_bytes,
            site,
        })
    }
}

/// The site files of the live site version, read from git with every object checked.
fn live_site_files(repo: &Repository, ledger: &Ledger) -> LedgerResult<SiteFiles> {
    use super::error::LedgerError;
    let live = ledger.state.site.live.as_ref().ok_or_else(|| {
        LedgerError::refused_with(
            "the site files (site.toml, themes/, static/) have no signed version yet",
            Next::SignSiteFiles,
        )
    })?;
    let objects = Objects::new(repo).map_err(LedgerError::git("cannot read the repository"))?;
    let commit = Oid::from_str(&live.commit)
        .and_then(|c| objects.commit(c).map_err(git2::Error::from))
        .map_err(LedgerError::git(format!(
            "the commit of the live site files ({}) cannot be read",
            live.commit
        )))?;
    // Like each live article, the live site files are confirmed by the commit that took
    // them live: a signed site publish of this version, or the trust root's commit.
    let trailers = super::trailers::Trailers::parse(&String::from_utf8_lossy(&commit.message));
    let published = trailers.site.as_ref().is_some_and(|s| {
        s.action == super::site_change::PUBLISH && s.version.as_deref() == Some(&live.version)
    });
    if !published && trailers.trust.is_none() {
        return Err(LedgerError::CacheMismatch(format!(
            "commit {} does not take site files live",
            live.commit
        )));
    }
    let tree = commit.tree;
    let found = site_ids(&objects, tree)
        .map(|ids| ids.version())
        .map_err(|e| LedgerError::refused(e.to_string()))?;
    if found != live.version {
        return Err(LedgerError::CacheMismatch(format!(
            "commit {} does not hold the site files version the ledger approved",
            live.commit
        )));
    }
    read_site_files(&objects, tree).map_err(|e| {
        LedgerError::refused_with(
            format!("the live site files cannot be used: {e}"),
            Next::ProposeCorrectedSiteFiles { settings: false },
        )
    })
}

impl LiveSet {
    /// Blob `oid`'s bytes from the working tree's file `path`, when that is a regular file
    /// within the article limit whose git id is `oid`: then they are the signed bytes (an
    /// object's id is the SHA-1 of its content, the same check `Objects` makes of what it
    /// reads from git), read without inflating. `None` for anything else (no working
    /// tree, no such file, a symlink, a FIFO or device, an edit not signed yet, a file
    /// over the limit), and the article is read from git.
    fn signed_in_worktree(&self, path: &Path, oid: Oid) -> Option<Vec<u8>> {
        use std::io::Read;
        use std::os::unix::fs::OpenOptionsExt;
        // Not through a symlink, and without waiting on a FIFO; then what was opened is
        // looked at (a file swapped in after a look at the path could be anything).
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .open(self.workdir.as_ref()?.join(path))
            .ok()?;
        let meta = file.metadata().ok()?;
        if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
            return None;
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).ok()?;
        (bytes.len() as u64 <= MAX_FILE_BYTES && matches_id(oid, git2::ObjectType::Blob, &bytes))
            .then_some(bytes)
    }
}

impl ContentSource for LiveSet {
    /// Every live article's text, read in parallel and handed on as each is read: a few
    /// hundred articles to a thread's turn, each turn through a repository of its own (a
    /// git2 repository is not shared between threads). The first error in path order is
    /// the one reported.
    fn each_article(
        &self,
        each: &(dyn Fn(usize, SourceArticle) + Sync),
    ) -> Result<(), ContentError> {
        let turn = (self.articles.len() / (4 * rayon::current_num_threads()).max(1)).max(64);
        let read: Vec<Result<(), ContentError>> = self
            .articles
            .par_chunks(turn)
            .zip(self.blobs.par_chunks(turn))
            .enumerate()
            .map(|(t, (articles, blobs))| {
                let repo = Repository::open(&self.git_dir)
                    .map_err(|e| unreadable(Path::new("content"), e))?;
                let objects =
                    Objects::new(&repo).map_err(|e| unreadable(Path::new("content"), e))?;
                articles
                    .iter()
                    .zip(blobs)
                    .enumerate()
                    .try_for_each(|(j, (a, oid))| {
                        let bytes = match self.signed_in_worktree(&a.path, *oid) {
                            Some(bytes) => bytes,
                            None if !objects.contains(*oid) => {
                                return Err(ContentError::file(
                                    &a.path,
                                    format!(
                                        "its published version ({oid}) is missing from the repository and the working tree does not hold it; fetch the whole history (git fetch --unshallow) or restore the object"
                                    ),
                                )
                                .said("content-blob-missing", [("blob", oid.to_string())]));
                            }
                            None => read_within(&objects, &a.path, *oid, MAX_FILE_BYTES, |size| {
                                format!(
                                    "is {size} bytes, over the article limit of {MAX_FILE_BYTES}"
                                )
                            })?,
                        };
                        each(t * turn + j, SourceArticle { bytes, ..a.clone() });
                        Ok(())
                    })
            })
            .collect();
        read.into_iter().collect()
    }

    fn read_file(&self, path: &Path) -> Result<Vec<u8>, ContentError> {
        let oid = self
            .files
            .get(path)
            .ok_or_else(|| ContentError::file(path, "is not a file of any published article"))?;
        let repo = self
            .repo
            .lock()
            .map_err(|_| ContentError::file(path, "the repository lock was poisoned"))?;
        let objects = Objects::new(&repo).map_err(|e| unreadable(path, e))?;
        let limit = self.max_file_bytes;
        read_within(&objects, path, *oid, limit, |size| {
            format!(
                "is {size} bytes, more than the limit of {limit} (site.toml max_attachment_bytes)"
            )
        })
    }

    fn is_public(&self) -> bool {
        true
    }

    fn site_files(&self) -> Result<std::sync::Arc<SiteFiles>, ContentError> {
        Ok(self.site.clone())
    }
}

/// Blob `oid`, the file `path`, checked against its id; first its size (`Objects::size`,
/// nothing read) against `limit`, over which `too_big` says what is wrong.
fn read_within(
    objects: &Objects<'_>,
    path: &Path,
    oid: Oid,
    limit: u64,
    too_big: impl FnOnce(usize) -> String,
) -> Result<Vec<u8>, ContentError> {
    objects
        .blob_within(oid, limit)
        .map_err(|e| unreadable(path, e))?
        .map_err(|size| ContentError::file(path, too_big(size)))
}

fn unreadable(path: &Path, e: impl std::fmt::Display) -> ContentError {
    ContentError::file(path, format!("cannot be read from git: {e}"))
}
