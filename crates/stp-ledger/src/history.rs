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
use super::changes::{CommitFacts, FactReader};
use super::error::{LedgerError, LedgerResult};
use super::objects::Objects;
use super::repo::{head_id, open};
use super::state::LedgerState;
use super::surroundings::Surroundings;
use super::trust::{Trusted, parse_trust_tree};
use super::validity::{ReadRules, apply_commit};
use super::verify_batch;

/// How to read the ledger.
#[derive(Debug, Clone, Default)]
pub struct LedgerOptions {
    /// The fingerprint (`SHA256:…`) of the first admin's key; `None`: trust on first use.
    pub trust_root: Option<String>,
    /// Read every commit again instead of using the cache.
    pub no_cache: bool,
    /// The date the signer states for a step (`Stp-Date`, YYYY-MM-DD) when it is not
    /// today: the command line reads it from `STP_DATE` (`steps::DATE_VAR`).
    pub stated_date: Option<String>,
    /// Today, the cache key's folder, the agent and the rest the command line read from
    /// the machine (`surroundings.rs`).
    pub surroundings: Surroundings,
}

/// The ledger of a site repository, read up to HEAD.
pub struct Ledger {
    pub root: PathBuf,
    pub state: LedgerState,
    /// The trust data as of HEAD.
    pub trusted: Option<Arc<Trusted>>,
    /// How many commits this load read (the rest came from the cache).
    pub read_now: usize,
    /// Where the cache file stands after this read, so that `advance` can append to it.
    cache_file: Option<cache::FileInfo>,
}

impl Ledger {
    /// Reads the ledger of the repository at `root`, using and updating the cache.
    pub fn load(root: &Path, options: &LedgerOptions) -> LedgerResult<Ledger> {
        let repo = open(root)?;
        let head = head_id(&repo)?;
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
        let mut timings = Timings::start(options.surroundings.timings);
        let pin = options.trust_root.as_deref();
        let rules = ReadRules {
            pin,
            horizon: options.surroundings.horizon(),
        };
        let key = super::cache_key::key(&options.surroundings);
        let cached = key
            .filter(|_| !options.no_cache)
            .and_then(|key| cache::load(repo.path(), pin, &key, rules.horizon));
        timings.lap("cache load");
        let (mut state, todo, file) = match head {
            None => (LedgerState::default(), Vec::new(), None),
            Some(head) => plan(repo, head, cached)?,
        };
        let baseline = file
            .filter(|_| !todo.is_empty())
            .map(|file| cache::Baseline::of(&state, file));
        let mut cache_file = file.filter(|_| todo.is_empty());
        timings.lap("walk");
        let mut trusted = match state.trust.tree.as_deref() {
            Some(tree) => Some(Arc::new(reparse(repo, tree)?)),
            None => None,
        };
        if todo.len() < PARALLEL_FROM {
            let facts = read_here(repo, &todo)?;
            timings.lap("read and verify commits");
            apply_all(repo, &mut state, &mut trusted, facts, &rules);
            timings.lap("apply rules");
        } else {
            // Each batch is read on all cores while the one before is applied here.
            let git_dir = repo.path().to_path_buf();
            let git_dir = git_dir.as_path();
            let batches: Vec<&[Oid]> = todo.chunks(BATCH).collect();
            std::thread::scope(|scope| -> LedgerResult<()> {
                let read = |i: usize| {
                    let oids: &[Oid] = batches.get(i)?;
                    Some(scope.spawn(move || read_everywhere(git_dir, oids)))
                };
                let mut ahead = read(0);
                for i in 0..batches.len() {
                    let Some(reading) = ahead.take() else { break };
                    let facts = reading
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                    ahead = read(i + 1);
                    timings.lap("read and verify commits (wait)");
                    apply_all(repo, &mut state, &mut trusted, facts, &rules);
                    timings.lap("apply rules");
                }
                Ok(())
            })?;
        }
        if !todo.is_empty()
            && !options.no_cache
            && let Some(key) = key
        {
            cache_file = cache::save(repo.path(), pin, &key, &state, baseline.as_ref());
        }
        timings.lap("cache save");
        timings.report(todo.len(), state.commits);
        Ok(Ledger {
            root: root.to_path_buf(),
            state,
            trusted,
            read_now: todo.len(),
            cache_file,
        })
    }

    /// The ledger after `commit`, a child of the tip this ledger was read to (a step stp
    /// has just signed): only that commit is read and judged, not the history again, and
    /// what it changed is appended to the cache. When `commit` is not a child of this
    /// ledger's tip, the ledger is read again.
    pub fn advance(mut self, commit: Oid, options: &LedgerOptions) -> LedgerResult<Ledger> {
        let repo = open(&self.root)?;
        let parent = repo
            .find_commit(commit)
            .and_then(|c| c.parent_id(0))
            .map(|p| p.to_string())
            .ok();
        if parent.is_none() || parent != self.state.tip {
            return Ledger::load(&self.root, options);
        }
        let rules = ReadRules {
            pin: options.trust_root.as_deref(),
            horizon: options.surroundings.horizon(),
        };
        let facts = read_here(&repo, &[commit])?;
        let baseline = self
            .cache_file
            .take()
            .map(|file| cache::Baseline::of(&self.state, file));
        apply_all(&repo, &mut self.state, &mut self.trusted, facts, &rules);
        self.read_now += 1;
        if !options.no_cache
            && let Some(key) = super::cache_key::key(&options.surroundings)
        {
            self.cache_file =
                cache::save(repo.path(), rules.pin, &key, &self.state, baseline.as_ref());
        }
        Ok(self)
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
    let objects =
        Objects::new(repo).map_err(LedgerError::git("cannot read the object database"))?;
    let (chain, met) = objects
        .first_parents(head, stop)
        .map_err(|e| LedgerError::git("cannot read the first-parent history")(e.into()))?;
    Ok(match cached {
        Some(cached) if met => (cached.state, chain, Some(cached.file)),
        _ => (LedgerState::default(), chain, None),
    })
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

/// Below this many commits, they are read on this thread.
const PARALLEL_FROM: usize = 64;

/// Commits read ahead at a time: their facts are held in memory until applied.
const BATCH: usize = 4096;

/// Applies the rules to each commit, in order, given their facts.
fn apply_all(
    repo: &Repository,
    state: &mut LedgerState,
    trusted: &mut Option<Arc<Trusted>>,
    facts: Vec<CommitFacts>,
    rules: &ReadRules<'_>,
) {
    for facts in &facts {
        apply_commit(repo, state, trusted, facts, rules);
    }
}

/// The facts of each commit of `oids`, in order, read on this thread; their signatures
/// are checked together at the end (`verify_batch`).
fn read_here(repo: &Repository, oids: &[Oid]) -> LedgerResult<Vec<CommitFacts>> {
    let mut reader =
        FactReader::new(repo).map_err(LedgerError::git("cannot read the object database"))?;
    let mut facts = Vec::with_capacity(oids.len());
    let mut signatures = Vec::with_capacity(oids.len());
    for oid in oids {
        let (read, signed) = reader
            .read_unverified(*oid)
            .map_err(LedgerError::git(format!("cannot read commit {oid}")))?;
        facts.push(read);
        signatures.push(signed);
    }
    for (facts, verdict) in facts.iter_mut().zip(verify_batch::check_all(signatures)) {
        facts.signature = verdict;
    }
    Ok(facts)
}

/// The facts of each commit of `oids`, in order. Reading a commit's trees and verifying
/// its signature (an ed25519 check) are the costly parts of reading history and need no
/// ledger state, so they are read on all cores, each thread with its own handle on the
/// repository and a run of consecutive commits (whose trees it reads once).
fn read_everywhere(git_dir: &Path, oids: &[Oid]) -> LedgerResult<Vec<CommitFacts>> {
    let chunk = oids
        .len()
        .div_ceil(rayon::current_num_threads() * 2)
        .max(PARALLEL_FROM);
    let read: Vec<Vec<CommitFacts>> = oids
        .par_chunks(chunk)
        .map(|oids| read_here(&open(git_dir)?, oids))
        .collect::<LedgerResult<_>>()?;
    Ok(read.into_iter().flatten().collect())
}

/// The time each phase of a load took, printed to stderr when asked
/// (`Surroundings::timings`, which the command line sets from `STP_LEDGER_TIMINGS`, for
/// `scripts/bench-ledger`).
struct Timings {
    on: bool,
    last: Instant,
    laps: Vec<(&'static str, f64)>,
}

impl Timings {
    fn start(on: bool) -> Timings {
        Timings {
            on,
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    /// Counts the time since the last lap towards `name`.
    fn lap(&mut self, name: &'static str) {
        if self.on {
            let now = Instant::now();
            let ms = (now - self.last).as_secs_f64() * 1000.0;
            match self.laps.iter_mut().find(|(n, _)| *n == name) {
                Some((_, total)) => *total += ms,
                None => self.laps.push((name, ms)),
            }
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
