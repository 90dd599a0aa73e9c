//! Reading one commit into the ledger. A step is valid only if the commit's signature
//! verifies; the signer holds the step's role in the trusted people data as of the
//! commit's first parent (directly, or by a delegation whose window holds the date the
//! signer states, which may not go back); the article's previous valid state is one the
//! step starts from; and the blob it names is the one it commits, with the content signed
//! at the previous step when the step may not change it. Commit timestamps play no part.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;
use git2::{Oid, Repository};

use stp_content::MAX_FILE_BYTES;
use stp_workflow::{
    Action, Ground, PEOPLE_FILE, Person, Role, State, StepContext, check_step, required_role,
};

use super::changes::CommitFacts;
use super::horizon::too_late;
use super::malformed::malformed_issue;
use super::state::{ArticleRecord, Event, EventKind, Issue, LedgerState, LiveVersion};
use super::trailers::StepTrailer;
use super::trust::{self, Trusted};
use super::verify::SignatureCheck;
use super::{acks, merge, site_change};

impl CommitFacts {
    /// The article's blob and content digest in the commit. The fact reader reads every
    /// article a commit names in its trailers or changes, which are all the rules ask about.
    fn article_version(&self, path: &str) -> Option<(Oid, String)> {
        self.articles.get(path).and_then(|f| f.version.clone())
    }

    /// The article's `status` line in the commit and in its first parent.
    fn statuses(&self, path: &str) -> (Option<String>, Option<String>) {
        self.articles.get(path).map_or((None, None), |f| {
            (f.status.clone(), f.parent_status.clone())
        })
    }
}

/// What judging a commit needs besides the history: the pinned first admin, and the
/// latest date a step may state on the machine that reads (`horizon.rs`).
#[derive(Debug, Clone, Copy)]
pub struct ReadRules<'a> {
    pub pin: Option<&'a str>,
    pub horizon: NaiveDate,
}

/// Reads commit `oid` into `state`. `trusted` is the trust data as of its first parent and
/// becomes the trust data as of the commit.
pub fn apply_commit(
    repo: &Repository,
    state: &mut LedgerState,
    trusted: &mut Option<Arc<Trusted>>,
    ctx: &CommitFacts,
    rules: &ReadRules<'_>,
) {
    match &ctx.malformed {
        Some(why) => {
            state.issues.push(malformed_issue(ctx, why));
            // A malformed merge can go around signed history like any other.
            merge::check(repo, state, trusted.as_deref(), ctx);
        }
        None => apply_readable(repo, state, trusted, ctx, rules),
    }
    state.tip = Some(ctx.oid.to_string());
    state.commits += 1;
}

/// Applies a commit that is not malformed.
fn apply_readable(
    repo: &Repository,
    state: &mut LedgerState,
    trusted: &mut Option<Arc<Trusted>>,
    ctx: &CommitFacts,
    rules: &ReadRules<'_>,
) {
    for (path, size) in &ctx.oversized {
        state.issues.push(Issue {
            commit: ctx.oid.to_string(),
            summary: ctx.summary.clone(),
            time: ctx.time,
            kind: "size".into(),
            subject: path.clone(),
            why: format!(
                "this version is {size} bytes, over the limit of {MAX_FILE_BYTES} bytes for an article; it is not read and cannot be published"
            ),
        });
    }
    let changed = &ctx.changed;
    let mut stepped = BTreeSet::new();
    let mut mentioned = BTreeSet::new();
    let mut any_valid = false;
    let horizon = rules.horizon;
    for step in &ctx.trailers.steps {
        mentioned.insert(step.article.clone());
        match check(state, trusted.as_deref(), ctx, step, horizon) {
            Ok(applied) => {
                any_valid = true;
                stepped.insert(step.article.clone());
                let record = state.articles.entry(step.article.clone()).or_default();
                applied.apply(record, ctx);
            }
            Err((signer, why)) => {
                let transition = step.transition.clone().unwrap_or_default();
                state.issues.push(Issue {
                    commit: ctx.oid.to_string(),
                    summary: ctx.summary.clone(),
                    time: ctx.time,
                    kind: "status".into(),
                    subject: step.article.clone(),
                    why: format!("`{transition}` is not valid: {why}"),
                });
                state
                    .articles
                    .entry(step.article.clone())
                    .or_default()
                    .events
                    .push(event(
                        ctx,
                        EventKind::Invalid {
                            transition,
                            signer,
                            why,
                        },
                    ));
            }
        }
    }
    for path in changed.difference(&stepped) {
        content_changed(state, ctx, path, mentioned.contains(path));
    }
    // Site steps and acknowledgements are judged against the trust data as of the first
    // parent, like the article steps, before this commit's own trust change is read.
    if site_change::apply(repo, state, trusted.as_deref(), ctx, horizon) {
        any_valid = true;
    }
    if acks::apply(state, trusted.as_deref(), ctx) {
        any_valid = true;
    }
    if trust::apply(repo, state, trusted, ctx, rules.pin) {
        any_valid = true;
    }
    site_change::trust_root(state, ctx);
    merge::check(repo, state, trusted.as_deref(), ctx);
    if any_valid {
        state.last_signed = Some(ctx.oid.to_string());
    }
    match ctx.trailers.date {
        Some(date) if date > horizon => {
            state.postdated = Some(state.postdated.map_or(date, |p| p.min(date)));
        }
        Some(date) if any_valid => state.clock = Some(state.clock.map_or(date, |c| c.max(date))),
        _ => {}
    }
}

fn event(ctx: &CommitFacts, kind: EventKind) -> Event {
    Event {
        commit: ctx.oid.to_string(),
        time: ctx.time,
        date: ctx.trailers.date,
        kind,
    }
}

/// A valid step, ready to apply.
struct Applied {
    kind: EventKind,
    to: State,
    digest: String,
    blob: Oid,
    person: String,
    name: String,
}

impl Applied {
    fn apply(self, record: &mut ArticleRecord, ctx: &CommitFacts) {
        match &self.kind {
            EventKind::Step {
                action: Action::Submit,
                ..
            } => record.revision_editor = None,
            EventKind::Step {
                action: Action::Review,
                ..
            } => record.revision_editor = Some(self.person.clone()),
            EventKind::Step {
                action: Action::Publish,
                ..
            }
            | EventKind::Adopted { .. } => {
                record.live = Some(LiveVersion {
                    commit: ctx.oid.to_string(),
                    blob: self.blob.to_string(),
                    by: self.person.clone(),
                    by_name: self.name.clone(),
                    at: ctx.trailers.date.map(|d| d.to_string()).unwrap_or_default(),
                })
            }
            EventKind::Step {
                action: Action::Withdraw,
                ..
            } => record.live = None,
            _ => {}
        }
        record.state = self.to;
        record.digest = Some(self.digest);
        record.since = ctx.time;
        record.events.push(event(ctx, self.kind));
    }
}

type Rejection = (Option<String>, String);

/// Checks one step of `ctx` against the rules.
fn check(
    state: &LedgerState,
    trusted: Option<&Trusted>,
    ctx: &CommitFacts,
    step: &StepTrailer,
    horizon: NaiveDate,
) -> Result<Applied, Rejection> {
    let no = |why: String| (None, why);
    let fingerprint = match &ctx.signature {
        SignatureCheck::Valid { fingerprint } => fingerprint,
        SignatureCheck::Unsigned => return Err(no("the commit is not signed".into())),
        SignatureCheck::Invalid(why) => return Err(no(why.clone())),
    };
    let trusted = trusted.ok_or_else(|| {
        no("no admin has signed the trust data yet, so nobody holds a role".into())
    })?;
    let person = trusted.people.by_fingerprint(fingerprint).ok_or_else(|| {
        no(format!(
            "signed by key {fingerprint}, which is not in the trusted {PEOPLE_FILE}"
        ))
    })?;
    let signer = Some(person.id.clone());
    let no = |why: String| (signer.clone(), why);
    if let Some(why) = too_late(ctx.trailers.date, horizon) {
        return Err(no(why));
    }
    if step.adopt {
        return check_adoption(state, ctx, step, person).map_err(no);
    }
    let (from, to) = parse_transition(step.transition.as_deref()).map_err(no)?;
    let action = Action::reaching(to).ok_or_else(|| no(format!("no step leads to `{to}`")))?;
    let record = state.articles.get(&step.article);
    let current = record.map_or(State::Draft, |r| r.state);
    if from != current {
        return Err(no(format!(
            "it says the article was {from}, but its last valid state is {current}"
        )));
    }
    let role = required_role(action, current);
    let date = ctx.trailers.date;
    let grant = trusted
        .people
        .grant(
            &person.id,
            role,
            date.filter(|d| state.clock.is_none_or(|c| *d >= c)),
        )
        .ok_or_else(|| no(role_refusal(trusted, &person.id, role, date, state.clock)))?;
    let ground = match step.ground.as_deref() {
        Some(g) => Some(g.parse::<Ground>().map_err(no)?),
        None => None,
    };
    let live = record.is_some_and(|r| r.live.is_some());
    check_step(&StepContext {
        action,
        from: current,
        live,
        actor: &person.id,
        revision_editor: record.and_then(|r| r.revision_editor.as_deref()),
        four_eyes: trusted.config.four_eyes,
        reason: step.reason.as_deref(),
        ground,
    })
    .map_err(|r| no(format!("the article {r}")))?;
    let (blob, digest) = committed_version(ctx, step).map_err(no)?;
    if must_keep_content(action) && record.and_then(|r| r.digest.as_deref()) != Some(&digest) {
        return Err(no(format!(
            "the content is not what was {current}: a content change voids the step"
        )));
    }
    Ok(Applied {
        kind: EventKind::Step {
            action,
            from: current,
            to,
            person: person.id.clone(),
            name: person.name.clone(),
            role,
            grant,
            reason: step.reason.clone(),
            ground: ground.map(|g| g.to_string()),
        },
        to,
        digest,
        blob,
        person: person.id.clone(),
        name: person.name.clone(),
    })
}

/// The article's blob and digest in the commit, which must be the blob `Stp-Blob` names.
fn committed_version(ctx: &CommitFacts, step: &StepTrailer) -> Result<(Oid, String), String> {
    let (blob, digest) = ctx
        .article_version(&step.article)
        .ok_or_else(|| format!("the commit has no file {}", step.article))?;
    if step.blob.as_deref() != Some(blob.to_string().as_str()) {
        return Err(format!(
            "Stp-Blob names {}, but the commit holds {blob}",
            step.blob.as_deref().unwrap_or("nothing")
        ));
    }
    Ok((blob, digest))
}

/// An adoption (`stp adopt`): an admin of the trusted people data records an article from
/// before stp, which the ledger has never seen, as published. Anyone else's adoption, or
/// one of an article with a signed history, grants nothing.
fn check_adoption(
    state: &LedgerState,
    ctx: &CommitFacts,
    step: &StepTrailer,
    person: &Person,
) -> Result<Applied, String> {
    if !person.has_role(Role::Admin) {
        return Err(format!(
            "`{}` is not an admin, and only an admin adopts articles from before stp",
            person.id
        ));
    }
    if state
        .articles
        .get(&step.article)
        .is_some_and(ArticleRecord::has_history)
    {
        return Err(
            "the article already has a signed history; adopt is only for articles stp has never seen"
                .into(),
        );
    }
    let (blob, digest) = committed_version(ctx, step)?;
    Ok(Applied {
        kind: EventKind::Adopted {
            person: person.id.clone(),
            name: person.name.clone(),
        },
        to: State::Published,
        digest,
        blob,
        person: person.id.clone(),
        name: person.name.clone(),
    })
}

/// The final check and the posting sign exactly the content verified (Điều 15.3).
pub fn must_keep_content(action: Action) -> bool {
    matches!(action, Action::Approve | Action::Publish)
}

fn parse_transition(text: Option<&str>) -> Result<(State, State), String> {
    let text = text.ok_or("the commit names the article but no Stp-Transition")?;
    let (from, to) = text
        .split_once("->")
        .ok_or_else(|| format!("`{text}` is not `<from> -> <to>`"))?;
    Ok((from.trim().parse()?, to.trim().parse()?))
}

/// Why `id` does not hold `role` for a step stating `date`.
pub fn role_refusal(
    trusted: &Trusted,
    id: &str,
    role: stp_workflow::Role,
    date: Option<NaiveDate>,
    clock: Option<NaiveDate>,
) -> String {
    let delegations: Vec<_> = trusted.people.delegations_to(id, role).collect();
    if delegations.is_empty() {
        return format!("`{id}` does not hold the {role} role");
    }
    let windows = delegations
        .iter()
        .map(|d| format!("{} to {} for {}", d.start, d.until, d.from))
        .collect::<Vec<_>>()
        .join(", ");
    match (date, clock) {
        (None, _) => format!(
            "`{id}` acts as {role} only by delegation ({windows}), and the step states no Stp-Date"
        ),
        (Some(d), Some(c)) if d < c => format!(
            "`{id}` acts as {role} only by delegation ({windows}); the step states {d}, before {c}, a date already in the signed history (dates never go back)"
        ),
        (Some(d), _) => format!(
            "`{id}` acts as {role} only by delegation ({windows}), which does not cover {d}"
        ),
    }
}

/// A change to an article's file that is not a valid step: it voids the steps signed for
/// other content, and a changed `status` line is reported.
fn content_changed(state: &mut LedgerState, ctx: &CommitFacts, path: &str, mentioned: bool) {
    let (new_status, old_status) = ctx.statuses(path);
    // `draft` is where every article starts, unsigned.
    let claims_a_step = new_status.as_deref().is_some_and(|s| s != "draft");
    // Setting the line back to the article's last valid state (a revert) is no claim.
    let valid_state = state.articles.get(path).map(|r| r.state.as_str());
    let restores = new_status.as_deref() == valid_state;
    if !mentioned && claims_a_step && new_status != old_status && !restores {
        state.issues.push(Issue {
            commit: ctx.oid.to_string(),
            summary: ctx.summary.clone(),
            time: ctx.time,
            kind: "status".into(),
            subject: path.to_string(),
            why: format!(
                "sets `status: {}` without a valid signed step; ignored",
                new_status.unwrap_or_default()
            ),
        });
    }
    let Some(record) = state.articles.get_mut(path) else {
        return;
    };
    if !record.state.is_voided_by_content_change() {
        return;
    }
    let digest = ctx.article_version(path).map(|(_, d)| d);
    if digest.is_some() && digest == record.digest {
        return;
    }
    let was = record.state;
    record.state = State::Submitted;
    record.revision_editor = None;
    record.events.push(event(ctx, EventKind::Voided { was }));
}
