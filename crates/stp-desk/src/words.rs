//! The Vietnamese words the desk shows for the regulation's states, steps and roles (the
//! regulation's own terms: biên tập, kiểm tra, phê duyệt, trả lại, từ chối, gỡ bỏ, Thư ký
//! Ban Biên tập, Trưởng Ban).

use stp_workflow::{Action, Role, State};

/// Where an article stands.
pub fn state(state: State) -> &'static str {
    match state {
        State::Draft => "bản nháp",
        State::Submitted => "đã gửi, chờ biên tập",
        State::Edited => "đã biên tập, chờ kiểm tra",
        State::Verified => "đã kiểm tra, chờ phê duyệt",
        State::Approved => "đã phê duyệt, chờ đăng",
        State::Published => "đã đăng",
        State::Returned => "bị trả lại",
        State::Rejected => "bị từ chối",
        State::Withdrawn => "đã gỡ bỏ",
    }
}

/// The button of a step.
pub fn button(action: Action) -> &'static str {
    match action {
        Action::Submit => "Gửi bài",
        Action::Review => "Biên tập xong",
        Action::Verify => "Kiểm tra xong",
        Action::Approve => "Phê duyệt",
        Action::Return => "Trả lại",
        Action::Reject => "Từ chối",
        Action::Publish => "Đăng",
        Action::Withdraw => "Gỡ bỏ",
    }
}

/// The step as done, for the trail and the result page.
pub fn done(action: Action) -> &'static str {
    match action {
        Action::Submit => "gửi bài",
        Action::Review => "biên tập",
        Action::Verify => "kiểm tra",
        Action::Approve => "phê duyệt",
        Action::Return => "trả lại",
        Action::Reject => "từ chối",
        Action::Publish => "đăng",
        Action::Withdraw => "gỡ bỏ",
    }
}

/// The heading of a person's queue for a step.
pub fn queue(action: Action) -> &'static str {
    match action {
        Action::Submit => "Bị trả lại, chờ tôi sửa và gửi lại",
        Action::Review => "Chờ tôi biên tập",
        Action::Verify => "Chờ tôi kiểm tra",
        Action::Approve => "Chờ tôi phê duyệt",
        Action::Publish => "Chờ tôi đăng",
        Action::Return | Action::Reject | Action::Withdraw => "Khác",
    }
}

/// A role, as the regulation names the person holding it.
pub fn role(role: Role) -> &'static str {
    match role {
        Role::Contributor => "cộng tác viên",
        Role::Editor => "biên tập viên",
        Role::Verifier => "người kiểm tra",
        Role::Approver => "Trưởng Ban (phê duyệt)",
        Role::Secretary => "Thư ký Ban Biên tập",
        Role::Admin => "quản trị",
        Role::SiteAdmin => "quản trị trang",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_check::is_nfc;

    mod unicode_check {
        /// Whether `s` is in NFC: Vietnamese letters precomposed, as the site requires.
        pub fn is_nfc(s: &str) -> bool {
            // A decomposed Vietnamese letter carries a combining mark (U+0300–U+036F).
            !s.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c))
        }
    }

    #[test]
    fn every_word_is_vietnamese_in_nfc_and_states_differ() {
        let mut seen = std::collections::HashSet::new();
        for s in State::ALL {
            assert!(is_nfc(state(s)));
            assert!(
                seen.insert(state(s)),
                "two states read the same: {}",
                state(s)
            );
        }
        for a in Action::ALL {
            assert!(is_nfc(button(a)) && is_nfc(done(a)) && is_nfc(queue(a)));
        }
        assert_eq!(button(Action::Approve), "Phê duyệt");
        assert_eq!(role(Role::Secretary), "Thư ký Ban Biên tập");
    }
}
