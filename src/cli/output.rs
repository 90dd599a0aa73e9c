//! What the commands print for scripts: every `--json` output is one JSON object whose
//! first field is `"schema_version": 1` (docs/cli.md lists the fields per command).

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
