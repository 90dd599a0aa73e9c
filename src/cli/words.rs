//! The names the command line shows for the workflow's values in the run's language (a
//! state, a role, an article kind; message ids `state-…`, `role-…`, `kind-…`, the
//! values' own names after the dash), and the words of the ledger's refusals of a step
//! (`ledger::Why`), which the ledger says in English only.

use stp_i18n::t;

use crate::ledger::Why;
use crate::workflow::deadlines::ArticleKind;
use crate::workflow::{Refusal, Role, State};

/// A state's name: `đã phê duyệt` / `approved`.
pub fn state(state: State) -> String {
    t!(&format!("state-{}", state.as_str()))
}

/// A role's name: `người phê duyệt` / `approver`.
pub fn role(role: Role) -> String {
    t!(&format!("role-{}", role.as_str()))
}

/// An article kind's name (the deadline tables' kinds): `tin` / `news`.
pub fn kind(kind: ArticleKind) -> String {
    t!(&format!("kind-{}", kind.as_str()))
}

/// What a refused step is about, as the refusal's message.
pub fn why(why: &Why) -> String {
    match why {
        Why::MissingRole {
            article,
            person,
            role: r,
        } => t!(
            "why-missing-role",
            article = article,
            person = person,
            role = role(*r)
        ),
        Why::Rule { article, refusal } => rule(article, refusal),
        Why::UnknownKey {
            fingerprint,
            origin,
        } => t!(
            "why-unknown-key",
            fingerprint = fingerprint,
            file = origin.display().to_string()
        ),
        Why::NoTrustedPeople => t!("why-no-trusted-people"),
        Why::NothingApproved => t!("why-nothing-approved"),
        Why::ContentChanged { article, state: s } => {
            t!("why-content-changed", article = article, state = state(*s))
        }
    }
}

/// The workflow's refusal of a step on `article`.
fn rule(article: &str, refusal: &Refusal) -> String {
    match refusal {
        Refusal::WrongState { action, .. } if *action == crate::workflow::Action::Withdraw => {
            t!("why-not-live", article = article)
        }
        Refusal::WrongState { action, from } => t!(
            "why-wrong-state",
            article = article,
            state = state(*from),
            action = action.as_str()
        ),
        Refusal::FourEyes { action, editor } => t!(
            "why-four-eyes",
            article = article,
            editor = editor,
            action = action.as_str()
        ),
        Refusal::MissingReason { action } => {
            t!(
                "why-missing-reason",
                article = article,
                action = action.as_str()
            )
        }
        Refusal::MissingGround => t!("why-missing-ground", article = article),
        Refusal::UnexpectedGround { action } => t!(
            "why-unexpected-ground",
            article = article,
            action = action.as_str()
        ),
    }
}
