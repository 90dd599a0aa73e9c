//! The names the command line shows for the workflow's values in the run's language (a
//! state, a role, an article kind; message ids `state-…`, `role-…`, `kind-…`, the
//! values' own names after the dash), and the words of the ledger's refusals of a step
//! (`ledger::Why`), which the ledger says in English only.

use stp_i18n::t;

use crate::ledger::Why;
use crate::workflow::deadlines::ArticleKind;
use crate::workflow::{Role, State};

/// A state's name: `đã phê duyệt` / `approved`.
pub fn state(state: State) -> String {
    crate::desk::said::state(stp_i18n::current(), state)
}

/// A role's name: `người phê duyệt` / `approver`.
pub fn role(role: Role) -> String {
    crate::desk::said::role(stp_i18n::current(), role)
}

/// An article kind's name (the deadline tables' kinds): `tin` / `news`.
pub fn kind(kind: ArticleKind) -> String {
    t!(&format!("kind-{}", kind.as_str()))
}

/// What a refused step is about, as the refusal's message (the desk's words for it,
/// `desk::said`, in the run's language).
pub fn why(why: &Why) -> String {
    crate::desk::said::why(stp_i18n::current(), why)
}
