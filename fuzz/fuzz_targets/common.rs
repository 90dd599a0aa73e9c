//! Shared by the document targets: the input either is a whole zip (seeded with real
//! LibreOffice files), or is one XML part that this wraps in a zip with the other parts
//! a document needs, so the fuzzer reaches the XML readers past the zip's checksums.

use std::io::{Cursor, Write};

pub const LIMITS: stp::intake::Limits = stp::intake::Limits {
    max_attachment_bytes: 1 << 20,
};

pub fn container(data: &[u8], main: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    match data.split_first() {
        Some((b, rest)) if b % 2 == 1 => {
            let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            w.start_file(main, opts).unwrap();
            w.write_all(rest).unwrap();
            for (name, bytes) in extra {
                w.start_file(*name, opts).unwrap();
                w.write_all(bytes).unwrap();
            }
            w.finish().unwrap().into_inner()
        }
        _ => data.to_vec(),
    }
}
