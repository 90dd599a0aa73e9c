//! One file per command: its clap arguments and its `run` function.

pub mod build;
pub mod check;
pub mod init;
pub mod intake;
pub mod new;
pub mod serve;
