//! The error of the workflow's configuration files (`workflow/calendar.toml` and the
//! deadline tables of `workflow/workflow.toml`): the shared [`FileError`], naming the file,
//! the line and what to do next.

pub use super::file_error::FileError;

/// A mistake in a workflow configuration file, refused at load.
pub type ConfigError = FileError;
