//! The errors of the workflow layer: a trust or settings file that does not parse, or a
//! value that breaks a rule. Each names the file and line ([`FileError`]).

pub use super::file_error::{FileError, line_of};

/// Something wrong in `workflow/people.toml` or `workflow/workflow.toml`.
pub type WorkflowError = FileError;
