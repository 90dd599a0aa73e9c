//! What the ledger knows after reading history up to a commit: each article's valid
//! state, the version on the public site, the signed trail, the trusted people data, and
//! every commit that tried something without authority. Serializable, for the cache.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use stp_workflow::{Action, Role, RoleGrant, State};

/// The ledger's state at a commit.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LedgerState {
    /// The last commit read (hex), `None` before any.
    pub tip: Option<String>,
    /// How many commits have been read in all.
    pub commits: usize,
    pub articles: BTreeMap<String, ArticleRecord>,
    pub trust: TrustPoint,
    /// Every version of `workflow/` that was trusted, oldest first (tree ids).
    pub trusted_history: Vec<String>,
    /// The latest date stated by a valid signed commit: stated dates never go back.
    pub clock: Option<NaiveDate>,
    /// The earliest stated date read that was after the horizon (`horizon.rs`): from the
    /// day before it, a new read judges that commit differently, so the cache is not used.
    pub postdated: Option<NaiveDate>,
    pub issues: Vec<Issue>,
    /// The site files (`site.toml`, `themes/`, `static/`): the live version and a change
    /// on its way.
    pub site: SiteRecord,
    /// Audit findings acknowledged by an admin's signed record, oldest first.
    pub acks: Vec<Ack>,
    /// The last commit that did something valid (a step, a trust or site change, an
    /// acknowledgement): what the public site was built from. A later history must
    /// contain it (no rollback past a signed step).
    pub last_signed: Option<String>,
}

/// The site files as the ledger knows them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct SiteRecord {
    /// The version on the public site: the trust root's, then each published change.
    pub live: Option<SiteVersion>,
    /// A change proposed by a site administrator, perhaps approved, not yet published.
    pub pending: Option<SitePending>,
    /// The signed trail of site changes, and what voided them.
    pub events: Vec<SiteEvent>,
}

/// One version of the site files: the commit whose tree holds them, and their version
/// (`site_files::SiteIds::version`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SiteVersion {
    pub commit: String,
    pub version: String,
}

/// A site change on its way to the public site.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SitePending {
    /// The proposal's commit (its tree holds the files) and version.
    pub commit: String,
    pub version: String,
    pub proposed_by: String,
    /// The approver, once approved.
    pub approved_by: Option<String>,
}

/// One entry of the site files' trail.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SiteEvent {
    pub commit: String,
    pub time: i64,
    pub date: Option<NaiveDate>,
    /// `propose`, `approve`, `return`, `publish`, `voided` or `invalid`.
    pub action: String,
    pub person: Option<String>,
    pub name: Option<String>,
    /// The reason given, or why the step was not valid.
    pub note: Option<String>,
}

/// An admin's signed acknowledgement of the audit findings of one commit.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Ack {
    /// The acknowledging commit.
    pub commit: String,
    /// The commit whose findings are acknowledged.
    pub target: String,
    pub by: String,
    pub reason: String,
}

/// Where the trusted version of the trust data comes from.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct TrustPoint {
    /// The commit that made the current version trusted.
    pub since: Option<String>,
    /// The id of the trusted `workflow/` tree.
    pub tree: Option<String>,
    /// The fingerprint of the admin who signed the first trusted version.
    pub root: Option<String>,
    /// The first version was trusted on first use (no `--trust-root` was given).
    pub on_first_use: bool,
}

/// One article's state.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub state: State,
    /// The content digest the last valid step signed.
    pub digest: Option<String>,
    /// Who edited the current revision (signed its `review`).
    pub revision_editor: Option<String>,
    /// The version on the public site.
    pub live: Option<LiveVersion>,
    /// Commit time of the last valid step (seconds), for the age shown in queues.
    pub since: i64,
    pub events: Vec<Event>,
}

impl Default for ArticleRecord {
    fn default() -> Self {
        ArticleRecord {
            state: State::Draft,
            digest: None,
            revision_editor: None,
            live: None,
            since: 0,
            events: Vec::new(),
        }
    }
}

impl ArticleRecord {
    /// Whether a valid step or adoption was ever signed for the article.
    pub fn has_history(&self) -> bool {
        self.live.is_some()
            || self
                .events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Step { .. } | EventKind::Adopted { .. }))
    }
}

/// The published version of an article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct LiveVersion {
    /// The commit of the valid `publish` step (its tree holds the bundle files).
    pub commit: String,
    pub blob: String,
    pub by: String,
    pub by_name: String,
    /// The date the secretary stated, else the commit's date (informative).
    pub at: String,
}

/// One entry of an article's trail.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub commit: String,
    /// Commit time (seconds since 1970), informative only.
    pub time: i64,
    /// The date stated in `Stp-Date`.
    pub date: Option<NaiveDate>,
    #[serde(flatten)]
    pub kind: EventKind,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum EventKind {
    /// A valid signed step.
    Step {
        action: Action,
        from: State,
        to: State,
        person: String,
        name: String,
        role: Role,
        grant: RoleGrant,
        reason: Option<String>,
        ground: Option<String>,
    },
    /// An admin recorded an article from before stp as published (`stp adopt`).
    Adopted { person: String, name: String },
    /// The content changed after a step, which voids it: back to `submitted`.
    Voided { was: State },
    /// A step that is not valid, and why.
    Invalid {
        transition: String,
        signer: Option<String>,
        why: String,
    },
}

/// A commit that tried to change a status or the trust data without authority.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Issue {
    pub commit: String,
    pub summary: String,
    /// Commit time (seconds), informative only.
    pub time: i64,
    /// `status` or `trust`.
    pub kind: String,
    /// The article or trust file concerned.
    pub subject: String,
    pub why: String,
}
