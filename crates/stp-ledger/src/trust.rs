//! The chain of trust data (`workflow/`): a change is trusted only when signed by an admin
//! of the previous trusted version; the first version is the one signed by the pinned
//! trust root (`--trust-root` / `STP_TRUST_ROOT`), or else the first admin-signed one,
//! trusted on first use. Anything else is ignored and reported.

use std::sync::Arc;

use git2::{Oid, Repository};

use stp_workflow::calendar::{Calendar, parse_calendar};
use stp_workflow::{PEOPLE_FILE, People, Role, WORKFLOW_FILE, WorkflowConfig};

use super::changes::CommitFacts;
use super::objects::Objects;
use super::state::{Issue, LedgerState};
use super::verify::SignatureCheck;

/// A trusted version of the trust data, parsed.
#[derive(Debug, Clone)]
pub struct Trusted {
    pub tree: Oid,
    pub people: People,
    pub config: WorkflowConfig,
    /// `workflow/calendar.toml`, or the law's calendar when the file is absent.
    pub calendar: Calendar,
}

/// Parses the trust data in the `workflow/` tree `tree`.
pub fn parse_trust_tree(repo: &Repository, tree: Oid) -> Result<Trusted, String> {
    let objects = Objects::new(repo).map_err(|e| format!("cannot read workflow/: {e}"))?;
    let text = |name: &str| match objects.blob_at(tree, name) {
        Ok(found) => Ok(found.map(|(_, b)| String::from_utf8_lossy(&b).into_owned())),
        Err(e) => Err(format!("cannot read workflow/{name}: {e}")),
    };
    let people_text = text("people.toml")?.ok_or_else(|| format!("{PEOPLE_FILE} is missing"))?;
    let people = People::parse(&people_text).map_err(|e| e.to_string())?;
    if people.admins().next().is_none() {
        return Err(format!("{PEOPLE_FILE} would leave no admin"));
    }
    let config = match text("workflow.toml")? {
        Some(t) => WorkflowConfig::parse(&t).map_err(|e| e.to_string())?,
        None => {
            return Err(format!("{WORKFLOW_FILE} is missing"));
        }
    };
    let calendar = match text("calendar.toml")? {
        Some(t) => parse_calendar(std::path::Path::new("workflow/calendar.toml"), &t)
            .map_err(|e| e.to_string())?,
        None => Calendar::default(),
    };
    Ok(Trusted {
        tree,
        people,
        config,
        calendar,
    })
}

/// Reads the trust data change of commit `ctx`, if any, and updates `trusted`.
pub fn apply(
    repo: &Repository,
    state: &mut LedgerState,
    trusted: &mut Option<Arc<Trusted>>,
    ctx: &CommitFacts,
    pin: Option<&str>,
) -> bool {
    let new = ctx.workflow_tree;
    if new == ctx.parent_workflow_tree {
        return false;
    }
    let current = trusted.as_ref().map(|t| t.tree);
    if new.is_some() && new == current {
        return false; // back to the trusted version
    }
    let issue = |why: String| Issue {
        commit: ctx.oid.to_string(),
        summary: ctx.summary.to_string(),
        time: ctx.time,
        kind: "trust".into(),
        subject: "workflow/".into(),
        why,
    };
    let fingerprint = match &ctx.signature {
        SignatureCheck::Valid { fingerprint } => fingerprint.clone(),
        SignatureCheck::Unsigned => {
            if trusted.is_some() {
                state.issues.push(issue(
                    "changes the trust data without a signature; ignored".into(),
                ));
            }
            return false;
        }
        SignatureCheck::Invalid(why) => {
            state
                .issues
                .push(issue(format!("changes the trust data: {why}; ignored")));
            return false;
        }
    };
    let Some(new) = new else {
        state
            .issues
            .push(issue("deletes workflow/; ignored".into()));
        return false;
    };
    match trusted.as_ref() {
        Some(t) => {
            let signer = t.people.by_fingerprint(&fingerprint);
            if !signer.is_some_and(|p| p.has_role(Role::Admin)) {
                let who = signer
                    .map(|p| format!("`{}`, who is not an admin", p.id))
                    .unwrap_or_else(|| {
                        format!("key {fingerprint}, which is not in the trusted {PEOPLE_FILE}")
                    });
                state.issues.push(issue(format!(
                    "changes the trust data, signed by {who}; ignored"
                )));
                return false;
            }
            match parse_trust_tree(repo, new) {
                Ok(parsed) => {
                    *trusted = Some(Arc::new(parsed));
                    state.trust.since = Some(ctx.oid.to_string());
                    state.trust.tree = Some(new.to_string());
                    state.trusted_history.push(new.to_string());
                    true
                }
                Err(why) => {
                    state.issues.push(issue(format!(
                        "an admin signed trust data that is not valid ({why}); ignored"
                    )));
                    false
                }
            }
        }
        None => {
            // The first trusted version: signed by an admin it names.
            let Ok(parsed) = parse_trust_tree(repo, new) else {
                return false;
            };
            let signed_by_its_admin = parsed
                .people
                .by_fingerprint(&fingerprint)
                .is_some_and(|p| p.has_role(Role::Admin));
            if !signed_by_its_admin {
                return false;
            }
            if let Some(pin) = pin
                && pin != fingerprint
            {
                state.issues.push(issue(format!(
                    "names a first admin with key {fingerprint}, not the pinned trust root {pin}; ignored"
                )));
                return false;
            }
            state.trust.root = Some(fingerprint);
            state.trust.on_first_use = pin.is_none();
            state.trust.since = Some(ctx.oid.to_string());
            state.trust.tree = Some(new.to_string());
            state.trusted_history.push(new.to_string());
            *trusted = Some(Arc::new(parsed));
            true
        }
    }
}
