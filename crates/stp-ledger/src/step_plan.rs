//! Planning a step, before anything is written: from the ledger as read, the last commit
//! and the working tree, check the step with the same rules the ledger applies to history
//! (the role as of today, the transition, four eyes, unchanged content where the step may
//! not change it, a finished article) and produce the commit to sign: the files with their
//! new `status` line, the bundle's files, the trailers and the message, and what to put
//! back in the working tree. A refused step has written nothing.

use std::path::Path;

use chrono::NaiveDate;
use git2::{ObjectType, Oid, Repository, Tree};

use stp_content::{SiteConfig, parse_article};
use stp_workflow::{Action, Person, State, StepContext, check_step, required_role};

use super::article_text::{content_digest, with_status};
use super::error::{LedgerError, LedgerResult, Why};
use super::history::Ledger;
use super::horizon::DATE_VAR;
use super::next::Next;
use super::repo::{FileWrite, blob_at, bundle_files, is_bundle_article};
use super::steps::StepRequest;
use super::trailers::{SiteTrailer, StepTrailer, Trailers};
use super::trust::Trusted;
use super::validity::{must_keep_content, role_refusal};

/// The commit a step makes, planned and checked but not written.
pub struct StepPlan {
    /// The files the commit writes (articles with their new status, bundle files).
    pub writes: Vec<FileWrite>,
    /// The bundle files the commit removes.
    pub removals: Vec<String>,
    /// For each article: what the commit holds, and what the working tree gets (the same,
    /// or the person's own uncommitted edits with the new status line).
    pub worktree: Vec<(FileWrite, Vec<u8>)>,
    /// The commit message with its trailers.
    pub message: String,
    /// `(article, from, to)`.
    pub steps: Vec<(String, State, State)>,
    /// The version of the site files a publish of everything takes live, if any.
    pub site_version: Option<String>,
    /// Things the user should know (local edits left out of the step).
    pub notes: Vec<String>,
}

/// What a plan reads besides the request: the repository, its last commit's tree, the
/// site settings, the signer's person and the date the step states.
pub struct PlanInput<'a> {
    pub root: &'a Path,
    pub repo: &'a Repository,
    pub head_tree: &'a Tree<'a>,
    pub config: &'a SiteConfig,
    pub trusted: &'a Trusted,
    pub person: &'a Person,
    pub date: NaiveDate,
    /// Whether the date was stated (`STP_DATE`) rather than today.
    pub stated: bool,
}

/// Plans `request` against `ledger` as read up to the last commit.
pub fn plan_step(
    ledger: &Ledger,
    input: &PlanInput<'_>,
    request: &StepRequest,
) -> LedgerResult<StepPlan> {
    if let Some(clock) = ledger.state.clock
        && input.date < clock
        && input.stated
    {
        return Err(LedgerError::refused_with(
            format!(
                "{DATE_VAR} states {}, before {clock}, a date already in the signed history (dates never go back)",
                input.date
            ),
            format!("state {clock} or later, or unset {DATE_VAR}"),
        ));
    }
    let (articles, site_version) = selection(ledger, request)?;
    let mut plan = StepPlan {
        writes: Vec::new(),
        removals: Vec::new(),
        worktree: Vec::new(),
        message: String::new(),
        steps: Vec::new(),
        site_version,
        notes: Vec::new(),
    };
    let mut trailers = Trailers {
        date: Some(input.date),
        ..Trailers::default()
    };
    for path in &articles {
        trailers
            .steps
            .push(plan_article(ledger, input, request, path, &mut plan)?);
    }
    if let Some(version) = &plan.site_version {
        trailers.site = Some(SiteTrailer {
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
    plan.message = trailers.to_message(&summary);
    // Bundle files go into the working tree as committed.
    for w in &plan.writes {
        if !plan.worktree.iter().any(|(c, _)| c.path == w.path) {
            plan.worktree.push((
                FileWrite {
                    path: w.path.clone(),
                    bytes: w.bytes.clone(),
                },
                w.bytes.clone(),
            ));
        }
    }
    Ok(plan)
}

/// The articles the step names; for a publish without names, every approved article and
/// an approved change of the site files.
fn selection(
    ledger: &Ledger,
    request: &StepRequest,
) -> LedgerResult<(Vec<String>, Option<String>)> {
    if !request.articles.is_empty() || request.action != Action::Publish {
        return Ok((request.articles.clone(), None));
    }
    let articles: Vec<String> = ledger
        .state
        .articles
        .iter()
        .filter(|(_, r)| r.state == State::Approved)
        .map(|(p, _)| p.clone())
        .collect();
    let site_version = ledger
        .state
        .site
        .pending
        .as_ref()
        .filter(|p| p.approved_by.is_some())
        .map(|p| p.version.clone());
    if articles.is_empty() && site_version.is_none() {
        return Err(LedgerError::refused_with(
            "no approved article waits for publishing",
            Next::Queues,
        )
        .because(Why::NothingApproved));
    }
    Ok((articles, site_version))
}

/// Checks the step for one article and adds its files to `plan`; returns its trailer.
fn plan_article(
    ledger: &Ledger,
    input: &PlanInput<'_>,
    request: &StepRequest,
    path: &str,
    plan: &mut StepPlan,
) -> LedgerResult<StepTrailer> {
    let record = ledger.state.articles.get(path);
    let current = record.map_or(State::Draft, |r| r.state);
    let to = check_rules(ledger, input, request, path, current)?;
    let amends = request.action.may_amend_content();
    let on_disk = std::fs::read(input.root.join(path)).ok();
    let committed = blob_at(input.repo, input.head_tree.id(), path).map(|(_, b)| b);
    let source = if amends {
        on_disk.clone().ok_or_else(|| {
            LedgerError::refused(format!("{path} does not exist in the working tree"))
        })?
    } else {
        committed
            .clone()
            .ok_or_else(|| LedgerError::refused(format!("{path} is not in the last commit")))?
    };
    if amends {
        finished(input.config, path, &source)?;
        if is_bundle_article(path) {
            bundle_changes(
                input.root,
                input.repo,
                input.head_tree,
                path,
                &mut plan.writes,
                &mut plan.removals,
            )?;
        }
    }
    if must_keep_content(request.action) {
        let digest = content_digest(
            &source,
            &bundle_files(input.repo, input.head_tree.id(), path),
        );
        if record.and_then(|r| r.digest.as_deref()) != Some(digest.as_str()) {
            return Err(LedgerError::refused(format!(
                "{path} is not the content that was {current}; a content change voids the step"
            ))
            .because(Why::ContentChanged {
                article: path.to_string(),
                state: current,
            }));
        }
    }
    let bytes = with_status(&source, to.as_str()).ok_or_else(|| {
        LedgerError::refused(format!("{path} has no front matter between --- lines"))
    })?;
    let blob = Oid::hash_object(ObjectType::Blob, &bytes)
        .map_err(LedgerError::git("cannot hash the article"))?;
    let disk_bytes = match &on_disk {
        Some(d) if !amends && Some(d) != committed.as_ref() => {
            plan.notes.push(format!(
                "{path}: your uncommitted edits are not part of this step; they stay in the working tree"
            ));
            with_status(d, to.as_str()).unwrap_or_else(|| d.clone())
        }
        _ => bytes.clone(),
    };
    plan.worktree.push((
        FileWrite {
            path: path.to_string(),
            bytes: bytes.clone(),
        },
        disk_bytes,
    ));
    plan.writes.push(FileWrite {
        path: path.to_string(),
        bytes,
    });
    plan.steps.push((path.to_string(), current, to));
    Ok(StepTrailer {
        article: path.to_string(),
        transition: Some(format!("{current} -> {to}")),
        blob: Some(blob.to_string()),
        reason: request
            .reason
            .clone()
            .filter(|_| request.action.needs_reason()),
        ground: request.ground.map(|g| g.to_string()),
        adopt: false,
    })
}

/// The role the person must hold today and the workflow's rules for the transition;
/// returns the state the step leads to.
fn check_rules(
    ledger: &Ledger,
    input: &PlanInput<'_>,
    request: &StepRequest,
    path: &str,
    current: State,
) -> LedgerResult<State> {
    let record = ledger.state.articles.get(path);
    let role = required_role(request.action, current);
    let clock = ledger.state.clock;
    let stated = Some(input.date).filter(|d| clock.is_none_or(|c| *d >= c));
    let person = input.person;
    if input
        .trusted
        .people
        .grant(&person.id, role, stated)
        .is_none()
    {
        let delegated = input
            .trusted
            .people
            .delegations_to(&person.id, role)
            .next()
            .is_some();
        let refusal = LedgerError::refused_with(
            format!(
                "{path}: {}",
                role_refusal(input.trusted, &person.id, role, Some(input.date), clock)
            ),
            Next::GrantRole {
                action: request.action.to_string(),
                person: person.id.clone(),
                role,
                holders: input
                    .trusted
                    .people
                    .holders(role)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
            },
        );
        // The refusals about a delegation's dates keep their English words.
        return Err(if delegated {
            refusal
        } else {
            refusal.because(Why::MissingRole {
                article: path.to_string(),
                person: person.id.clone(),
                role,
            })
        });
    }
    check_step(&StepContext {
        action: request.action,
        from: current,
        live: record.is_some_and(|r| r.live.is_some()),
        actor: &person.id,
        revision_editor: record.and_then(|r| r.revision_editor.as_deref()),
        four_eyes: input.trusted.config.four_eyes,
        reason: request.reason.as_deref(),
        ground: request.ground,
    })
    .map_err(|r| {
        LedgerError::refused_with(
            format!("{path} {r}"),
            Next::Log {
                article: path.to_string(),
            },
        )
        .because(Why::Rule {
            article: path.to_string(),
            refusal: r,
        })
    })
}

/// Refuses an article that does not parse or still misses a required field or its body.
fn finished(config: &SiteConfig, path: &str, source: &[u8]) -> LedgerResult<()> {
    let article = parse_article(Path::new(path), source, config).map_err(|e| {
        LedgerError::refused_with(e.to_string(), Next::FixArticle { adopted: false })
    })?;
    match stp_content::unfinished(&article).first() {
        Some(first) => Err(LedgerError::refused_with(
            format!(
                "{path}:{}: {}",
                first.line(&String::from_utf8_lossy(source)),
                first.message
            ),
            Next::FinishArticle,
        )),
        None => Ok(()),
    }
}

/// The files of a bundle as they are in the working tree, against HEAD: added to
/// `writes` and `removals`.
pub(super) fn bundle_changes(
    root: &Path,
    repo: &Repository,
    head_tree: &Tree<'_>,
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
