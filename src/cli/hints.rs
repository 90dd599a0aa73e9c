//! The command line's words for what to do next: the layers name the next step (`Next`)
//! or the kind of error, and these say it, with the commands and options that do it. One
//! place for the hints that name stp's commands, so a renamed command or option (and,
//! later, another language) changes here alone.

use crate::ledger::{LedgerError, Next};

/// The hint after a ledger error, if there is one.
pub fn for_ledger(e: &LedgerError) -> Option<String> {
    match e {
        LedgerError::Refused { next, .. } => next.as_ref().map(words),
        LedgerError::NoKey => Some(
            "make a key with `stp key new ~/.ssh/stp_ed25519` and ask an admin to add its .pub"
                .into(),
        ),
        LedgerError::MissingKey(file) => Some(format!(
            "check the path, or make a key there with `stp key new {}` and ask an admin to add its .pub",
            file.display()
        )),
        LedgerError::Key { .. } => Some(
            "give the OpenSSH ed25519 key file that `ssh-keygen` or `stp key new` wrote".into(),
        ),
        LedgerError::Locked(file) => Some(format!(
            "run the command on a terminal, where stp asks for the passphrase, or add the key to ssh-agent first: `ssh-add {}`",
            file.display()
        )),
        LedgerError::WrongPassphrase(_) => {
            Some("type the passphrase again (it is case-sensitive); nothing was signed".into())
        }
        LedgerError::Agent(_) => Some("check SSH_AUTH_SOCK and `ssh-add -l`".into()),
        LedgerError::Workflow(_) => {
            Some("ask an admin to correct the file with `stp people …`".into())
        }
        LedgerError::CacheMismatch(_) => {
            Some("delete .git/stp/ledger-cache.bin and run the command again".into())
        }
        LedgerError::Git { .. } | LedgerError::Io { .. } => None,
    }
}

/// What `next` says to do, in words with the commands that do it.
pub fn words(next: &Next) -> String {
    match next {
        Next::Say(text) => text.clone(),
        Next::Status => "see the articles and their states with `stp status`".into(),
        Next::Queues => "see the queues with `stp status`".into(),
        Next::Log { article } => format!("see its trail with `stp log {article}`"),
        Next::LogOrRevise { article } => format!(
            "see its trail with `stp log {article}`; a published article is revised with `stp submit`"
        ),
        Next::FixArticle { adopted: false } => "fix the article, check it with `stp check`".into(),
        Next::FixArticle { adopted: true } => {
            "fix the article, check it with `stp check`; nothing was adopted".into()
        }
        Next::FinishArticle => {
            "finish the article first; `stp check` lists everything still missing".into()
        }
        Next::GrantRole {
            action,
            person,
            role,
            holders,
        } => {
            let who = if holders.is_empty() {
                format!("nobody holds the {role} role yet")
            } else {
                format!("the {role} role is held by {}", holders.join(", "))
            };
            format!(
                "`{action}` needs the {role} role; {who}: ask one of them, or ask an admin to run `stp people grant {person} {role}`"
            )
        }
        Next::SiteRole { action, role } => {
            format!("`stp site {action}` needs the {role} role: ask an admin to grant it")
        }
        Next::FirstAdmin => "the first admin runs `stp people add ID --name NAME --role admin --key THEIR.pub --signing-key THEIR_KEY`".into(),
        Next::AddMe => {
            "ask an admin to run `stp people add ID --name NAME --role ROLE --key YOUR_KEY.pub`"
                .into()
        }
        Next::AddYourselfAsFirstAdmin => "run `stp people add ID --name NAME --role admin --key YOUR_KEY.pub --signing-key YOUR_KEY`".into(),
        Next::CorrectPerson => "ask an admin to correct the person with `stp people add`".into(),
        Next::PeopleList => {
            "nothing was signed; `stp people list` shows who holds which role".into()
        }
        Next::CommitSiteFirst => "commit the site first (`git add -A && git commit`), or use `stp init DIR --admin-key PUB`".into(),
        Next::CopyWorkflowSettings => "copy the example settings (`stp init DIR` writes them) into workflow/, commit, and run again".into(),
        Next::AdminAdopts => "ask an admin to run `stp adopt`".into(),
        Next::Audit {
            with_commit_id: true,
        } => "list the findings with `stp audit`, and give the commit id it shows".into(),
        Next::Audit {
            with_commit_id: false,
        } => "see them with `stp audit`".into(),
        Next::ProposeSiteChange => {
            "see `stp status`; a site administrator proposes one with `stp site propose`".into()
        }
        Next::ProposeSiteFilesAgain => {
            "the site administrator proposes them again (`stp site propose`)".into()
        }
        Next::ProposeCorrectedSiteFiles { settings: true } => {
            "the site administrator proposes a corrected site.toml (`stp site propose`)".into()
        }
        Next::ProposeCorrectedSiteFiles { settings: false } => {
            "the site administrator proposes a corrected version (`stp site propose`)".into()
        }
        Next::SignSiteFiles => "the site administrator proposes them (`stp site propose`), an approver approves (`stp site approve`) and the secretary publishes".into(),
        Next::SecretaryPublishes => "the secretary posts it with `stp publish`".into(),
        Next::WithdrawSectionFirst => {
            "withdraw its published articles first (`stp withdraw`), or keep the section".into()
        }
        Next::SyncAgain => "run `stp sync` again".into(),
        Next::SyncWithKey => "give --key PATH (or set STP_KEY or git's user.signingkey) and run `stp sync` again".into(),
        Next::CommitOrStashThenSync => "commit them (`stp submit` or `git commit`) or put them aside (`git stash`), then run `stp sync` again".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::Role;

    #[test]
    fn the_role_hint_names_the_holders_and_the_grant() {
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
