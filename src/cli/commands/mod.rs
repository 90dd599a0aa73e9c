//! One file per command: its clap arguments and its `run` function.

pub mod adopt;
pub mod approve;
pub mod audit;
pub mod build;
pub mod calendar;
pub mod check;
pub mod demo;
pub mod init;
pub mod intake;
pub mod key;
pub mod log;
pub mod new;
pub mod people;
pub mod publish;
pub mod reject;
pub mod report;
pub mod return_step;
pub mod review;
pub mod serve;
pub mod signing;
pub mod status;
pub mod step;
pub mod submit;
pub mod sync;
pub mod verify;
pub mod withdraw;
