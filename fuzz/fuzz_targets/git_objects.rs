#![no_main]
//! Raw git objects as a shared repository sends them (`stp sync`, a clone): parsing a
//! commit or walking a tree's entries never panics, whatever the bytes; a commit that
//! parses keeps every byte other than its signature header in what was signed.

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
                // Left out: `gpgsig `, the signature's lines (each continuation's leading
                // space became the newline before it) and the header's last newline.
                let lines = signature.iter().filter(|&&b| b == b'\n').count() + 1;
                assert_eq!(data.len(), signed.len() + 7 + signature.len() + lines);
                assert!(signed.ends_with(&commit.message), "the message is signed");
            }
            None => assert!(data.ends_with(&commit.message)),
        }
    }
});
