//! The article states, the actions that move an article between them, and the grounds of
//! a refusal (Điều 12.3).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Where an article stands in the editorial pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Not yet sent in (or never seen in a valid step).
    Draft,
    Submitted,
    /// Step 1 done: compiled and edited (Điều 15.1).
    Edited,
    /// Step 2 done: verified (Điều 15.2).
    Verified,
    /// Step 3 done: final check passed, waiting for the secretary (Điều 15.3).
    Approved,
    Published,
    /// Sent back to its sender with a reason (Điều 4.2).
    Returned,
    /// Refused on a ground of Điều 12.3; final for this article.
    Rejected,
    /// Taken off the public site.
    Withdrawn,
}

impl State {
    pub const ALL: [State; 9] = [
        State::Draft,
        State::Submitted,
        State::Edited,
        State::Verified,
        State::Approved,
        State::Published,
        State::Returned,
        State::Rejected,
        State::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Submitted => "submitted",
            State::Edited => "edited",
            State::Verified => "verified",
            State::Approved => "approved",
            State::Published => "published",
            State::Returned => "returned",
            State::Rejected => "rejected",
            State::Withdrawn => "withdrawn",
        }
    }

    /// States that a content change voids: the steps signed for the old content no longer
    /// hold, and the revision goes back to `submitted` (docs/pipeline.md: a commit
    /// that changes an article without a valid step voids the steps signed for the old
    /// content).
    pub fn is_voided_by_content_change(self) -> bool {
        matches!(self, State::Edited | State::Verified | State::Approved)
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for State {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        State::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| format!("unknown state `{s}`"))
    }
}

/// A step a person signs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Submit,
    Review,
    Verify,
    Approve,
    Return,
    Reject,
    Publish,
    Withdraw,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Submit,
        Action::Review,
        Action::Verify,
        Action::Approve,
        Action::Return,
        Action::Reject,
        Action::Publish,
        Action::Withdraw,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::Review => "review",
            Action::Verify => "verify",
            Action::Approve => "approve",
            Action::Return => "return",
            Action::Reject => "reject",
            Action::Publish => "publish",
            Action::Withdraw => "withdraw",
        }
    }

    /// The state a valid step of this action leads to.
    pub fn target(self) -> State {
        match self {
            Action::Submit => State::Submitted,
            Action::Review => State::Edited,
            Action::Verify => State::Verified,
            Action::Approve => State::Approved,
            Action::Return => State::Returned,
            Action::Reject => State::Rejected,
            Action::Publish => State::Published,
            Action::Withdraw => State::Withdrawn,
        }
    }

    /// Whether the signer may change the article's content in the same step: the sender
    /// (submit), the editor (Điều 15.1 "biên tập") and the verifier (Điều 15.2 "sửa đổi,
    /// bổ sung"). The final check and the posting sign exactly what was verified.
    pub fn may_amend_content(self) -> bool {
        matches!(self, Action::Submit | Action::Review | Action::Verify)
    }

    /// Whether the step must say why (Điều 4.2 return, Điều 12.3 refusal, withdrawal).
    pub fn needs_reason(self) -> bool {
        matches!(self, Action::Return | Action::Reject | Action::Withdraw)
    }

    /// The action whose step ends in `to` (each action has its own target state), as
    /// read from an `Stp-Transition: <from> -> <to>` trailer.
    pub fn reaching(to: State) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.target() == to)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A ground for refusing content (Điều 12.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ground {
    /// a) against the Party's guidelines or the State's policy and law.
    #[serde(rename = "a")]
    A,
    /// b) a state secret, or not yet cleared for release.
    #[serde(rename = "b")]
    B,
    /// c) untrue.
    #[serde(rename = "c")]
    C,
    /// d) not of adequate quality.
    #[serde(rename = "d")]
    D,
    /// đ) other bans of the law.
    #[serde(rename = "đ")]
    Dd,
}

impl Ground {
    /// The grounds in the order of Điều 12.3.
    pub const ALL: [Ground; 5] = [Ground::A, Ground::B, Ground::C, Ground::D, Ground::Dd];

    pub fn as_str(self) -> &'static str {
        match self {
            Ground::A => "a",
            Ground::B => "b",
            Ground::C => "c",
            Ground::D => "d",
            Ground::Dd => "đ",
        }
    }

    /// What the ground means, in the regulation's words.
    pub fn meaning(self) -> &'static str {
        match self {
            Ground::A => "trái với đường lối của Đảng, chính sách, pháp luật của Nhà nước",
            Ground::B => "bí mật nhà nước hoặc chưa được phép công bố",
            Ground::C => "thông tin không đúng sự thật",
            Ground::D => "không đảm bảo chất lượng",
            Ground::Dd => "vi phạm các quy định cấm khác của pháp luật",
        }
    }
}

impl fmt::Display for Ground {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Ground {
    type Err = String;

    /// `a`–`d`, `đ`; `dd` is accepted for keyboards without Vietnamese letters.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "a" => Ok(Ground::A),
            "b" => Ok(Ground::B),
            "c" => Ok(Ground::C),
            "d" => Ok(Ground::D),
            "đ" | "Đ" | "dd" => Ok(Ground::Dd),
            other => Err(format!(
                "unknown ground `{other}`; Điều 12.3 has a, b, c, d and đ (or dd)"
            )),
        }
    }
}
