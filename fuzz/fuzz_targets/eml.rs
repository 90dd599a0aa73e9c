#![no_main]
//! The `.eml` reader never panics, and never returns an attachment over the limit.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = std::path::Path::new("fuzz.eml");
    if let Ok(mail) = stp::content::import::eml::read(file, data, 4096) {
        assert!(mail.attachments.iter().all(|a| a.bytes.len() <= 4096));
    }
});
