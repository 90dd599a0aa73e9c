//! The ledger owns git: reading history with git2, signing commits with the acting
//! person's SSH key, verifying signatures in pure Rust, deciding which transitions are
//! valid under the trusted people data, and handing the builder the live set.
//! See docs/pipeline.md for the rules and the decisions behind them.

mod ack_step;
mod acks;
mod adopt;
mod agent;
pub mod article_text;
mod cache;
mod cache_codec;
mod cache_key;
mod changes;
mod error;
mod history;
mod horizon;
mod live_check;
mod liveset;
mod malformed;
mod merge;
mod next;
pub mod objects;
pub mod pack_sizes;
mod people_change;
mod public_guard;
pub mod recorded;
mod replay;
pub mod repo;
mod sign;
pub mod site_change;
pub mod site_files;
mod site_step;
mod state;
mod step_plan;
mod steps;
mod surroundings;
mod sync;
mod sync_git;
mod trailers;
mod trust;
mod validity;
mod verify;
mod verify_batch;

pub use ack_step::{AckOutcome, acknowledge, allow_rollback};
pub use adopt::{AdoptOutcome, AdoptSelection, adopt};
pub use error::{LedgerError, LedgerResult};
pub use history::{Ledger, LedgerOptions};
pub use horizon::{DATE_VAR, stated_date};
pub use liveset::LiveSet;
pub use merge::ROLLBACK;
pub use next::Next;
pub use people_change::{
    PeopleChange, PeopleOutcome, change_people, export_allowed_signers, initial_commit,
};
pub use public_guard::{BUILD_RECORD, commit_in_record, recorded_commit};
pub use replay::ParkedCommit;
pub use sign::{GIT_NAMESPACE, Signer, generate_key};
pub use site_step::{SiteAction, SiteOutcome, site_diff, site_step};
pub use state::{
    Ack, ArticleRecord, Event, EventKind, Issue, LedgerState, LiveVersion, SiteEvent, SitePending,
    SiteRecord, SiteVersion, TrustPoint,
};
pub use steps::{
    StepOutcome, StepPreview, StepRequest, perform_step, perform_step_on, preview_step, queue,
    trusted_person,
};
pub use surroundings::{Surroundings, clock_today};
pub use sync::{SyncReport, has_remote, sync};
pub use trailers::{StepTrailer, Trailers};
pub use trust::Trusted;
pub use validity::must_keep_content;
pub use verify::{SignatureCheck, check_commit};
