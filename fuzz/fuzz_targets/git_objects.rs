#![no_main]
//! Raw git objects as a shared repository sends them (`stp sync`, a clone): parsing a
//! commit or walking a tree's entries never panics, whatever the bytes; a commit that
//! parses keeps every byte other than its signature in what was signed.

use libfuzzer_sys::fuzz_target;
use stp::ledger::objects::{RawCommit, entries};

fuzz_target!(|data: &[u8]| {
    for entry in entries(data) {
        let Some(entry) = entry else { break };
        let _ = (entry.mode(), entry.id(), entry.name_str());
    }
    if let Some(commit) = RawCommit::parse(data) {
        match &commit.signature {
            Some((signature, signed)) => {
                assert!(
                    signed.len() < data.len(),
                    "the signature header is left out"
                );
                assert!(signed.ends_with(&commit.message), "the message is signed");
            }
            None => assert!(data.ends_with(&commit.message)),
        }
    }
});
