//! The command line's words for what to do next: the layers name the next step (`Next`)
//! or the kind of error, and these say it, with the commands and options that do it. One
//! place for the hints that name stp's commands, so a renamed command or option changes
//! here alone; their words in each language are the messages `hint-…` and `next-…` of
//! `stp-i18n`'s Fluent files.

use stp_i18n::t;

use crate::ledger::{LedgerError, Next};

/// The hint after a ledger error, if there is one.
pub fn for_ledger(e: &LedgerError) -> Option<String> {
    match e {
        LedgerError::Refused { next, .. } => next.as_ref().map(words),
        LedgerError::NoKey => Some(t!("hint-no-key")),
        LedgerError::MissingKey(file) => {
            Some(t!("hint-missing-key", file = file.display().to_string()))
        }
        LedgerError::Key { .. } => Some(t!("hint-bad-key")),
        LedgerError::Locked(file) => Some(t!("hint-locked-key", file = file.display().to_string())),
        LedgerError::WrongPassphrase(_) => Some(t!("hint-wrong-passphrase")),
        LedgerError::Agent(_) => Some(t!("hint-agent")),
        LedgerError::Workflow(_) => Some(t!("hint-workflow-file")),
        LedgerError::CacheMismatch(_) => Some(t!("hint-cache-mismatch")),
        LedgerError::Git { .. } | LedgerError::Io { .. } => None,
    }
}

/// What `next` says to do, in words with the commands that do it.
pub fn words(next: &Next) -> String {
    match next {
        Next::Say(text) => text.clone(),
        Next::Status => t!("next-status"),
        Next::Queues => t!("next-queues"),
        Next::Log { article } => t!("next-log", article = article),
        Next::LogOrRevise { article } => t!("next-log-or-revise", article = article),
        Next::FixArticle { adopted: false } => t!("next-fix-article"),
        Next::FixArticle { adopted: true } => t!("next-fix-article-adopted"),
        Next::FinishArticle => t!("next-finish-article"),
        Next::GrantRole {
            action,
            person,
            role,
            holders,
        } => {
            let name = super::words::role(*role);
            if holders.is_empty() {
                t!(
                    "next-grant-role-nobody",
                    action = action,
                    person = person,
                    role = name,
                    role_id = role.as_str()
                )
            } else {
                t!(
                    "next-grant-role",
                    action = action,
                    person = person,
                    role = name,
                    role_id = role.as_str(),
                    holders = holders.join(", ")
                )
            }
        }
        Next::SiteRole { action, role } => t!(
            "next-site-role",
            action = action,
            role = super::words::role(*role)
        ),
        Next::FirstAdmin => t!("next-first-admin"),
        Next::AddMe => t!("next-add-me"),
        Next::AddYourselfAsFirstAdmin => t!("next-add-yourself-as-first-admin"),
        Next::CorrectPerson => t!("next-correct-person"),
        Next::PeopleList => t!("next-people-list"),
        Next::CommitSiteFirst => t!("next-commit-site-first"),
        Next::CopyWorkflowSettings => t!("next-copy-workflow-settings"),
        Next::AdminAdopts => t!("next-admin-adopts"),
        Next::Audit {
            with_commit_id: true,
        } => t!("next-audit-with-commit"),
        Next::Audit {
            with_commit_id: false,
        } => t!("next-audit"),
        Next::ProposeSiteChange => t!("next-propose-site-change"),
        Next::ProposeSiteFilesAgain => t!("next-propose-site-files-again"),
        Next::ProposeCorrectedSiteFiles { settings: true } => {
            t!("next-propose-corrected-settings")
        }
        Next::ProposeCorrectedSiteFiles { settings: false } => {
            t!("next-propose-corrected-site-files")
        }
        Next::SignSiteFiles => t!("next-sign-site-files"),
        Next::SecretaryPublishes => t!("next-secretary-publishes"),
        Next::WithdrawSectionFirst => t!("next-withdraw-section-first"),
        Next::SyncAgain => t!("next-sync-again"),
        Next::SyncWithKey => t!("next-sync-with-key"),
        Next::CommitOrStashThenSync => t!("next-commit-or-stash-then-sync"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::Role;

    #[test]
    fn the_role_hint_names_the_holders_and_the_grant() {
        crate::cli::in_english_for_tests();
        let next = |holders: &[&str]| Next::GrantRole {
            action: "approve".into(),
            person: "bien-tap".into(),
            role: Role::Approver,
            holders: holders.iter().map(|h| h.to_string()).collect(),
        };
        let held = words(&next(&["truong-ban", "pho-ban"]));
        assert!(held.contains("held by truong-ban, pho-ban"), "{held}");
        assert!(
            held.contains("`stp people grant bien-tap approver`"),
            "{held}"
        );
        let nobody = words(&next(&[]));
        assert!(
            nobody.contains("nobody holds the approver role yet"),
            "{nobody}"
        );
        assert_eq!(words(&Next::from("plain words")), "plain words");
        let refused = LedgerError::refused_with(
            "no",
            Next::Log {
                article: "content/tin-tuc/a.md".into(),
            },
        );
        assert_eq!(
            for_ledger(&refused).as_deref(),
            Some("see its trail with `stp log content/tin-tuc/a.md`")
        );
    }
}
