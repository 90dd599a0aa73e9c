//! Merge commits. stp reads history along first parents, and its own `stp sync` never
//! makes a merge, so a merge on the first-parent chain is something done by hand: what it
//! brings from its other parents is judged as one unsigned change against the first
//! parent. Worse, a merge can go around signed history: with its first parent before a
//! signed withdraw and the withdraw on its second parent, the withdrawn article comes back
//! on the first-parent chain. So every merge is a finding (`merge`), and one whose other
//! parents hold signed stp commits that the first-parent chain lacks is a `rollback`
//! finding, which the public build refuses until an admin acknowledges it.

use git2::{Oid, Repository};

use super::changes::CommitFacts;
use super::objects::Objects;
use super::state::{Issue, LedgerState};
use super::trailers::Trailers;
use super::trust::Trusted;
use super::verify::{self, SignatureCheck};

/// The finding for a merge that goes around signed history.
pub const ROLLBACK: &str = "rollback";

/// At most this many commits of a merged side are looked at (a bound on the cost of an
/// unusual history; a side longer than this is reported as such).
const MAX_SIDE: usize = 100_000;

/// Records the findings for `ctx` if it is a merge commit.
pub fn check(
    repo: &Repository,
    state: &mut LedgerState,
    trusted: Option<&Trusted>,
    ctx: &CommitFacts,
) {
    if ctx.merged.is_empty() {
        return;
    }
    let (signed, looked) = hidden_signed(repo, trusted, ctx);
    let (kind, why) = if signed.is_empty() {
        (
            "merge",
            format!(
                "a merge commit ({looked} commits on its other side): stp reads history along first parents and its own sync never merges, so the other side's changes count only as unsigned changes; keep history linear (`stp sync`, or `git pull --rebase` for unsigned work)"
            ),
        )
    } else {
        let shown: Vec<String> = signed.iter().take(3).cloned().collect();
        (
            ROLLBACK,
            format!(
                "a merge whose other side holds {} signed stp commits that the first-parent history lacks ({}{}): history went around them, which can undo a signed withdraw or removal; the public build refuses it",
                signed.len(),
                shown.join("; "),
                if signed.len() > shown.len() {
                    "; …"
                } else {
                    ""
                }
            ),
        )
    };
    state.issues.push(Issue {
        commit: ctx.oid.to_string(),
        summary: ctx.summary.clone(),
        time: ctx.time,
        kind: kind.into(),
        subject: "history".into(),
        why,
    });
}

/// The stp commits signed by a trusted key that are reachable from the merged parents but
/// not from the first parent (`id summary`), and how many commits that side has. A junk
/// or unknown signature does not count: nobody can block the public build that way.
fn hidden_signed(
    repo: &Repository,
    trusted: Option<&Trusted>,
    ctx: &CommitFacts,
) -> (Vec<String>, usize) {
    let Ok(objects) = Objects::new(repo) else {
        return (Vec::new(), 0);
    };
    let side = side_commits(repo, ctx.parent, &ctx.merged);
    let mut signed = Vec::new();
    for oid in &side {
        let Ok(commit) = objects.commit(*oid) else {
            signed.push(format!("{oid} (unreadable)"));
            continue;
        };
        let by_trusted_key = match &commit.signature {
            Some((signature, payload)) => match verify::check(signature, payload) {
                SignatureCheck::Valid { fingerprint } => {
                    trusted.is_some_and(|t| t.people.by_fingerprint(&fingerprint).is_some())
                }
                _ => false,
            },
            None => false,
        };
        if !by_trusted_key {
            continue;
        }
        let message = String::from_utf8_lossy(&commit.message);
        let t = Trailers::parse(&message);
        if !t.steps.is_empty() || t.trust.is_some() || t.site.is_some() || !t.acks.is_empty() {
            let summary = message.lines().next().unwrap_or_default().to_string();
            signed.push(format!("{} {summary}", &oid.to_string()[..10]));
        }
    }
    (signed, side.len())
}

/// The commits reachable from `merged` and not from `first`, newest first.
fn side_commits(repo: &Repository, first: Option<Oid>, merged: &[Oid]) -> Vec<Oid> {
    let Ok(mut walk) = repo.revwalk() else {
        return Vec::new();
    };
    for m in merged {
        if walk.push(*m).is_err() {
            return Vec::new();
        }
    }
    if let Some(f) = first
        && walk.hide(f).is_err()
    {
        return Vec::new();
    }
    walk.filter_map(Result::ok).take(MAX_SIDE).collect()
}
