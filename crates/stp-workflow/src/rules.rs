//! The rules of one step: which state it starts from, which role signs it, and what else
//! it needs (a reason, a ground, four eyes). The ledger applies them to signed history and
//! the commands apply the same function before signing, so they never disagree.

use std::fmt;

use super::roles::Role;
use super::states::{Action, Ground, State};

/// Whether `action` may start from `from`; `live` says whether a version of the article is
/// on the public site (withdrawal needs one, whatever revision is in progress).
pub fn starts_from(action: Action, from: State, live: bool) -> bool {
    use State::*;
    match action {
        // A new article, a returned one (Điều 4.2), or a revision of a published or
        // withdrawn one (Điều 9.3.f, 13.1: changes go through the steps again).
        Action::Submit => matches!(from, Draft | Returned | Published | Withdrawn),
        Action::Review => from == Submitted,
        Action::Verify => from == Edited,
        Action::Approve => from == Verified,
        Action::Return | Action::Reject => matches!(from, Submitted | Edited | Verified | Approved),
        Action::Publish => from == Approved,
        Action::Withdraw => live,
    }
}

/// The state a step of `action` from `from` leads to, if it may start there.
pub fn next_state(action: Action, from: State, live: bool) -> Option<State> {
    starts_from(action, from, live).then(|| action.target())
}

/// The role that signs `action` when the article is in `from`. Returning and refusing
/// belong to whoever holds the step the article waits for (Điều 15).
pub fn required_role(action: Action, from: State) -> Role {
    match action {
        Action::Submit => Role::Contributor,
        Action::Review => Role::Editor,
        Action::Verify => Role::Verifier,
        Action::Approve | Action::Withdraw => Role::Approver,
        Action::Publish => Role::Secretary,
        Action::Return | Action::Reject => match from {
            State::Submitted => Role::Editor,
            State::Edited => Role::Verifier,
            _ => Role::Approver,
        },
    }
}

/// Everything a step's rules look at, apart from the signer's roles and keys.
#[derive(Debug, Clone)]
pub struct StepContext<'a> {
    pub action: Action,
    pub from: State,
    pub live: bool,
    /// The person signing.
    pub actor: &'a str,
    /// Who edited the revision (signed its `review`), if anyone.
    pub revision_editor: Option<&'a str>,
    /// `four_eyes` from `workflow/workflow.toml`.
    pub four_eyes: bool,
    pub reason: Option<&'a str>,
    pub ground: Option<Ground>,
}

/// Why a step is not allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    WrongState { action: Action, from: State },
    FourEyes { action: Action, editor: String },
    MissingReason { action: Action },
    MissingGround,
    UnexpectedGround { action: Action },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::WrongState { action, from } => {
                if *action == Action::Withdraw {
                    write!(f, "is not on the public site, so it cannot be withdrawn")
                } else {
                    write!(f, "is {from}, and `{action}` does not start from {from}")
                }
            }
            Refusal::FourEyes { action, editor } => write!(
                f,
                "was edited by {editor}, who may not also {action} it (four_eyes in workflow/workflow.toml)"
            ),
            Refusal::MissingReason { action } => write!(f, "`{action}` needs a reason"),
            Refusal::MissingGround => {
                write!(
                    f,
                    "a refusal needs its ground of Điều 12.3 (a, b, c, d or đ)"
                )
            }
            Refusal::UnexpectedGround { action } => {
                write!(f, "only a refusal carries a ground, not `{action}`")
            }
        }
    }
}

/// Checks a step against the rules and returns the state it leads to.
pub fn check_step(ctx: &StepContext<'_>) -> Result<State, Refusal> {
    let to = next_state(ctx.action, ctx.from, ctx.live).ok_or(Refusal::WrongState {
        action: ctx.action,
        from: ctx.from,
    })?;
    if ctx.four_eyes
        && matches!(ctx.action, Action::Verify | Action::Approve)
        && let Some(editor) = ctx.revision_editor.filter(|e| *e == ctx.actor)
    {
        return Err(Refusal::FourEyes {
            action: ctx.action,
            editor: editor.to_string(),
        });
    }
    let has_reason = ctx.reason.is_some_and(|r| !r.trim().is_empty());
    if ctx.action.needs_reason() && !has_reason {
        return Err(Refusal::MissingReason { action: ctx.action });
    }
    match (ctx.action, ctx.ground) {
        (Action::Reject, None) => Err(Refusal::MissingGround),
        (Action::Reject, Some(_)) | (_, None) => Ok(to),
        (action, Some(_)) => Err(Refusal::UnexpectedGround { action }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(action: Action, from: State) -> StepContext<'static> {
        StepContext {
            action,
            from,
            live: false,
            actor: "b",
            revision_editor: Some("a"),
            four_eyes: true,
            reason: None,
            ground: None,
        }
    }

    #[test]
    fn the_three_steps_then_posting_follow_dieu_15() {
        assert_eq!(
            check_step(&ctx(Action::Submit, State::Draft)),
            Ok(State::Submitted)
        );
        assert_eq!(
            check_step(&ctx(Action::Review, State::Submitted)),
            Ok(State::Edited)
        );
        assert_eq!(
            check_step(&ctx(Action::Verify, State::Edited)),
            Ok(State::Verified)
        );
        assert_eq!(
            check_step(&ctx(Action::Approve, State::Verified)),
            Ok(State::Approved)
        );
        assert_eq!(
            check_step(&ctx(Action::Publish, State::Approved)),
            Ok(State::Published)
        );
    }

    #[test]
    fn steps_cannot_be_skipped() {
        for (action, from) in [
            (Action::Approve, State::Edited),
            (Action::Publish, State::Verified),
            (Action::Verify, State::Submitted),
            (Action::Review, State::Draft),
            (Action::Submit, State::Rejected),
        ] {
            assert_eq!(
                check_step(&ctx(action, from)),
                Err(Refusal::WrongState { action, from })
            );
        }
    }

    #[test]
    fn four_eyes_keeps_the_editor_from_verifying_or_approving() {
        let mut c = ctx(Action::Verify, State::Edited);
        c.actor = "a";
        assert!(matches!(check_step(&c), Err(Refusal::FourEyes { .. })));
        c.four_eyes = false;
        assert_eq!(check_step(&c), Ok(State::Verified));
    }

    #[test]
    fn return_needs_a_reason_and_refusal_a_ground_dieu_12_3() {
        let mut c = ctx(Action::Return, State::Edited);
        assert_eq!(
            check_step(&c),
            Err(Refusal::MissingReason {
                action: Action::Return
            })
        );
        c.reason = Some("thiếu nguồn");
        assert_eq!(check_step(&c), Ok(State::Returned));
        c.action = Action::Reject;
        assert_eq!(check_step(&c), Err(Refusal::MissingGround));
        c.ground = Some(Ground::C);
        assert_eq!(check_step(&c), Ok(State::Rejected));
    }

    #[test]
    fn withdrawal_needs_a_live_version_whatever_the_revision() {
        let mut c = ctx(Action::Withdraw, State::Submitted);
        c.reason = Some("hết hiệu lực");
        assert!(check_step(&c).is_err());
        c.live = true;
        assert_eq!(check_step(&c), Ok(State::Withdrawn));
    }

    #[test]
    fn return_and_refusal_belong_to_the_waiting_step() {
        assert_eq!(
            required_role(Action::Return, State::Submitted),
            Role::Editor
        );
        assert_eq!(required_role(Action::Reject, State::Edited), Role::Verifier);
        assert_eq!(
            required_role(Action::Return, State::Approved),
            Role::Approver
        );
    }
}
