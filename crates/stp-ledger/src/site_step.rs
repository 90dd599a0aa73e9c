//! Signing a step on the site files: `stp site propose` commits the working tree's
//! `site.toml`, `themes/` and `static/` as a proposal signed by a site administrator;
//! `stp site approve` and `stp site return` are an approver's signed decision on it (the
//! posting is part of `stp publish`). Each is checked with the same rules the ledger
//! applies (`site_change`) before it is signed, and read back after. `stp site diff`
//! shows what a change would change on the public site.

use std::path::Path;

use git2::{DiffFormat, DiffOptions, Oid, Repository};

use stp_content::SiteFiles;
use stp_workflow::Role;

use super::error::{LedgerError, LedgerResult};
use super::history::{Ledger, LedgerOptions};
use super::horizon::stated_date;
use super::next::Next;
use super::objects::Objects;
use super::repo::{FileWrite, commit_signed_with, head_commit, open, sync_worktree};
use super::sign::Signer;
use super::site_change::{APPROVE, PROPOSE, RETURN};
use super::site_files::{self, site_ids};
use super::steps::{author, trusted_person};
use super::trailers::{SiteTrailer, Trailers};
use super::validity::role_refusal;

/// A site step to sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteAction {
    Propose,
    Approve,
    Return,
}

impl SiteAction {
    fn name(self) -> &'static str {
        match self {
            SiteAction::Propose => PROPOSE,
            SiteAction::Approve => APPROVE,
            SiteAction::Return => RETURN,
        }
    }

    fn role(self) -> Role {
        match self {
            SiteAction::Propose => Role::SiteAdmin,
            _ => Role::Approver,
        }
    }
}

/// What a site step wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SiteOutcome {
    pub commit: String,
    pub person: String,
    pub action: &'static str,
    /// The version of the site files the step signed.
    pub version: String,
    /// The site files the proposal changes against the live version.
    pub changed: Vec<String>,
}

/// Signs `action` on the site files of the repository at `root`.
pub fn site_step(
    root: &Path,
    signer: &Signer,
    action: SiteAction,
    reason: Option<&str>,
    options: &LedgerOptions,
) -> LedgerResult<SiteOutcome> {
    let ledger = Ledger::load(root, options)?;
    let (trusted, person) = trusted_person(&ledger, signer)?;
    let date = stated_date(options)?;
    let role = action.role();
    let stated = Some(date).filter(|d| ledger.state.clock.is_none_or(|c| *d >= c));
    if trusted.people.grant(&person.id, role, stated).is_none() {
        return Err(LedgerError::refused_with(
            role_refusal(trusted, &person.id, role, Some(date), ledger.state.clock),
            Next::SiteRole {
                action: action.name().to_string(),
                role,
            },
        ));
    }
    let repo = open(root)?;
    let head = head_commit(&repo)?
        .ok_or_else(|| LedgerError::refused("the repository has no commit yet"))?;
    let pending = ledger.state.site.pending.clone();
    let (writes, removals) = match action {
        SiteAction::Propose => proposal_files(root, &repo, head.tree_id(), &ledger)?,
        _ => {
            let Some(p) = &pending else {
                return Err(LedgerError::refused_with(
                    "no change of the site files waits for a decision",
                    Next::ProposeSiteChange,
                ));
            };
            if action == SiteAction::Approve && p.approved_by.is_some() {
                return Err(LedgerError::refused_with(
                    "the proposed site change is already approved",
                    Next::SecretaryPublishes,
                ));
            }
            if action == SiteAction::Approve && p.proposed_by == person.id {
                return Err(LedgerError::refused_with(
                    format!(
                        "`{}` proposed the site change and may not approve it too",
                        person.id
                    ),
                    "another approver approves it (Điều 19.3)",
                ));
            }
            (Vec::new(), Vec::new())
        }
    };
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if action == SiteAction::Return && reason.is_none() {
        return Err(LedgerError::refused_with(
            "a return needs a reason",
            "add --reason \"…\"",
        ));
    }
    let live = ledger.state.site.live.as_ref().map(|l| l.version.clone());
    let author = author(person, options)?;
    let mut version = String::new();
    let objects = Objects::new(&repo).map_err(LedgerError::git("cannot read the repository"))?;
    let commit = commit_signed_with(&repo, signer, &author, &head, &writes, &removals, |tree| {
        version = site_ids(&objects, tree)
            .map_err(|e| LedgerError::refused(e.to_string()))?
            .version();
        if action == SiteAction::Propose && live.as_deref() == Some(version.as_str()) {
            return Err(LedgerError::refused_with(
                "the site files in the working tree are the live version: nothing to propose",
                "edit site.toml, themes/ or static/ first",
            ));
        }
        if action != SiteAction::Propose
            && pending.as_ref().map(|p| p.version.as_str()) != Some(version.as_str())
        {
            return Err(LedgerError::refused_with(
                "the site files in HEAD are not the proposed version",
                Next::ProposeSiteFilesAgain,
            ));
        }
        let trailers = Trailers {
            date: Some(date),
            site: Some(SiteTrailer {
                action: action.name().into(),
                version: Some(version.clone()),
                reason: reason.map(str::to_string),
            }),
            ..Trailers::default()
        };
        Ok(trailers.to_message(&format!("stp: site {}", action.name())))
    })?;
    drop(objects);
    let files: Vec<(FileWrite, Vec<u8>)> = super::repo::as_committed(writes);
    sync_worktree(&repo, root, &files, &removals)?;
    let changed = match &ledger.state.site.live {
        Some(l) => changed_since(&repo, &l.commit, commit),
        None => Vec::new(),
    };
    let person = person.id.clone();
    confirm(&ledger.advance(commit, options)?, commit, action, &version)?;
    Ok(SiteOutcome {
        commit: commit.to_string(),
        person,
        action: action.name(),
        version,
        changed,
    })
}

/// The working tree's site files to commit, and the committed ones it no longer has.
fn proposal_files(
    root: &Path,
    repo: &Repository,
    head_tree: Oid,
    ledger: &Ledger,
) -> LedgerResult<(Vec<FileWrite>, Vec<String>)> {
    let files = SiteFiles::from_working_tree(root).map_err(|e| {
        LedgerError::refused_with(e.to_string(), "fix the site files, then propose again")
    })?;
    let config = files.config().map_err(|e| {
        LedgerError::refused_with(e.to_string(), "fix site.toml, then propose again")
    })?;
    // A section may go only once nothing in it is live: the public build must still
    // place every live article.
    for (path, record) in &ledger.state.articles {
        let section = path.split('/').nth(1).unwrap_or_default();
        if record.live.is_some() && config.section(section).is_none() {
            return Err(LedgerError::refused_with(
                format!(
                    "site.toml no longer has the section `{section}`, but {path} is live in it"
                ),
                Next::WithdrawSectionFirst,
            ));
        }
    }
    let objects = Objects::new(repo).map_err(LedgerError::git("cannot read the repository"))?;
    let committed = site_files::list(&objects, head_tree).unwrap_or_default();
    let removals = committed
        .keys()
        .filter(|p| !files.files.contains_key(*p))
        .cloned()
        .collect();
    let writes = files
        .files
        .into_iter()
        .map(|(path, bytes)| FileWrite { path, bytes })
        .collect();
    Ok((writes, removals))
}

/// The site files that differ between commit `from` and commit `to`.
fn changed_since(repo: &Repository, from: &str, to: Oid) -> Vec<String> {
    let Ok(objects) = Objects::new(repo) else {
        return Vec::new();
    };
    let tree = |c: Oid| objects.commit(c).ok().map(|c| c.tree);
    let old = Oid::from_str(from).ok().and_then(tree);
    match tree(to) {
        Some(new) => site_files::changed_paths(&objects, old, new),
        None => Vec::new(),
    }
}

/// The ledger read up to the new commit must have taken the step.
fn confirm(ledger: &Ledger, commit: Oid, action: SiteAction, version: &str) -> LedgerResult<()> {
    let site = &ledger.state.site;
    let ok = site
        .events
        .last()
        .is_some_and(|e| e.commit == commit.to_string() && e.action == action.name())
        && match action {
            SiteAction::Propose => site.pending.as_ref().is_some_and(|p| p.version == version),
            SiteAction::Approve => site
                .pending
                .as_ref()
                .is_some_and(|p| p.version == version && p.approved_by.is_some()),
            SiteAction::Return => site.pending.is_none(),
        };
    if ok {
        Ok(())
    } else {
        Err(LedgerError::refused(format!(
            "bug: stp signed commit {commit} but the ledger does not accept its site step"
        )))
    }
}

/// What the site files of `to` change against the live version, as a unified diff: the
/// working tree when `to` is `None`, else the pending proposal.
pub fn site_diff(ledger: &Ledger, working_tree: bool) -> LedgerResult<String> {
    let repo = open(&ledger.root)?;
    let tree_of = |commit: &str| -> LedgerResult<git2::Tree<'_>> {
        let oid = Oid::from_str(commit).map_err(LedgerError::git("a bad commit id"))?;
        repo.find_commit(oid)
            .and_then(|c| c.tree())
            .map_err(LedgerError::git(format!("cannot read commit {commit}")))
    };
    let live = match &ledger.state.site.live {
        Some(l) => Some(tree_of(&l.commit)?),
        None => None,
    };
    let mut opts = DiffOptions::new();
    for p in site_files::NAMES {
        opts.pathspec(p);
    }
    opts.include_untracked(true).recurse_untracked_dirs(true);
    let diff = if working_tree {
        repo.diff_tree_to_workdir(live.as_ref(), Some(&mut opts))
    } else {
        let Some(pending) = &ledger.state.site.pending else {
            return Ok(String::new());
        };
        let new = tree_of(&pending.commit)?;
        repo.diff_tree_to_tree(live.as_ref(), Some(&new), Some(&mut opts))
    }
    .map_err(LedgerError::git("cannot compare the site files"))?;
    let mut out = String::new();
    diff.print(DiffFormat::Patch, |_, _, line| {
        let prefix = match line.origin() {
            c @ ('+' | '-' | ' ') => c.to_string(),
            _ => String::new(),
        };
        out.push_str(&prefix);
        out.push_str(&String::from_utf8_lossy(line.content()));
        true
    })
    .map_err(LedgerError::git("cannot print the comparison"))?;
    Ok(out)
}
