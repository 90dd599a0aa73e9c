//! Acknowledging audit findings. An admin who has looked at a finding (an unsigned change
//! to a site file, a merge, a malformed commit…) and judged it harmless records that in a
//! signed commit: `Stp-Ack: <commit>` with `Stp-Ack-Reason: <what was seen, why it is
//! harmless>`. The finding stays listed by `stp audit`, marked acknowledged, and audit
//! passes once every finding is. Acknowledging changes nothing on the public site.

use stp_workflow::Role;

use super::changes::CommitFacts;
use super::state::{Ack, Issue, LedgerState};
use super::trust::Trusted;
use super::verify::SignatureCheck;

/// Reads the acknowledgements of `ctx`; `trusted` is the trust data as of its first parent.
/// Returns whether any was valid.
pub fn apply(state: &mut LedgerState, trusted: Option<&Trusted>, ctx: &CommitFacts) -> bool {
    if ctx.trailers.acks.is_empty() {
        return false;
    }
    let signer = match &ctx.signature {
        SignatureCheck::Valid { fingerprint } => trusted
            .and_then(|t| t.people.by_fingerprint(fingerprint))
            .filter(|p| p.has_role(Role::Admin))
            .ok_or_else(|| format!("signed by key {fingerprint}, which is not a trusted admin's")),
        SignatureCheck::Unsigned => Err("the commit is not signed".to_string()),
        SignatureCheck::Invalid(why) => Err(why.clone()),
    };
    let mut any = false;
    for ack in &ctx.trailers.acks {
        let reason = ack.reason.clone().unwrap_or_default();
        let why = match &signer {
            Err(why) => Some(why.clone()),
            Ok(_) if !is_full_id(&ack.commit) => {
                Some(format!("`{}` is not a full commit id", ack.commit))
            }
            Ok(_) if reason.trim().is_empty() => Some("no Stp-Ack-Reason is given".into()),
            Ok(_) => None,
        };
        match (why, &signer) {
            (None, Ok(person)) => {
                any = true;
                state.acks.push(Ack {
                    commit: ctx.oid.to_string(),
                    target: ack.commit.clone(),
                    by: person.id.clone(),
                    reason,
                });
            }
            (why, _) => state.issues.push(Issue {
                commit: ctx.oid.to_string(),
                summary: ctx.summary.clone(),
                time: ctx.time,
                kind: "ack".into(),
                subject: ack.commit.clone(),
                why: format!(
                    "an acknowledgement that is not valid: {}",
                    why.unwrap_or_default()
                ),
            }),
        }
    }
    any
}

fn is_full_id(text: &str) -> bool {
    text.len() == 40 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

impl LedgerState {
    /// The acknowledgement of the findings of commit `commit`, if an admin signed one.
    pub fn ack_of(&self, commit: &str) -> Option<&Ack> {
        self.acks.iter().find(|a| a.target == commit)
    }

    /// The findings no admin has acknowledged.
    pub fn open_issues(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| self.ack_of(&i.commit).is_none())
    }
}
