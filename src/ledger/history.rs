//! Reading history into the ledger, in history order: the first-parent chain of HEAD from
//! the root commit up (never sorted by timestamp, which anyone can forge). Each commit is
//! judged against the state of its first parent; a merge brings content, and the steps
//! signed on the merged branch count only if the branch was fast-forwarded instead.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use git2::{Oid, Repository};
use rayon::prelude::*;

use super::cache;
use super::error::{LedgerError, LedgerResult};
use super::repo::{head_commit, open, subtree_id};
use super::state::LedgerState;
use super::trailers::Trailers;
use super::trust::{Trusted, parse_trust_tree};
use super::validity::{CommitContext, apply_commit};
use super::verify::{SignatureCheck, check_commit};

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
        let mut timings = Timings::start();
        let repo = open(root)?;
        let pin = options.trust_root.as_deref();
        let head = head_commit(&repo)?.map(|c| c.id());
        let cached = (!options.no_cache)
            .then(|| cache::load(repo.path(), pin))
            .flatten();
        timings.lap("cache load");
        let (mut state, todo, file) = match head {
            None => (LedgerState::default(), Vec::new(), None),
            Some(head) => plan(&repo, head, cached)?,
        };
        let baseline = file
            .filter(|_| !todo.is_empty())
            .map(|file| cache::Baseline::of(&state, file));
        timings.lap("walk");
        let mut trusted = match state.trust.tree.as_deref() {
            Some(tree) => Some(Arc::new(reparse(&repo, tree)?)),
            None => None,
        };
        let signatures = verify_signatures(&repo, &todo)?;
        timings.lap("verify signatures");
        for (oid, signature) in todo.iter().zip(signatures) {
            let ctx = context(&repo, *oid, signature)?;
            apply_commit(&repo, &mut state, &mut trusted, &ctx, pin);
        }
        timings.lap("apply rules");
        if !todo.is_empty() && !options.no_cache {
            cache::save(repo.path(), pin, &state, baseline.as_ref());
        }
        timings.lap("cache save");
        timings.report(todo.len(), state.commits);
        Ok(Ledger {
            root: root.to_path_buf(),
            state,
            trusted,
            read_now: todo.len(),
        })
    }
}

/// The state to start from, the commits to read after it (oldest first), and the cache
/// file the state came from, if it did.
fn plan(
    repo: &Repository,
    head: Oid,
    cached: Option<cache::Cached>,
) -> LedgerResult<(LedgerState, Vec<Oid>, Option<cache::FileInfo>)> {
    let stop = cached
        .as_ref()
        .and_then(|c| c.state.tip.as_deref())
        .and_then(|t| Oid::from_str(t).ok());
    let mut chain = Vec::new();
    let mut next = Some(head);
    while let Some(oid) = next {
        if Some(oid) == stop
            && let Some(cached) = cached
        {
            chain.reverse();
            return Ok((cached.state, chain, Some(cached.file)));
        }
        chain.push(oid);
        let commit = repo
            .find_commit(oid)
            .map_err(LedgerError::git(format!("cannot read commit {oid}")))?;
        next = commit.parent_id(0).ok();
    }
    chain.reverse();
    Ok((LedgerState::default(), chain, None))
}

fn reparse(repo: &Repository, tree: &str) -> LedgerResult<Trusted> {
    let oid = Oid::from_str(tree).map_err(LedgerError::git("a bad tree id in the cache"))?;
    parse_trust_tree(repo, oid).map_err(|why| {
        LedgerError::refused_with(
            format!("the trusted workflow/ tree {tree} cannot be read: {why}"),
            "delete .git/stp/ledger-cache.bin and run the command again",
        )
    })
}

fn context(
    repo: &Repository,
    oid: Oid,
    signature: SignatureCheck,
) -> LedgerResult<CommitContext<'_>> {
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
        signature,
        trailers: Trailers::parse(&message),
        workflow_tree: subtree_id(&tree, "workflow"),
        parent_workflow_tree: parent_tree.as_ref().and_then(|t| subtree_id(t, "workflow")),
        tree,
        parent_tree,
    })
}

/// Below this many commits, signatures are checked on this thread.
const PARALLEL_FROM: usize = 64;

/// The signature of each commit of `todo`, in order. Verifying is the costly part of
/// reading history (an ed25519 check each) and needs no ledger state, so many commits are
/// checked on all cores, each thread with its own handle on the repository; the rules are
/// then applied in history order on this thread.
fn verify_signatures(repo: &Repository, todo: &[Oid]) -> LedgerResult<Vec<SignatureCheck>> {
    if todo.len() < PARALLEL_FROM {
        return Ok(todo.iter().map(|oid| check_commit(repo, *oid)).collect());
    }
    let git_dir = repo.path();
    let chunk = (todo.len() / (rayon::current_num_threads() * 4)).clamp(PARALLEL_FROM, 4096);
    let checked: Vec<Vec<SignatureCheck>> = todo
        .par_chunks(chunk)
        .map(|oids| {
            let repo = open(git_dir)?;
            Ok(oids.iter().map(|oid| check_commit(&repo, *oid)).collect())
        })
        .collect::<LedgerResult<_>>()?;
    Ok(checked.into_iter().flatten().collect())
}

/// The time each phase of a load took, printed to stderr when `STP_LEDGER_TIMINGS` is set
/// (for `scripts/bench-ledger`).
struct Timings {
    on: bool,
    last: Instant,
    laps: Vec<(&'static str, f64)>,
}

impl Timings {
    fn start() -> Timings {
        Timings {
            on: std::env::var_os("STP_LEDGER_TIMINGS").is_some(),
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, name: &'static str) {
        if self.on {
            let now = Instant::now();
            self.laps
                .push((name, (now - self.last).as_secs_f64() * 1000.0));
            self.last = now;
        }
    }

    fn report(&self, read_now: usize, commits: usize) {
        if self.on {
            let laps: Vec<String> = self
                .laps
                .iter()
                .map(|(name, ms)| format!("{name} {ms:.1} ms"))
                .collect();
            eprintln!(
                "ledger: read_now {read_now} of {commits} commits; {}",
                laps.join(", ")
            );
        }
    }
}
