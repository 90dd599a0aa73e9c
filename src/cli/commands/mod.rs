//! One file per command: its clap arguments and its `run` function.

pub mod build;
pub mod calendar;
pub mod check;
pub mod init;
pub mod new;
pub mod report;
pub mod serve;
