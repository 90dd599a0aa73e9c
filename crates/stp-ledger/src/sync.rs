//! `stp sync`: sharing one site among clones through a remote (`origin`): a bare
//! repository reached by path or `file://` directly, or by ssh or https through the `git`
//! program (`sync_git.rs`). Fetch; if only one side has new commits, fast-forward (theirs
//! here, or ours there); first-parent history stays linear, never merged. If both sides
//! have new commits, ours are done again on top of theirs and signed again with the user's
//! key when they touch other articles and trust data than theirs (see `replay.rs`); the
//! rest are left out and kept on a branch `stp-unsent/<branch>-<n>`, so nothing is lost,
//! and the command reports them as refused. Then send, as a compare-and-swap of the
//! remote's branch, so that of two clones sending at once exactly one lands.

use std::collections::BTreeSet;
use std::path::Path;

use git2::{Oid, Repository};

use super::error::{LedgerError, LedgerResult};
use super::history::{Ledger, LedgerOptions};
use super::next::Next;
use super::objects::{Objects, ReadError};
use super::replay::{ParkedCommit, replay, summary_of, touched};
use super::repo::open;
use super::sign::Signer;
use super::sync_git;
use super::verify::{SignatureCheck, check_commit};

/// What a sync did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SyncReport {
    pub remote: String,
    pub branch: String,
    /// Their new commits now here.
    pub received: usize,
    /// Our commits done again on top of theirs and signed again: `(old, new)`.
    pub redone: Vec<(String, String)>,
    /// Our commits sent to the remote.
    pub sent: usize,
    /// Our commits left out because they clash with theirs, kept on `kept_on`.
    pub parked: Vec<ParkedCommit>,
    pub kept_on: Option<String>,
}

/// Whether the repository at `root` has a remote called `remote_name` (a shared site to
/// send to); false when the repository cannot be opened.
pub fn has_remote(root: &Path, remote_name: &str) -> bool {
    open(root).is_ok_and(|repo| repo.find_remote(remote_name).is_ok())
}

/// Syncs the current branch of the repository at `root` with `remote_name`.
pub fn sync(
    root: &Path,
    signer: Option<&Signer>,
    remote_name: &str,
    options: &LedgerOptions,
) -> LedgerResult<SyncReport> {
    let repo = open(root)?;
    let head = repo.head().map_err(|_| {
        LedgerError::refused_with(
            "the repository has no commit yet",
            format!(
                "clone the shared site instead: `git clone URL DIR` (the {remote_name} remote)"
            ),
        )
    })?;
    let branch = head
        .shorthand()
        .ok()
        .filter(|_| head.is_branch())
        .ok_or_else(|| {
            LedgerError::refused_with(
                "HEAD is not on a branch",
                "check out the site's branch first (`git checkout main`)",
            )
        })?
        .to_string();
    let ours = head
        .peel_to_commit()
        .map_err(LedgerError::git("HEAD is not a commit"))?
        .id();
    let mut remote = repo.find_remote(remote_name).map_err(|_| {
        LedgerError::refused_with(
            format!("this repository has no remote `{remote_name}`"),
            format!("add the shared repository: `git remote add {remote_name} PATH`"),
        )
    })?;
    let url = remote.url().unwrap_or_default().to_string();
    let tracking = format!("refs/remotes/{remote_name}/{branch}");
    let local = sync_git::is_local(&url);
    if local {
        remote
            .fetch(&[format!("+refs/heads/{branch}:{tracking}")], None, None)
            .map_err(|e| transport_error(&url, "fetch from", e))?;
    } else {
        sync_git::fetch(root, remote_name, &url, &branch, &tracking)?;
    }
    let mut report = SyncReport {
        remote: remote_name.to_string(),
        branch: branch.clone(),
        ..SyncReport::default()
    };
    let theirs = repo.refname_to_id(&tracking).ok();
    let new_tip = match theirs {
        None => ours,
        Some(theirs) if theirs == ours => return Ok(report),
        Some(theirs) => {
            let base = repo.merge_base(ours, theirs).map_err(|_| {
                LedgerError::refused_with(
                    format!("this clone and {remote_name} ({url}) share no history"),
                    "clone the shared site again into a new folder",
                )
            })?;
            let their_commits = first_parents(&repo, theirs, base)?;
            report.received = their_commits.len();
            if base == ours {
                theirs
            } else if base == theirs {
                ours
            } else {
                let our_commits = first_parents(&repo, ours, base)?;
                redo(
                    &repo,
                    root,
                    signer,
                    options,
                    &our_commits,
                    &their_commits,
                    theirs,
                    &mut report,
                )?
            }
        }
    };
    if new_tip != ours {
        move_branch(&repo, &branch, ours, new_tip)?;
    }
    if Some(new_tip) != theirs {
        report.sent = match theirs {
            Some(t) => first_parents(&repo, new_tip, t)?.len(),
            None => first_parents(&repo, new_tip, Oid::ZERO_SHA1)?.len(),
        };
        if local {
            push(&repo, root, &mut remote, &url, &branch, new_tip, theirs)?;
        } else {
            sync_git::push(root, remote_name, &url, &branch, new_tip, theirs)?;
        }
        let _ = repo.reference(&tracking, new_tip, true, "stp sync: sent");
    }
    Ok(report)
}

/// Our commits done again on their tip (and checked), the rest parked on a branch.
/// Returns the new tip.
#[allow(clippy::too_many_arguments)]
fn redo(
    repo: &Repository,
    root: &Path,
    signer: Option<&Signer>,
    options: &LedgerOptions,
    ours: &[Oid],
    theirs: &[Oid],
    their_tip: Oid,
    report: &mut SyncReport,
) -> LedgerResult<Oid> {
    let mut blocked_by = Vec::new();
    for oid in theirs {
        let commit = repo
            .find_commit(*oid)
            .map_err(LedgerError::git(format!("cannot read commit {oid}")))?;
        let by = format!(
            "`{}` by {} ({})",
            summary_of(&commit),
            commit.author().name().unwrap_or("?"),
            &oid.to_string()[..10]
        );
        for unit in touched(repo, &commit)? {
            blocked_by.push((unit, by.clone()));
        }
    }
    let checks: Vec<SignatureCheck> = ours.iter().map(|o| check_commit(repo, *o)).collect();
    let needs_key = checks
        .iter()
        .any(|c| !matches!(c, SignatureCheck::Unsigned));
    if needs_key && signer.is_none() {
        return Err(LedgerError::refused_with(
            format!(
                "{} has new commits and so has this clone: yours must be signed again on top of theirs, which needs your key; nothing was changed",
                report.remote
            ),
            Next::SyncWithKey,
        ));
    }
    let mut outcome = replay(
        repo,
        signer,
        ours,
        &checks,
        their_tip,
        &mut blocked_by,
        options.surroundings.commit_time.as_deref(),
    )?;
    if let Some(why) = newly_invalid(root, options, ours, &outcome.redone)? {
        outcome.parked = ours
            .iter()
            .map(|o| ParkedCommit {
                commit: o.to_string(),
                summary: repo
                    .find_commit(*o)
                    .ok()
                    .map(|c| summary_of(&c))
                    .unwrap_or_default(),
                why: why.clone(),
            })
            .collect();
        outcome.redone.clear();
        outcome.tip = their_tip;
    }
    if !outcome.parked.is_empty() {
        report.kept_on = Some(keep_on_branch(repo, &report.branch, ours)?);
    }
    report.redone = outcome
        .redone
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    report.parked = outcome.parked;
    Ok(outcome.tip)
}

/// Why the redone commits are not all valid on top of theirs (a role they removed, a
/// stated date that went back), if so: then none is done again.
fn newly_invalid(
    root: &Path,
    options: &LedgerOptions,
    ours: &[Oid],
    redone: &[(Oid, Oid)],
) -> LedgerResult<Option<String>> {
    let Some((_, tip)) = redone.last() else {
        return Ok(None);
    };
    let Some(our_tip) = ours.last() else {
        return Ok(None);
    };
    let before = Ledger::load_at(root, *our_tip, options)?;
    let after = Ledger::load_at(root, *tip, options)?;
    for (old, new) in redone {
        let had: BTreeSet<&str> = before
            .state
            .issues
            .iter()
            .filter(|i| i.commit == old.to_string())
            .map(|i| i.why.as_str())
            .collect();
        if let Some(issue) = after
            .state
            .issues
            .iter()
            .find(|i| i.commit == new.to_string() && !had.contains(i.why.as_str()))
        {
            return Ok(Some(format!(
                "on top of their commits, `{}` would not be valid ({}: {}), so none of yours was done again",
                issue.summary, issue.subject, issue.why
            )));
        }
    }
    Ok(None)
}

/// The first-parent chain from `tip` down to `base` (excluded; `Oid::ZERO_SHA1`: down to
/// the root), oldest first. Refuses when `base` is not on it: the history was merged or
/// rewritten.
fn first_parents(repo: &Repository, tip: Oid, base: Oid) -> LedgerResult<Vec<Oid>> {
    let to_root = base == Oid::ZERO_SHA1;
    let (chain, met) = Objects::new(repo)
        .map_err(ReadError::Missing)
        .and_then(|objects| objects.first_parents(tip, (!to_root).then_some(base)))
        .map_err(|e| LedgerError::git(format!("cannot read the history of {tip}"))(e.into()))?;
    if met || to_root {
        return Ok(chain);
    }
    Err(LedgerError::refused_with(
        format!(
            "commit {base} is not on the first-parent history of {tip}: the history was merged or rewritten"
        ),
        "stp keeps history linear; ask who pushed a merge or a rewrite, and clone again",
    ))
}

/// Keeps our commits on a new branch `stp-unsent/<branch>-<n>`; returns its name.
fn keep_on_branch(repo: &Repository, branch: &str, ours: &[Oid]) -> LedgerResult<String> {
    let tip = ours
        .last()
        .and_then(|o| repo.find_commit(*o).ok())
        .ok_or_else(|| LedgerError::refused("bug: nothing to keep"))?;
    for n in 1.. {
        let name = format!("stp-unsent/{branch}-{n}");
        if repo.find_branch(&name, git2::BranchType::Local).is_err() {
            repo.branch(&name, &tip, false)
                .map_err(LedgerError::git(format!("cannot create branch {name}")))?;
            return Ok(name);
        }
    }
    unreachable!("an unbounded range ends only by returning")
}

/// Checks out `to` (keeping local edits; refusing if one would be overwritten) and moves
/// the branch from `from` to it.
fn move_branch(repo: &Repository, branch: &str, from: Oid, to: Oid) -> LedgerResult<()> {
    let tree = repo
        .find_commit(to)
        .and_then(|c| c.tree())
        .map_err(LedgerError::git(format!("cannot read commit {to}")))?;
    let mut checkout = git2::build::CheckoutBuilder::new();
    checkout.safe();
    repo.checkout_tree(tree.as_object(), Some(&mut checkout))
        .map_err(|e| {
            LedgerError::refused_with(
                format!(
                    "your uncommitted edits would be overwritten by the synced files ({})",
                    e.message()
                ),
                Next::CommitOrStashThenSync,
            )
        })?;
    repo.reference_matching(&format!("refs/heads/{branch}"), to, true, from, "stp sync")
        .map_err(LedgerError::git(format!(
            "{branch} moved while stp was syncing; run `stp sync` again"
        )))?;
    Ok(())
}

/// Sends `tip` to the remote's `branch` as a compare-and-swap: the objects go first, under
/// a ref of their own (`refs/stp/incoming/<tip>`), then the branch moves from `expected`
/// (what was fetched) to `tip` under git's ref lock. Of two clones sending at the same
/// moment exactly one lands; the other is told to sync again, and loses nothing.
fn push(
    repo: &Repository,
    root: &Path,
    remote: &mut git2::Remote<'_>,
    url: &str,
    branch: &str,
    tip: Oid,
    expected: Option<Oid>,
) -> LedgerResult<()> {
    let outgoing = format!("refs/stp/outgoing/{branch}");
    let incoming = format!("refs/stp/incoming/{tip}");
    repo.reference(&outgoing, tip, true, "stp sync")
        .map_err(LedgerError::git(format!("cannot write {outgoing}")))?;
    let mut refused = None;
    {
        let mut callbacks = git2::RemoteCallbacks::new();
        callbacks.push_update_reference(|_, status| {
            refused = status.map(str::to_string);
            Ok(())
        });
        let mut push_options = git2::PushOptions::new();
        push_options.remote_callbacks(callbacks);
        let spec = format!("+{outgoing}:{incoming}");
        remote
            .push(&[spec.as_str()], Some(&mut push_options))
            .map_err(|e| transport_error(url, "send to", e))?;
    }
    let _ = repo.find_reference(&outgoing).and_then(|mut r| r.delete());
    if let Some(why) = refused {
        return Err(LedgerError::refused(format!("{url} refused {tip}: {why}")));
    }
    let path = local_path(root, url);
    let shared = Repository::open(&path).map_err(LedgerError::git(format!(
        "cannot open the shared repository {}",
        path.display()
    )))?;
    let name = format!("refs/heads/{branch}");
    let moved = match expected {
        Some(old) => shared.reference_matching(&name, tip, true, old, "stp sync"),
        None => shared.reference(&name, tip, false, "stp sync"),
    };
    let _ = shared
        .find_reference(&incoming)
        .and_then(|mut r| r.delete());
    moved.map(|_| ()).map_err(|_| {
        LedgerError::refused_with(
            format!(
                "{url} received other commits while stp was syncing; yours were not sent, and nothing was lost"
            ),
            Next::SyncAgain,
        )
    })
}

/// The folder a path or `file://` remote names (relative to the repository).
fn local_path(root: &Path, url: &str) -> std::path::PathBuf {
    let path = Path::new(url.strip_prefix("file://").unwrap_or(url));
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        root.join(path)
    }
}

fn transport_error(url: &str, what: &str, e: git2::Error) -> LedgerError {
    if e.code() == git2::ErrorCode::NotFastForward {
        return LedgerError::refused_with(
            format!("{url} moved while stp was syncing ({})", e.message()),
            Next::SyncAgain,
        );
    }
    LedgerError::refused_with(
        format!("cannot {what} {url}: {}", e.message()),
        "check that the path names the shared bare repository (`git remote -v`)",
    )
}
