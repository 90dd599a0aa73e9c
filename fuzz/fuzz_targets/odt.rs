#![no_main]
//! The `.odt` reader never panics, and what it reads converts.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const STYLES: &[u8] = br#"<?xml version="1.0"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"><office:font-face-decls><style:font-face style:name="V" svg:font-family="'VNI-Times'"/></office:font-face-decls><office:styles><style:style style:name="P" style:family="paragraph" style:parent-style-name="P"><style:text-properties style:font-name="V"/></style:style></office:styles></office:document-styles>"#;

fuzz_target!(|data: &[u8]| {
    let bytes = common::container(
        data,
        "content.xml",
        &[("styles.xml", STYLES), ("Pictures/a.png", b"\x89PNG")],
    );
    let file = std::path::Path::new("fuzz.odt");
    if let Ok(mut doc) = stp::intake::odt::read(file, bytes, &common::LIMITS) {
        let _ = doc.convert_legacy(file);
        let _ = doc.plain_lines();
    }
});
