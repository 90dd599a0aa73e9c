//! What the commands print besides their results: every `--json` output is one JSON
//! object whose first field is `"schema_version": 1` (docs/cli.md lists the fields per
//! command); informational lines on stderr, silenced by `-q`; details shown by `-v`; and
//! a progress line on long work, only when stderr is a terminal.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU8, Ordering};

use serde::Serialize;

/// The version of the JSON outputs' shapes; it changes when a field changes meaning or
/// goes away (new fields may appear without a change).
pub const SCHEMA_VERSION: u32 = 1;

/// `body`'s fields after `schema_version`; `body` serialises as a map (a struct, or a
/// `serde_json::json!({…})` object).
#[derive(Serialize)]
struct Versioned<'a, T: Serialize> {
    schema_version: u32,
    #[serde(flatten)]
    body: &'a T,
}

/// Prints `body` as the command's one JSON object, `schema_version` first.
pub fn print_json<T: Serialize>(body: &T) {
    let versioned = Versioned {
        schema_version: SCHEMA_VERSION,
        body,
    };
    match serde_json::to_string_pretty(&versioned) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("error: the JSON output could not be written: {e}"),
    }
}

/// How much the command says on stderr besides errors and warnings: `-q` nothing more,
/// `-v` also what it read and how long it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

static VERBOSITY: AtomicU8 = AtomicU8::new(1);

/// Sets the verbosity for the rest of the run (from `-q`/`-v`, once at start-up).
pub fn set_verbosity(v: Verbosity) {
    VERBOSITY.store(v as u8, Ordering::Relaxed);
}

pub fn verbosity() -> Verbosity {
    match VERBOSITY.load(Ordering::Relaxed) {
        0 => Verbosity::Quiet,
        1 => Verbosity::Normal,
        _ => Verbosity::Verbose,
    }
}

/// Prints `message` on stderr after the run's `warning:` label (`cảnh báo:` in
/// Vietnamese); warnings are shown even with `-q`.
pub fn warning(message: &str) {
    eprintln!("{}: {message}", stp_i18n::t!("warning-label"));
}

/// Prints `message` on stderr after the run's `error:` label, for an error the run goes
/// on after (one recipient refused, the others still told).
pub fn error_line(message: &str) {
    eprintln!("{}: {message}", stp_i18n::t!("error-label"));
}

/// Prints an informational line on stderr (`note: …`, `signed: …`), unless `-q`.
pub fn info(line: std::fmt::Arguments) {
    if verbosity() > Verbosity::Quiet {
        eprintln!("{line}");
    }
}

/// Prints a detail on stderr only with `-v`.
pub fn detail(line: std::fmt::Arguments) {
    if verbosity() == Verbosity::Verbose {
        eprintln!("{line}");
    }
}

/// A progress line on stderr for long work, shown only when stderr is a terminal and the
/// output is for people (not `--json`, not `-q`); it is cleared when dropped.
pub struct Progress {
    shown: bool,
    what: String,
}

impl Progress {
    pub fn start(what: impl Into<String>, json: bool) -> Progress {
        let shown = !json && verbosity() > Verbosity::Quiet && std::io::stderr().is_terminal();
        let progress = Progress {
            shown,
            what: what.into(),
        };
        progress.draw(&format!("{}…", progress.what));
        progress
    }

    /// `[n/total] item` after the work's name.
    pub fn step(&self, n: usize, total: usize, item: &str) {
        self.draw(&format!("{} [{n}/{total}] {item}", self.what));
    }

    fn draw(&self, line: &str) {
        if self.shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K{line}");
            let _ = err.flush();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if self.shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}
