//! Workflow owns the regulation as data and rules: the article states and transitions
//! (Điều 4.2, 12.3, 15), roles and delegations (Điều 19.2), deadlines (Điều 9.3, 11.2) and
//! the Vietnamese working-day calendar. Pure logic: it never touches git or files; callers
//! hand it text and get typed values or a [`WorkflowError`] naming the file and line.

pub mod calendar;
mod config;
pub mod config_error;
pub mod deadlines;
mod error;
mod file_error;
pub mod notify_settings;
mod people;
mod public_key;
mod roles;
mod rules;
mod states;

pub use config::WORKFLOW_FILE;
pub use people::{PEOPLE_FILE, is_valid_id};
pub use public_key::{KEY_TYPE, PublicKeyLine, parse_public_key};

pub use config::WorkflowConfig;
pub use error::WorkflowError;
pub use file_error::{FileError, Said, line_of, line_of_offset};
pub use people::{Delegation, People, Person, RoleGrant};
pub use roles::Role;
pub use rules::{Refusal, StepContext, check_step, next_state, required_role};
pub use states::{Action, Ground, State};
