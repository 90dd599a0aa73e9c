#![no_main]
//! The legacy-encoding detector and converters never panic, `repair` always gives NFC,
//! and what it gives is no longer detected as legacy.

use libfuzzer_sys::fuzz_target;
use stp::content::{legacy, text};

fuzz_target!(|data: &[u8]| {
    // Bytes as Word keeps legacy text: each byte a Latin-1 character.
    let latin1: String = data.iter().map(|&b| b as char).collect();
    let utf8 = String::from_utf8_lossy(data);
    for s in [latin1.as_str(), &*utf8] {
        for line in s.lines() {
            let _ = text::detect_legacy(line);
        }
        let _ = text::check(s, 1);
        for enc in [text::Legacy::Tcvn3, text::Legacy::Vni] {
            let _ = legacy::decode(s, enc, false);
            let _ = legacy::decode(s, enc, true);
        }
        if let Ok(fixed) = legacy::repair(s) {
            assert!(text::is_nfc(&fixed), "repair gave non-NFC text");
        }
    }
});
