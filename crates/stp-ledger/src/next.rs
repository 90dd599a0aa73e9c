//! What to do after a refusal, as the ledger knows it: the next step named by what it
//! does, not by the command that does it. The command line words each one (the commands,
//! their options and the language live there, `src/cli/hints.rs`); a hint that names no
//! command is plain text (`Next::Say`).

use stp_workflow::Role;

/// The next thing to try after a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Words that name no command.
    Say(String),
    /// See the articles and their states.
    Status,
    /// See the queues of the steps waiting.
    Queues,
    /// See the signed trail of an article.
    Log { article: String },
    /// See an article's trail; a published article is revised by submitting it again.
    LogOrRevise { article: String },
    /// Fix the article and check it.
    FixArticle { adopted: bool },
    /// Finish the article: the check lists everything still missing.
    FinishArticle,
    /// A step needs a role the person lacks: who holds it, and how an admin grants it.
    GrantRole {
        action: String,
        person: String,
        role: Role,
        holders: Vec<String>,
    },
    /// A site step needs a role the person lacks.
    SiteRole { action: String, role: Role },
    /// Nobody has signed the people data yet: the first admin adds themselves.
    FirstAdmin,
    /// The signer's key is not in the people data: an admin adds it.
    AddMe,
    /// Add yourself as the first admin, signing with your own key.
    AddYourselfAsFirstAdmin,
    /// Correct a person's entry in the people data.
    CorrectPerson,
    /// See who holds which role.
    PeopleList,
    /// Commit the new site first, or make it with the first admin's key.
    CommitSiteFirst,
    /// Copy the example workflow settings into workflow/ and commit them.
    CopyWorkflowSettings,
    /// Only an admin adopts the articles of a site from before stp.
    AdminAdopts,
    /// List the audit's findings (and give the commit id one of them shows).
    Audit { with_commit_id: bool },
    /// No site change waits: a site administrator proposes one.
    ProposeSiteChange,
    /// The site files in HEAD are not the proposed version: propose them again.
    ProposeSiteFilesAgain,
    /// The live or approved site files cannot be used: propose a corrected version.
    ProposeCorrectedSiteFiles { settings: bool },
    /// The site files have no signed version: propose, approve, publish.
    SignSiteFiles,
    /// An approved site change goes live with the secretary's publish.
    SecretaryPublishes,
    /// A section still holding live articles: withdraw them first, or keep the section.
    WithdrawSectionFirst,
    /// Sync again (someone else's commits came first, or a branch moved).
    SyncAgain,
    /// Syncing needs the key to sign our commits again.
    SyncWithKey,
    /// Uncommitted edits stand in the way of a sync: commit or stash them, then sync.
    CommitOrStashThenSync,
}

impl From<&str> for Next {
    fn from(text: &str) -> Next {
        Next::Say(text.to_string())
    }
}

impl From<String> for Next {
    fn from(text: String) -> Next {
        Next::Say(text)
    }
}
