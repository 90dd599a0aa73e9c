//! Signing an acknowledgement (`stp audit ack COMMIT --reason …`): an admin records that
//! the audit findings of one commit were looked at and are harmless. It is an empty
//! commit with `Stp-Ack` trailers, signed by the admin; the findings stay listed, marked
//! acknowledged, and the public build stops refusing an acknowledged merge.

use std::path::Path;

use stp_workflow::Role;

use super::error::{LedgerError, LedgerResult};
use super::history::{Ledger, LedgerOptions};
use super::horizon::stated_date;
use super::next::Next;
use super::repo::commit_signed;
use super::repo::{head_commit, open};
use super::sign::Signer;
use super::steps::{author, trusted_person};
use super::trailers::{AckTrailer, Trailers};

/// What an acknowledgement wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AckOutcome {
    pub commit: String,
    pub acknowledged: String,
    pub findings: usize,
}

/// Acknowledges the findings of the commit whose id starts with `target`.
pub fn acknowledge(
    root: &Path,
    signer: &Signer,
    target: &str,
    reason: &str,
    options: &LedgerOptions,
) -> LedgerResult<AckOutcome> {
    let ledger = Ledger::load(root, options)?;
    let (person, reason) =
        admin_with_reason(&ledger, signer, reason, "acknowledges audit findings")?;
    let target = target.trim().to_ascii_lowercase();
    let mut commits: Vec<&str> = ledger
        .state
        .issues
        .iter()
        .map(|i| i.commit.as_str())
        .filter(|c| target.len() >= 4 && c.starts_with(&target))
        .collect();
    commits.dedup();
    let full = match commits.as_slice() {
        [one] => one.to_string(),
        [] => {
            return Err(LedgerError::refused_with(
                format!("no audit finding names a commit starting with `{target}`"),
                Next::Audit {
                    with_commit_id: true,
                },
            ));
        }
        _ => {
            return Err(LedgerError::refused_with(
                format!("`{target}` is the start of several commits with findings"),
                "give more of the commit id",
            ));
        }
    };
    if ledger.state.ack_of(&full).is_some() {
        return Err(LedgerError::refused_with(
            format!("the findings of {full} are already acknowledged"),
            Next::Audit {
                with_commit_id: false,
            },
        ));
    }
    let findings = ledger
        .state
        .issues
        .iter()
        .filter(|i| i.commit == full)
        .count();
    let summary = format!("stp: acknowledge the findings of {}", &full[..10]);
    sign_ack(
        root, ledger, signer, &person, &full, &reason, &summary, findings, options,
    )
}

/// Records an admin's decision that the site deployed from `deployed` (a signed commit
/// this history no longer contains) may be replaced by a build of this history: the
/// signed `Stp-Ack` of that commit, which `stp deploy` looks for before it rolls a
/// target back.
pub fn allow_rollback(
    root: &Path,
    signer: &Signer,
    deployed: &str,
    reason: &str,
    options: &LedgerOptions,
) -> LedgerResult<AckOutcome> {
    let ledger = Ledger::load(root, options)?;
    let (person, reason) = admin_with_reason(&ledger, signer, reason, "decides a rollback")?;
    let deployed = deployed.trim().to_ascii_lowercase();
    if deployed.len() != 40 || !deployed.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(LedgerError::refused_with(
            format!("`{deployed}` is not a full commit id (40 hexadecimal digits)"),
            "copy the commit id that `stp deploy` named when it refused",
        ));
    }
    let repo = open(root)?;
    let head = head_commit(&repo)?
        .ok_or_else(|| LedgerError::refused("the repository has no commit yet"))?;
    if ledger.descends_from(&head.id().to_string(), &deployed)? {
        return Err(LedgerError::refused(format!(
            "{deployed} is in this history: deploying a build of it is no rollback, and needs no decision"
        )));
    }
    if ledger.state.ack_of(&deployed).is_some() {
        return Err(LedgerError::refused(format!(
            "a rollback from {deployed} is already allowed in this history"
        )));
    }
    let summary = format!(
        "stp: allow rolling back the site deployed from {}",
        &deployed[..10]
    );
    sign_ack(
        root, ledger, signer, &person, &deployed, &reason, &summary, 0, options,
    )
}

/// The signer, who must be a trusted admin, and the reason, which must say something.
fn admin_with_reason(
    ledger: &Ledger,
    signer: &Signer,
    reason: &str,
    what: &str,
) -> LedgerResult<(stp_workflow::Person, String)> {
    let (_, person) = trusted_person(ledger, signer)?;
    if !person.has_role(Role::Admin) {
        return Err(LedgerError::refused_with(
            format!("`{}` is not an admin; only an admin {what}", person.id),
            "ask an admin of the site",
        ));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(LedgerError::refused_with(
            "an acknowledgement needs a reason: what was seen, and why it is harmless",
            "add --reason \"…\"",
        ));
    }
    Ok((person.clone(), reason.to_string()))
}

/// Signs the empty commit with the `Stp-Ack` of `target` and confirms the ledger takes it.
#[allow(clippy::too_many_arguments)]
fn sign_ack(
    root: &Path,
    ledger: Ledger,
    signer: &Signer,
    person: &stp_workflow::Person,
    target: &str,
    reason: &str,
    summary: &str,
    findings: usize,
    options: &LedgerOptions,
) -> LedgerResult<AckOutcome> {
    let repo = open(root)?;
    let head = head_commit(&repo)?
        .ok_or_else(|| LedgerError::refused("the repository has no commit yet"))?;
    let trailers = Trailers {
        date: Some(stated_date(options)?),
        acks: vec![AckTrailer {
            commit: target.to_string(),
            reason: Some(reason.to_string()),
        }],
        ..Trailers::default()
    };
    let message = trailers.to_message(summary);
    let commit = commit_signed(
        &repo,
        signer,
        &author(person, options)?,
        &head,
        &[],
        &[],
        &message,
    )?;
    let back = ledger.advance(commit, options)?;
    if back.state.ack_of(target).map(|a| a.commit.as_str()) != Some(commit.to_string().as_str()) {
        return Err(LedgerError::refused(format!(
            "bug: stp signed commit {commit} but the ledger does not accept its acknowledgement"
        )));
    }
    Ok(AckOutcome {
        commit: commit.to_string(),
        acknowledged: target.to_string(),
        findings,
    })
}
