//! Performing a step: planned first (`step_plan.rs`: the rules checked, the commit to sign
//! produced, nothing written), then committed signed by the acting person's key, put into
//! the working tree, and confirmed by reading only the new commit into the ledger as
//! loaded. One call per command, so `stp demo` and scripts can use it too.

use std::path::Path;

use git2::Oid;

use stp_content::SiteConfig;
use stp_workflow::{Action, Ground, Person, State, required_role};

use super::error::{LedgerError, LedgerResult, Why};
use super::history::{Ledger, LedgerOptions};
use super::horizon::stated_date;
use super::next::Next;
use super::repo::{commit_signed, head_commit, identity, open, sync_worktree};
use super::sign::Signer;
use super::state::EventKind;
use super::step_plan::{PlanInput, StepPlan, plan_step};
use super::trust::Trusted;

/// A step to sign.
#[derive(Debug, Clone)]
pub struct StepRequest {
    pub action: Action,
    /// Repository-relative article paths; empty for `publish` means every approved one.
    pub articles: Vec<String>,
    pub reason: Option<String>,
    pub ground: Option<Ground>,
}

/// What a step wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StepOutcome {
    pub commit: String,
    pub person: String,
    /// `(article, from, to)`.
    pub steps: Vec<(String, State, State)>,
    /// Things the user should know (local edits left out of the step).
    pub notes: Vec<String>,
}

/// The trusted data and the signer's person, or a refusal saying what to do.
pub fn trusted_person<'l>(
    ledger: &'l Ledger,
    signer: &Signer,
) -> LedgerResult<(&'l Trusted, &'l Person)> {
    let trusted = ledger.trusted.as_deref().ok_or_else(|| {
        LedgerError::refused_with(
            "no admin has signed workflow/people.toml yet, so nobody can sign a step",
            Next::FirstAdmin,
        )
        .because(Why::NoTrustedPeople)
    })?;
    let person = trusted
        .people
        .by_fingerprint(&signer.fingerprint)
        .ok_or_else(|| {
            LedgerError::refused_with(
                format!(
                    "the key {} ({}) is not in the trusted workflow/people.toml",
                    signer.fingerprint,
                    signer.origin.display()
                ),
                Next::AddMe,
            )
            .because(Why::UnknownKey {
                fingerprint: signer.fingerprint.clone(),
                origin: signer.origin.clone(),
            })
        })?;
    Ok((trusted, person))
}

/// Performs `request` in the repository at `root`, signed by `signer`.
pub fn perform_step(
    root: &Path,
    signer: &Signer,
    request: &StepRequest,
    options: &LedgerOptions,
) -> LedgerResult<StepOutcome> {
    let ledger = Ledger::load(root, options)?;
    perform_step_on(ledger, signer, request, options).map(|(outcome, _)| outcome)
}

/// Performs `request` on `ledger`, read up to the last commit of its repository. Returns
/// what was written and the ledger as of the new commit, which only that commit was read
/// into (a caller signing several steps in a row never reads the history again).
pub fn perform_step_on(
    ledger: Ledger,
    signer: &Signer,
    request: &StepRequest,
    options: &LedgerOptions,
) -> LedgerResult<(StepOutcome, Ledger)> {
    let (commit, plan, person) = planned(&ledger, signer, request, options, |p| {
        let commit = commit_signed(
            p.repo,
            signer,
            &author(p.person, options)?,
            p.head,
            &p.plan.writes,
            &p.plan.removals,
            &p.plan.message,
        )?;
        sync_worktree(p.repo, &ledger.root, &p.plan.worktree, &p.plan.removals)?;
        Ok((commit, p.plan, p.person.id.clone()))
    })?;
    let ledger = ledger.advance(commit, options)?;
    confirm(&ledger, commit, &plan.steps)?;
    if let Some(version) = &plan.site_version
        && ledger.state.site.live.as_ref().map(|l| &l.version) != Some(version)
    {
        return Err(LedgerError::refused(format!(
            "bug: stp signed commit {commit} but the ledger does not take its site files live"
        )));
    }
    let outcome = StepOutcome {
        commit: commit.to_string(),
        person,
        steps: plan.steps,
        notes: plan.notes,
    };
    Ok((outcome, ledger))
}

/// What `request` would do, checked exactly as `perform_step` checks it (the signer's
/// role, the states, the content); nothing is signed or written. For `stp publish
/// --dry-run`: what would go live.
pub fn preview_step(
    root: &Path,
    signer: &Signer,
    request: &StepRequest,
    options: &LedgerOptions,
) -> LedgerResult<StepPreview> {
    let ledger = Ledger::load(root, options)?;
    preview_step_on(&ledger, signer, request, options)
}

/// `preview_step` on a ledger already read (the desk asks it for each button it may show).
pub fn preview_step_on(
    ledger: &Ledger,
    signer: &Signer,
    request: &StepRequest,
    options: &LedgerOptions,
) -> LedgerResult<StepPreview> {
    planned(ledger, signer, request, options, |p| {
        Ok(StepPreview {
            person: p.person.id.clone(),
            steps: p.plan.steps,
            site_version: p.plan.site_version,
            notes: p.plan.notes,
        })
    })
}

/// What a step would do.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StepPreview {
    pub person: String,
    /// `(article, from, to)`.
    pub steps: Vec<(String, State, State)>,
    /// The version of the site files a publish of everything would take live.
    pub site_version: Option<String>,
    pub notes: Vec<String>,
}

/// A planned step and what it was planned against.
struct Planned<'a> {
    repo: &'a git2::Repository,
    head: &'a git2::Commit<'a>,
    person: &'a Person,
    plan: StepPlan,
}

/// Plans `request` on `ledger` and hands the plan to `then`.
fn planned<T>(
    ledger: &Ledger,
    signer: &Signer,
    request: &StepRequest,
    options: &LedgerOptions,
    then: impl FnOnce(Planned<'_>) -> LedgerResult<T>,
) -> LedgerResult<T> {
    let root = ledger.root.as_path();
    let (trusted, person) = trusted_person(ledger, signer)?;
    let repo = open(root)?;
    let head = head_commit(&repo)?
        .ok_or_else(|| LedgerError::refused("the repository has no commit yet"))?;
    let head_tree = head.tree().map_err(LedgerError::git("cannot read HEAD"))?;
    let config = SiteConfig::load(&root.join("site.toml"))
        .map_err(|e| LedgerError::refused(e.to_string()))?;
    let input = PlanInput {
        root,
        repo: &repo,
        head_tree: &head_tree,
        config: &config,
        trusted,
        person,
        date: stated_date(options)?,
        stated: options.stated_date.is_some(),
    };
    let plan = plan_step(ledger, &input, request)?;
    then(Planned {
        repo: &repo,
        head: &head,
        person,
        plan,
    })
}

/// `person` as a commit's author (an address of their own, or `ID@stp.invalid`), at the
/// commit time the options give (`Surroundings::commit_time`), else now.
pub(super) fn author(
    person: &Person,
    options: &LedgerOptions,
) -> LedgerResult<git2::Signature<'static>> {
    let email = person
        .email
        .clone()
        .unwrap_or_else(|| format!("{}@stp.invalid", person.id));
    identity(
        &person.name,
        &email,
        options.surroundings.commit_time.as_deref(),
    )
}

/// Checks that every step of `commit` came out valid in `ledger` (read up to it); a step
/// stp signed that the ledger refuses would be a bug, and is reported as one.
pub(super) fn confirm(
    ledger: &Ledger,
    commit: Oid,
    steps: &[(String, State, State)],
) -> LedgerResult<()> {
    let commit = commit.to_string();
    for (path, _, to) in steps {
        let ok = ledger.state.articles.get(path).is_some_and(|r| {
            r.state == *to
                && r.events.last().is_some_and(|e| {
                    e.commit == commit
                        && matches!(e.kind, EventKind::Step { .. } | EventKind::Adopted { .. })
                })
        });
        if !ok {
            let why = ledger
                .state
                .issues
                .iter()
                .rev()
                .find(|i| i.commit == commit)
                .map(|i| i.why.clone())
                .unwrap_or_default();
            return Err(LedgerError::refused(format!(
                "bug: stp signed commit {commit} but the ledger does not accept its step for {path}: {why}"
            )));
        }
    }
    Ok(())
}

/// The articles waiting for `action` that `person` may sign today (or on the date the
/// options state, as `stated_date` reads it).
pub fn queue(
    ledger: &Ledger,
    person: &Person,
    action: Action,
    options: &LedgerOptions,
) -> Vec<(String, State, i64)> {
    let Some(trusted) = ledger.trusted.as_deref() else {
        return Vec::new();
    };
    let date = stated_date(options)
        .ok()
        .filter(|d| ledger.state.clock.is_none_or(|c| *d >= c));
    ledger
        .state
        .articles
        .iter()
        .filter(|(_, r)| stp_workflow::next_state(action, r.state, r.live.is_some()).is_some())
        .filter(|(_, r)| {
            trusted
                .people
                .grant(&person.id, required_role(action, r.state), date)
                .is_some()
        })
        .map(|(p, r)| (p.clone(), r.state, r.since))
        .collect()
}

/// Signs the `submit` of a bundle intake has just written (`article`, its `index.md`,
/// repository-relative); when the step is refused, removes the bundle, so that nothing is
/// left half-done. `stp intake` and the desk's intake both take submissions in this way.
pub fn submit_new_bundle(
    root: &Path,
    signer: &Signer,
    article: &str,
    options: &LedgerOptions,
) -> LedgerResult<StepOutcome> {
    let request = StepRequest {
        action: Action::Submit,
        articles: vec![article.to_string()],
        reason: None,
        ground: None,
    };
    perform_step(root, signer, &request, options).inspect_err(|_| {
        if let Some(bundle) = root.join(article).parent() {
            let _ = std::fs::remove_dir_all(bundle);
        }
    })
}
