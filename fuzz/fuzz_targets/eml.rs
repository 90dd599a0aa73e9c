#![no_main]
//! The `.eml` reader never panics, and never returns an attachment over the limit.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys aborts from its panic hook, before `eml::read` can turn a panic inside
    // mail-parser (a known overflow, see fuzz/regressions/eml) into a refusal. A silent
    // hook leaves that to `eml::read`; a panic anywhere else still aborts through
    // libfuzzer-sys's own `catch_unwind` around this body, and is saved as a crash.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let file = std::path::Path::new("fuzz.eml");
    if let Ok(mail) = stp::intake::eml::read(file, data, 4096) {
        assert!(mail.attachments.iter().all(|a| a.bytes.len() <= 4096));
    }
});
