//! The rules for the site files (`site.toml`, `themes/`, `static/`), read commit by commit
//! like the article steps. The trust root's commit holds the first live version. After
//! that, a version reaches the public site only through three signed steps: a site
//! administrator proposes it (`Stp-Site: propose`, Điều 6.3), an approver who is not the
//! proposer approves it (`approve`, Điều 19.3), and the secretary posts it with a publish
//! (`publish`); an approver may instead return it (`return`, with a reason). Each step
//! names the version it signs (`Stp-Site-Version`), which must be the version its commit
//! holds. Any other change to a site file is a finding for `stp audit` and changes nothing
//! on the public site; a change back to the live version is a restoration, not a finding;
//! a change away from a pending proposal voids it.

use chrono::NaiveDate;
use git2::Repository;

use stp_workflow::{Person, Role};

use super::changes::CommitFacts;
use super::objects::Objects;
use super::site_files;
use super::state::{Issue, LedgerState, SiteEvent, SitePending, SiteVersion};
use super::trailers::SiteTrailer;
use super::trust::Trusted;
use super::validity::role_refusal;
use super::verify::SignatureCheck;

/// The site steps, as `Stp-Site` names them.
pub const PROPOSE: &str = "propose";
pub const APPROVE: &str = "approve";
pub const RETURN: &str = "return";
pub const PUBLISH: &str = "publish";

/// The subject of every site finding and trail entry.
pub const SUBJECT: &str = "site files";

/// Reads the site step and site file changes of commit `ctx`; `trusted` is the trust data
/// as of its first parent; `horizon` the latest date a step may state (`horizon.rs`).
/// Returns whether a valid site step was applied.
pub fn apply(
    repo: &Repository,
    state: &mut LedgerState,
    trusted: Option<&Trusted>,
    ctx: &CommitFacts,
    horizon: NaiveDate,
) -> bool {
    let changed = ctx.parent_site.as_ref() != Some(&ctx.site);
    if !changed && ctx.trailers.site.is_none() {
        return false; // most commits: nothing about the site files
    }
    let version = ctx.site.version();
    let mut proposed = false;
    let mut valid = false;
    if let Some(step) = &ctx.trailers.site {
        match check(state, trusted, ctx, step, &version, changed, horizon) {
            Ok(person) => {
                valid = true;
                proposed = step.action == PROPOSE;
                record(state, ctx, &step.action, Some(person), step.reason.clone());
            }
            Err((person, why)) => {
                state.issues.push(issue(
                    ctx,
                    format!("`Stp-Site: {}` is not valid: {why}", step.action),
                ));
                record(state, ctx, "invalid", person, Some(why));
            }
        }
    }
    if changed && !proposed && trusted.is_some() {
        unsigned_change(repo, state, ctx, &version);
    }
    valid
}

/// After the trust data of `ctx` was read: the commit that made the first version of the
/// trust data trusted also holds the first live version of the site files.
pub fn trust_root(state: &mut LedgerState, ctx: &CommitFacts) {
    if state.site.live.is_some() {
        return;
    }
    let oid = ctx.oid.to_string();
    if state.trust.since.as_deref() == Some(oid.as_str()) {
        state.site.live = Some(SiteVersion {
            commit: oid,
            version: ctx.site.version(),
        });
        record(state, ctx, "root", None, None);
    }
}

fn issue(ctx: &CommitFacts, why: String) -> Issue {
    Issue {
        commit: ctx.oid.to_string(),
        summary: ctx.summary.clone(),
        time: ctx.time,
        kind: "site".into(),
        subject: SUBJECT.into(),
        why,
    }
}

fn record(
    state: &mut LedgerState,
    ctx: &CommitFacts,
    action: &str,
    person: Option<&Person>,
    note: Option<String>,
) {
    state.site.events.push(SiteEvent {
        commit: ctx.oid.to_string(),
        time: ctx.time,
        date: ctx.trailers.date,
        action: action.into(),
        person: person.map(|p| p.id.clone()),
        name: person.map(|p| p.name.clone()),
        note,
    });
}

/// A change of site files without a valid proposal.
fn unsigned_change(repo: &Repository, state: &mut LedgerState, ctx: &CommitFacts, version: &str) {
    let live = state.site.live.as_ref().map(|l| l.version.clone());
    if let Some(pending) = &state.site.pending
        && pending.version != version
    {
        state.site.pending = None;
        record(
            state,
            ctx,
            "voided",
            None,
            Some("the site files changed after the proposal".into()),
        );
    }
    if live.as_deref() == Some(version) {
        return; // back to the live version: a restoration
    }
    let paths = Objects::new(repo)
        .map(|o| site_files::changed_paths(&o, ctx.parent_tree, ctx.tree))
        .unwrap_or_default();
    let shown = paths.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
    let more = if paths.len() > 5 {
        format!(" and {} more", paths.len() - 5)
    } else {
        String::new()
    };
    let mut found = issue(
        ctx,
        "changes site files without a signed site change (`stp site propose`); the public site keeps the approved version"
            .into(),
    );
    if !shown.is_empty() {
        found.subject = format!("{shown}{more}");
    }
    state.issues.push(found);
}

type Refusal<'t> = (Option<&'t Person>, String);

/// Checks the site step of `ctx` and applies it to the state; the signer on success.
fn check<'t>(
    state: &mut LedgerState,
    trusted: Option<&'t Trusted>,
    ctx: &CommitFacts,
    step: &SiteTrailer,
    version: &str,
    changed: bool,
    horizon: NaiveDate,
) -> Result<&'t Person, Refusal<'t>> {
    let fingerprint = match &ctx.signature {
        SignatureCheck::Valid { fingerprint } => fingerprint,
        SignatureCheck::Unsigned => return Err((None, "the commit is not signed".into())),
        SignatureCheck::Invalid(why) => return Err((None, why.clone())),
    };
    let trusted = trusted.ok_or((
        None,
        "no admin has signed the trust data yet, so nobody holds a role".to_string(),
    ))?;
    let person = trusted.people.by_fingerprint(fingerprint).ok_or((
        None,
        format!("signed by key {fingerprint}, which is not in the trusted people data"),
    ))?;
    let no = |why: String| (Some(person), why);
    if step.version.as_deref() != Some(version) {
        return Err(no(format!(
            "it names site files version {}, but the commit holds {}",
            step.version.as_deref().unwrap_or("(none)"),
            super::site_files::short(version)
        )));
    }
    if let Some(why) = super::horizon::too_late(ctx.trailers.date, horizon) {
        return Err(no(why));
    }
    let role = match step.action.as_str() {
        PROPOSE => Role::SiteAdmin,
        APPROVE | RETURN => Role::Approver,
        PUBLISH => Role::Secretary,
        other => return Err(no(format!("`{other}` is not a site step"))),
    };
    let date = ctx.trailers.date;
    if trusted
        .people
        .grant(&person.id, role, stated(date, state.clock))
        .is_none()
    {
        return Err(no(role_refusal(
            trusted,
            &person.id,
            role,
            date,
            state.clock,
        )));
    }
    let live = state.site.live.as_ref().map(|l| l.version.as_str());
    let oid = ctx.oid.to_string();
    match step.action.as_str() {
        PROPOSE => {
            if live == Some(version) {
                return Err(no(
                    "the site files are the live version: nothing to propose".into(),
                ));
            }
            state.site.pending = Some(SitePending {
                commit: oid,
                version: version.to_string(),
                proposed_by: person.id.clone(),
                approved_by: None,
            });
        }
        action => {
            if changed {
                return Err(no(format!(
                    "a site {action} may not change site files; only a proposal does"
                )));
            }
            let pending = state
                .site
                .pending
                .as_mut()
                .filter(|p| p.version == version)
                .ok_or_else(|| no("no proposal of these site files waits".into()))?;
            match action {
                APPROVE if pending.approved_by.is_some() => {
                    return Err(no("the proposal is already approved".into()));
                }
                APPROVE if pending.proposed_by == person.id => {
                    return Err(no(format!(
                        "`{}` proposed the change and may not approve it too",
                        person.id
                    )));
                }
                APPROVE => pending.approved_by = Some(person.id.clone()),
                RETURN if step.reason.as_deref().is_none_or(|r| r.trim().is_empty()) => {
                    return Err(no("a return needs a reason".into()));
                }
                RETURN => state.site.pending = None,
                _ if pending.approved_by.is_none() => {
                    return Err(no("the proposal is not approved yet".into()));
                }
                _ => {
                    state.site.pending = None;
                    state.site.live = Some(SiteVersion {
                        commit: oid,
                        version: version.to_string(),
                    });
                }
            }
        }
    }
    Ok(person)
}

/// A stated date counts for a delegation only if it does not go back before the clock.
fn stated(date: Option<NaiveDate>, clock: Option<NaiveDate>) -> Option<NaiveDate> {
    date.filter(|d| clock.is_none_or(|c| *d >= c))
}
