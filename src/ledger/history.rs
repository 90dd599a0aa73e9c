//! Reading history into the ledger, in history order: the first-parent chain of HEAD from
//! the root commit up (never sorted by timestamp, which anyone can forge). Each commit is
//! judged against the state of its first parent; a merge brings content, and the steps
//! signed on the merged branch count only if the branch was fast-forwarded instead.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use git2::{Oid, Repository};

use super::cache;
use super::error::{LedgerError, LedgerResult};
use super::repo::{head_commit, open, subtree_id};
use super::state::LedgerState;
use super::trailers::Trailers;
use super::trust::{Trusted, parse_trust_tree};
use super::validity::{CommitContext, apply_commit};
use super::verify::check_commit;

/// How to read the ledger.
#[derive(Debug, Clone, Default)]
pub struct LedgerOptions {
    /// The fingerprint (`SHA256:…`) of the first admin's key; `None`: trust on first use.
    pub trust_root: Option<String>,
    /// Read every commit again instead of using the cache.
    pub no_cache: bool,
}

/// The ledger of a site repository, read up to HEAD.
pub struct Ledger {
    pub root: PathBuf,
    pub state: LedgerState,
    /// The trust data as of HEAD.
    pub trusted: Option<Arc<Trusted>>,
    /// How many commits this load read (the rest came from the cache).
    pub read_now: usize,
}

impl Ledger {
    /// Reads the ledger of the repository at `root`, using and updating the cache.
    pub fn load(root: &Path, options: &LedgerOptions) -> LedgerResult<Ledger> {
        let repo = open(root)?;
        let head = head_commit(&repo)?.map(|c| c.id());
        Ledger::read(root, &repo, head, options)
    }

    /// Reads the ledger as of commit `tip` instead of HEAD (`stp sync` checks commits
    /// before it moves the branch to them).
    pub fn load_at(root: &Path, tip: Oid, options: &LedgerOptions) -> LedgerResult<Ledger> {
        let repo = open(root)?;
        Ledger::read(root, &repo, Some(tip), options)
    }

    fn read(
        root: &Path,
        repo: &Repository,
        head: Option<Oid>,
        options: &LedgerOptions,
    ) -> LedgerResult<Ledger> {
        let pin = options.trust_root.as_deref();
        let cached = (!options.no_cache)
            .then(|| cache::load(repo.path(), pin))
            .flatten();
        let (mut state, todo) = match head {
            None => (LedgerState::default(), Vec::new()),
            Some(head) => plan(repo, head, cached)?,
        };
        let mut trusted = match state.trust.tree.as_deref() {
            Some(tree) => Some(Arc::new(reparse(repo, tree)?)),
            None => None,
        };
        for oid in &todo {
            let ctx = context(repo, *oid)?;
            apply_commit(repo, &mut state, &mut trusted, &ctx, pin);
        }
        if !todo.is_empty() && !options.no_cache {
            cache::save(repo.path(), pin, &state);
        }
        Ok(Ledger {
            root: root.to_path_buf(),
            state,
            trusted,
            read_now: todo.len(),
        })
    }
}

/// The state to start from and the commits to read after it, oldest first.
fn plan(
    repo: &Repository,
    head: Oid,
    cached: Option<LedgerState>,
) -> LedgerResult<(LedgerState, Vec<Oid>)> {
    let stop = cached
        .as_ref()
        .and_then(|s| s.tip.as_deref())
        .and_then(|t| Oid::from_str(t).ok());
    let mut chain = Vec::new();
    let mut next = Some(head);
    while let Some(oid) = next {
        if Some(oid) == stop {
            chain.reverse();
            return Ok((cached.unwrap_or_default(), chain));
        }
        chain.push(oid);
        let commit = repo
            .find_commit(oid)
            .map_err(LedgerError::git(format!("cannot read commit {oid}")))?;
        next = commit.parent_id(0).ok();
    }
    chain.reverse();
    Ok((LedgerState::default(), chain))
}

fn reparse(repo: &Repository, tree: &str) -> LedgerResult<Trusted> {
    let oid = Oid::from_str(tree).map_err(LedgerError::git("a bad tree id in the cache"))?;
    parse_trust_tree(repo, oid).map_err(|why| {
        LedgerError::refused_with(
            format!("the trusted workflow/ tree {tree} cannot be read: {why}"),
            "delete .git/stp/ledger-cache.json and run the command again",
        )
    })
}

fn context(repo: &Repository, oid: Oid) -> LedgerResult<CommitContext<'_>> {
    let commit = repo
        .find_commit(oid)
        .map_err(LedgerError::git(format!("cannot read commit {oid}")))?;
    let tree = commit
        .tree()
        .map_err(LedgerError::git(format!("cannot read the tree of {oid}")))?;
    let parent_tree = match commit.parent(0) {
        Ok(p) => Some(
            p.tree()
                .map_err(LedgerError::git(format!("cannot read the parent of {oid}")))?,
        ),
        Err(_) => None,
    };
    let message = String::from_utf8_lossy(commit.message_bytes()).into_owned();
    Ok(CommitContext {
        oid,
        summary: message.lines().next().unwrap_or_default().to_string(),
        time: commit.time().seconds(),
        signature: check_commit(repo, oid),
        trailers: Trailers::parse(&message),
        workflow_tree: subtree_id(&tree, "workflow"),
        parent_workflow_tree: parent_tree.as_ref().and_then(|t| subtree_id(t, "workflow")),
        tree,
        parent_tree,
    })
}
