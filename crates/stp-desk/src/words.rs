//! The words the desk shows for the regulation's states, steps and roles, in the desk's
//! language: the `desk-*` messages of the command line's Fluent files (stp-i18n), which
//! keep the regulation's own terms (biên tập, kiểm tra, phê duyệt, trả lại, từ chối, gỡ bỏ,
//! Thư ký Ban Biên tập, Trưởng Ban).

use stp_i18n::{Lang, tr};
use stp_workflow::{Action, Role, State};

/// Where an article stands.
pub fn state(lang: Lang, state: State) -> String {
    tr(lang, &format!("desk-state-{state}"), &[])
}

/// The button of a step.
pub fn button(lang: Lang, action: Action) -> String {
    tr(lang, &format!("desk-button-{}", action.as_str()), &[])
}

/// The step as a verb, for the trail, the reason's label and the result page.
pub fn step(lang: Lang, action: Action) -> String {
    tr(lang, &format!("desk-step-{}", action.as_str()), &[])
}

/// The heading of a person's queue for a step (`Submit`: a returned article to resubmit).
pub fn queue(lang: Lang, action: Action) -> String {
    tr(lang, &format!("desk-queue-{}", action.as_str()), &[])
}

/// A role, as the regulation names the person holding it.
pub fn role(lang: Lang, role: Role) -> String {
    tr(lang, &format!("desk-role-{}", role.as_str()), &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_step_and_role_has_its_words_in_both_languages_and_states_differ() {
        for lang in Lang::ALL {
            let mut seen = std::collections::HashSet::new();
            for s in State::ALL {
                let word = state(lang, s);
                assert!(!word.starts_with("desk-"), "{lang:?} lacks {s}");
                assert!(
                    seen.insert(word.clone()),
                    "two states read the same: {word}"
                );
            }
            for a in Action::ALL {
                for word in [button(lang, a), step(lang, a)] {
                    assert!(!word.starts_with("desk-"), "{lang:?} lacks {a:?}");
                }
            }
            for a in [
                Action::Submit,
                Action::Review,
                Action::Verify,
                Action::Approve,
                Action::Publish,
            ] {
                assert!(!queue(lang, a).starts_with("desk-"));
            }
            for r in Role::ALL {
                assert!(!role(lang, r).starts_with("desk-"), "{lang:?} lacks {r:?}");
            }
        }
        assert_eq!(button(Lang::Vi, Action::Approve), "Phê duyệt");
        assert_eq!(role(Lang::Vi, Role::Secretary), "Thư ký Ban Biên tập");
        let review = stp_i18n::Arg::from(step(Lang::Vi, Action::Review));
        assert_eq!(
            tr(Lang::Vi, "desk-done", &[("step", review)]),
            "Đã biên tập"
        );
    }
}
