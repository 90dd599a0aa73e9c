//! Performing a step: checking it with the same rules the ledger applies, writing the
//! article's new `status` line, and committing it signed by the acting person's key with
//! its trailers. One call per command, so `stp demo` and scripts can use it too.

use std::path::Path;

use chrono::NaiveDate;
use git2::{ObjectType, Oid};

use stp_content::{SiteConfig, parse_article};
use stp_workflow::{Action, Ground, Person, State, StepContext, check_step, required_role};

use super::article_text::{content_digest, with_status};
use super::error::{LedgerError, LedgerResult};
use super::history::{Ledger, LedgerOptions};
use super::horizon::horizon;
use super::repo::{
    FileWrite, blob_at, bundle_files, commit_signed, head_commit, identity, is_bundle_article,
    open, sync_worktree,
};
use super::sign::Signer;
use super::trailers::{StepTrailer, Trailers};
use super::trust::Trusted;
use super::validity::{must_keep_content, role_refusal};

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

/// Today's date in Vietnam (UTC+7).
pub fn today() -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&stp_content::date::vietnam())
        .date_naive()
}

/// The environment variable that states another date than today in `Stp-Date` (for
/// entering steps taken on paper on an earlier day, and for tests).
pub const DATE_VAR: &str = "STP_DATE";

/// What a commit states in `Stp-Date`: `stated` (YYYY-MM-DD, from `STP_DATE`) when given,
/// else today in Vietnam. Like any stated date it is the signer's word: the ledger never lets it move a
/// delegation window back, and reports never let dates go back. A date after tomorrow
/// (Vietnam time) is refused: the ledger would not count the step (`horizon.rs`).
pub fn stated_date(stated: Option<&str>) -> LedgerResult<NaiveDate> {
    let date = match stated {
        Some(text) if !text.trim().is_empty() => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| {
                LedgerError::refused_with(
                    format!("{DATE_VAR}=`{text}` is not a date"),
                    format!("write it as YYYY-MM-DD, e.g. {DATE_VAR}=2026-03-02, or unset it"),
                )
            })?,
        _ => return Ok(today()),
    };
    let latest = horizon();
    if date > latest {
        return Err(LedgerError::refused_with(
            format!(
                "{DATE_VAR} states {date}, after {latest} (tomorrow in Vietnam): a step is dated the day it is taken or earlier"
            ),
            format!(
                "state today's date ({}) or an earlier one, or unset {DATE_VAR}",
                today()
            ),
        ));
    }
    Ok(date)
}

/// The trusted data and the signer's person, or a refusal saying what to do.
pub fn trusted_person<'l>(
    ledger: &'l Ledger,
    signer: &Signer,
) -> LedgerResult<(&'l Trusted, &'l Person)> {
    let trusted = ledger.trusted.as_deref().ok_or_else(|| {
        LedgerError::refused_with(
            "no admin has signed workflow/people.toml yet, so nobody can sign a step",
            "the first admin runs `stp people add ID --name NAME --role admin --key THEIR.pub --signing-key THEIR_KEY`",
        )
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
                "ask an admin to run `stp people add ID --name NAME --role ROLE --key YOUR_KEY.pub`",
            )
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
    let (trusted, person) = trusted_person(&ledger, signer)?;
    let repo = open(root)?;
    let head = head_commit(&repo)?
        .ok_or_else(|| LedgerError::refused("the repository has no commit yet"))?;
    let head_tree = head.tree().map_err(LedgerError::git("cannot read HEAD"))?;
    let config = SiteConfig::load(&root.join("site.toml"))
        .map_err(|e| LedgerError::refused(e.to_string()))?;
    let date = stated_date(options.stated_date.as_deref())?;
    if let Some(clock) = ledger.state.clock
        && date < clock
        && options.stated_date.is_some()
    {
        return Err(LedgerError::refused_with(
            format!(
                "{DATE_VAR} states {date}, before {clock}, a date already in the signed history (dates never go back)"
            ),
            format!("state {clock} or later, or unset {DATE_VAR}"),
        ));
    }
    let mut articles = request.articles.clone();
    // A publish of everything also posts an approved change of the site files.
    let mut site_version = None;
    if articles.is_empty() && request.action == Action::Publish {
        articles = ledger
            .state
            .articles
            .iter()
            .filter(|(_, r)| r.state == State::Approved)
            .map(|(p, _)| p.clone())
            .collect();
        site_version = ledger
            .state
            .site
            .pending
            .as_ref()
            .filter(|p| p.approved_by.is_some())
            .map(|p| p.version.clone());
        if articles.is_empty() && site_version.is_none() {
            return Err(LedgerError::refused_with(
                "no approved article waits for publishing",
                "see the queues with `stp status`",
            ));
        }
    }
    let mut writes = Vec::new();
    let mut removals = Vec::new();
    let mut worktree = Vec::new();
    let mut trailers = Trailers {
        date: Some(date),
        ..Trailers::default()
    };
    let mut steps = Vec::new();
    let mut notes = Vec::new();
    for path in &articles {
        let record = ledger.state.articles.get(path);
        let current = record.map_or(State::Draft, |r| r.state);
        let role = required_role(request.action, current);
        let stated = Some(date).filter(|d| ledger.state.clock.is_none_or(|c| *d >= c));
        if trusted.people.grant(&person.id, role, stated).is_none() {
            return Err(LedgerError::refused_with(
                format!(
                    "{path}: {}",
                    role_refusal(trusted, &person.id, role, Some(date), ledger.state.clock)
                ),
                role_hint(trusted, request.action, &person.id, role),
            ));
        }
        let to = check_step(&StepContext {
            action: request.action,
            from: current,
            live: record.is_some_and(|r| r.live.is_some()),
            actor: &person.id,
            revision_editor: record.and_then(|r| r.revision_editor.as_deref()),
            four_eyes: trusted.config.four_eyes,
            reason: request.reason.as_deref(),
            ground: request.ground,
        })
        .map_err(|r| {
            LedgerError::refused_with(
                format!("{path} {r}"),
                format!("see its trail with `stp log {path}`"),
            )
        })?;
        let disk_path = root.join(path);
        let on_disk = std::fs::read(&disk_path).ok();
        let committed = blob_at(&repo, head_tree.id(), path).map(|(_, b)| b);
        let source = if request.action.may_amend_content() {
            on_disk.clone().ok_or_else(|| {
                LedgerError::refused(format!("{path} does not exist in the working tree"))
            })?
        } else {
            committed
                .clone()
                .ok_or_else(|| LedgerError::refused(format!("{path} is not in the last commit")))?
        };
        if request.action.may_amend_content() {
            let article = parse_article(Path::new(path), &source, &config).map_err(|e| {
                LedgerError::refused_with(
                    e.to_string(),
                    "fix the article, check it with `stp check`",
                )
            })?;
            if let Some(first) = stp_content::unfinished(&article).first() {
                let text = String::from_utf8_lossy(&source);
                return Err(LedgerError::refused_with(
                    format!("{path}:{}: {}", first.line(&text), first.message),
                    "finish the article first; `stp check` lists everything still missing",
                ));
            }
            if is_bundle_article(path) {
                bundle_changes(root, &repo, &head_tree, path, &mut writes, &mut removals)?;
            }
        }
        if must_keep_content(request.action) {
            let digest = content_digest(&source, &bundle_files(&repo, head_tree.id(), path));
            if record.and_then(|r| r.digest.as_deref()) != Some(digest.as_str()) {
                return Err(LedgerError::refused(format!(
                    "{path} is not the content that was {current}; a content change voids the step"
                )));
            }
        }
        let bytes = with_status(&source, to.as_str()).ok_or_else(|| {
            LedgerError::refused(format!("{path} has no front matter between --- lines"))
        })?;
        let blob = Oid::hash_object(ObjectType::Blob, &bytes)
            .map_err(LedgerError::git("cannot hash the article"))?;
        let disk_bytes = match &on_disk {
            Some(d) if !request.action.may_amend_content() && Some(d) != committed.as_ref() => {
                notes.push(format!(
                    "{path}: your uncommitted edits are not part of this step; they stay in the working tree"
                ));
                with_status(d, to.as_str()).unwrap_or_else(|| d.clone())
            }
            _ => bytes.clone(),
        };
        worktree.push((
            FileWrite {
                path: path.clone(),
                bytes: bytes.clone(),
            },
            disk_bytes,
        ));
        writes.push(FileWrite {
            path: path.clone(),
            bytes,
        });
        trailers.steps.push(StepTrailer {
            article: path.clone(),
            transition: Some(format!("{current} -> {to}")),
            blob: Some(blob.to_string()),
            reason: request
                .reason
                .clone()
                .filter(|_| request.action.needs_reason()),
            ground: request.ground.map(|g| g.to_string()),
            adopt: false,
        });
        steps.push((path.clone(), current, to));
    }
    if let Some(version) = &site_version {
        trailers.site = Some(super::trailers::SiteTrailer {
            action: super::site_change::PUBLISH.into(),
            version: Some(version.clone()),
            reason: None,
        });
    }
    let summary = match articles.as_slice() {
        [] => format!("stp: {} the site files", request.action),
        [one] => format!("stp: {} {one}", request.action),
        many => format!("stp: {} {} articles", request.action, many.len()),
    };
    let commit = commit_as(
        &repo,
        signer,
        person,
        &head,
        &writes,
        &removals,
        &trailers.to_message(&summary),
    )?;
    let articles_written: Vec<String> = worktree.iter().map(|(c, _)| c.path.clone()).collect();
    for w in writes
        .iter()
        .filter(|w| !articles_written.contains(&w.path))
    {
        worktree.push((
            FileWrite {
                path: w.path.clone(),
                bytes: w.bytes.clone(),
            },
            w.bytes.clone(),
        ));
    }
    sync_worktree(&repo, root, &worktree, &removals)?;
    let confirmed = confirm(root, options, commit, &steps)?;
    if let Some(version) = &site_version
        && confirmed.state.site.live.as_ref().map(|l| &l.version) != Some(version)
    {
        return Err(LedgerError::refused(format!(
            "bug: stp signed commit {commit} but the ledger does not take its site files live"
        )));
    }
    Ok(StepOutcome {
        commit: commit.to_string(),
        person: person.id.clone(),
        steps,
        notes,
    })
}

/// Commits on top of `head` with `person` as author, signed by `signer`.
pub(super) fn commit_as(
    repo: &git2::Repository,
    signer: &Signer,
    person: &Person,
    head: &git2::Commit<'_>,
    writes: &[FileWrite],
    removals: &[String],
    message: &str,
) -> LedgerResult<Oid> {
    commit_signed(
        repo,
        signer,
        &author(person)?,
        head,
        writes,
        removals,
        message,
    )
}

/// `person` as a commit's author (an address of their own, or `ID@stp.invalid`).
pub(super) fn author(person: &Person) -> LedgerResult<git2::Signature<'static>> {
    let email = person
        .email
        .clone()
        .unwrap_or_else(|| format!("{}@stp.invalid", person.id));
    identity(&person.name, &email)
}

/// The files of a bundle as they are in the working tree, against HEAD.
pub(super) fn bundle_changes(
    root: &Path,
    repo: &git2::Repository,
    head_tree: &git2::Tree<'_>,
    article: &str,
    writes: &mut Vec<FileWrite>,
    removals: &mut Vec<String>,
) -> LedgerResult<()> {
    let dir = Path::new(article).parent().unwrap_or(Path::new(""));
    let mut on_disk = Vec::new();
    for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
        let entry = entry.map_err(|e| LedgerError::refused(format!("{}: {e}", dir.display())))?;
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || name.ends_with(".md") || name.starts_with('.') {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .to_string();
        let bytes = std::fs::read(entry.path()).map_err(LedgerError::io(entry.path()))?;
        on_disk.push(rel.clone());
        writes.push(FileWrite { path: rel, bytes });
    }
    for (path, _) in bundle_files(repo, head_tree.id(), article) {
        if !on_disk.contains(&path) {
            removals.push(path);
        }
    }
    Ok(())
}

/// Reads the new commit back and checks every step came out valid; a step stp signed
/// that the ledger refuses would be a bug, and is reported as one.
pub(super) fn confirm(
    root: &Path,
    options: &LedgerOptions,
    commit: Oid,
    steps: &[(String, State, State)],
) -> LedgerResult<Ledger> {
    let ledger = Ledger::load(root, options)?;
    let commit = commit.to_string();
    for (path, _, to) in steps {
        let ok = ledger.state.articles.get(path).is_some_and(|r| {
            r.state == *to
                && r.events.last().is_some_and(|e| {
                    e.commit == commit
                        && matches!(
                            e.kind,
                            super::state::EventKind::Step { .. }
                                | super::state::EventKind::Adopted { .. }
                        )
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
    Ok(ledger)
}

/// The articles waiting for `action` that `person` may sign today (or on the date `stated`
/// in `STP_DATE`, as `stated_date` reads it).
pub fn queue(
    ledger: &Ledger,
    person: &Person,
    action: Action,
    stated: Option<&str>,
) -> Vec<(String, State, i64)> {
    let Some(trusted) = ledger.trusted.as_deref() else {
        return Vec::new();
    };
    let date = stated_date(stated)
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

/// The hint after a refused step: who holds the role now, and how an admin gives it
/// (`grant` keeps the person's other roles).
fn role_hint(
    trusted: &super::trust::Trusted,
    action: impl std::fmt::Display,
    id: &str,
    role: stp_workflow::Role,
) -> String {
    let holders = trusted.people.holders(role);
    let who = if holders.is_empty() {
        format!("nobody holds the {role} role yet")
    } else {
        format!("the {role} role is held by {}", holders.join(", "))
    };
    format!(
        "`{action}` needs the {role} role; {who}: ask one of them, or ask an admin to run `stp people grant {id} {role}`"
    )
}
