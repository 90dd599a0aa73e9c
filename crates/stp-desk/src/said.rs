//! The words of what the layers below refuse, in a given language: the ledger's refusal
//! of a step (`Why`, which the ledger says in English only) and the content layer's
//! refusals of an article (`Said`), from the `why-…` and `content-…` messages of the
//! Fluent files (the states and roles in them by their `state-…` and `role-…` names).
//! The desk's pages and the command line both say them with these.

use stp_content::{ContentError, Said};
use stp_i18n::{Arg, Lang, tr};
use stp_ledger::{LedgerError, Why};
use stp_render::RenderError;
use stp_workflow::{Action, Refusal, Role, State};

/// What a refused step is about, as the refusal's message.
pub fn why(lang: Lang, why: &Why) -> String {
    match why {
        Why::MissingRole {
            article,
            person,
            role: r,
        } => tr(
            lang,
            "why-missing-role",
            &[
                ("article", Arg::from(article)),
                ("person", Arg::from(person)),
                ("role", Arg::from(role(lang, *r))),
            ],
        ),
        Why::Rule { article, refusal } => rule(lang, article, refusal),
        Why::UnknownKey {
            fingerprint,
            origin,
        } => tr(
            lang,
            "why-unknown-key",
            &[
                ("fingerprint", Arg::from(fingerprint)),
                ("file", Arg::from(origin.display().to_string())),
            ],
        ),
        Why::NoTrustedPeople => tr(lang, "why-no-trusted-people", &[]),
        Why::NothingApproved => tr(lang, "why-nothing-approved", &[]),
        Why::ContentChanged { article, state: s } => tr(
            lang,
            "why-content-changed",
            &[
                ("article", Arg::from(article)),
                ("state", Arg::from(state(lang, *s))),
            ],
        ),
    }
}

/// The workflow's refusal of a step on `article`.
fn rule(lang: Lang, article: &str, refusal: &Refusal) -> String {
    let with = |id: &str, more: &[(&str, Arg)]| {
        let mut args = vec![("article", Arg::from(article))];
        args.extend(more.iter().map(|(n, v)| (*n, v.clone())));
        tr(lang, id, &args)
    };
    match refusal {
        Refusal::WrongState { action, .. } if *action == Action::Withdraw => {
            with("why-not-live", &[])
        }
        Refusal::WrongState { action, from } => with(
            "why-wrong-state",
            &[
                ("state", Arg::from(state(lang, *from))),
                ("action", Arg::from(action.as_str())),
            ],
        ),
        Refusal::FourEyes { action, editor } => with(
            "why-four-eyes",
            &[
                ("editor", Arg::from(editor)),
                ("action", Arg::from(action.as_str())),
            ],
        ),
        Refusal::MissingReason { action } => with(
            "why-missing-reason",
            &[("action", Arg::from(action.as_str()))],
        ),
        Refusal::MissingGround => with("why-missing-ground", &[]),
        Refusal::UnexpectedGround { action } => with(
            "why-unexpected-ground",
            &[("action", Arg::from(action.as_str()))],
        ),
    }
}

/// A state's name (`state-…`): `đã phê duyệt` / `approved`.
pub fn state(lang: Lang, state: State) -> String {
    tr(lang, &format!("state-{}", state.as_str()), &[])
}

/// A role's name (`role-…`): `người phê duyệt` / `approver`.
pub fn role(lang: Lang, role: Role) -> String {
    tr(lang, &format!("role-{}", role.as_str()), &[])
}

/// The words of `said` in `lang` (`None` when its Fluent file lacks the id).
pub fn said(lang: Lang, said: &Said) -> Option<String> {
    if !stp_i18n::has(lang, said.id) {
        return None;
    }
    let args: Vec<(&str, Arg)> = (said.args.iter())
        .map(|(name, value)| (*name, Arg::number_or_text(value)))
        .collect();
    Some(tr(lang, said.id, &args))
}

/// A content-layer error in `lang`: `file:line: …` (`file: …`) with the words of its
/// message id, else the layer's own text.
pub fn content(lang: Lang, e: &ContentError) -> String {
    let ContentError::At(refusal) = e else {
        return e.to_string();
    };
    match refusal.said.as_ref().and_then(|s| said(lang, s)) {
        Some(words) => refusal.located(&words),
        None => e.to_string(),
    }
}

/// A build's error in `lang`: its content errors (`content_list`), else its own text.
pub fn render(lang: Lang, e: &RenderError) -> String {
    match e {
        RenderError::Content(errors) => content_list(lang, errors),
        other => other.to_string(),
    }
}

/// Content errors in `lang`, one a line, then how many when there are several.
pub fn content_list(lang: Lang, errors: &[ContentError]) -> String {
    let mut lines: Vec<String> = errors.iter().map(|e| content(lang, e)).collect();
    if errors.len() > 1 {
        lines.push(tr(
            lang,
            "content-errors-count",
            &[("count", Arg::from(errors.len()))],
        ));
    }
    lines.join("\n")
}

/// A ledger error in `lang`: a refused step by what it is about (`why`), else its text.
pub fn ledger(lang: Lang, e: &LedgerError) -> String {
    match e {
        LedgerError::Refused { why: Some(w), .. } => why(lang, w),
        other => other.to_string(),
    }
}

/// A desk error in `lang`: the layers' refusals in words (`ledger`, `content`, `render`),
/// anything else as its own text.
pub(crate) fn desk(lang: Lang, e: &crate::DeskError) -> String {
    match e {
        crate::DeskError::Ledger(e) => ledger(lang, e),
        crate::DeskError::Content(e) => content(lang, e),
        crate::DeskError::Render(e) => render(lang, e),
        other => other.to_string(),
    }
}
