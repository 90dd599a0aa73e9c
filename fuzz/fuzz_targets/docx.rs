#![no_main]
//! The `.docx` reader never panics, and what it reads converts and renders.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const RELS: &[u8] = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://moj.gov.vn/" TargetMode="External"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
/// The package's own relationships: the reader finds the main part (and through its
/// relationships the styles) this way, as Word does.
const PACKAGE_RELS: &[u8] = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
const STYLES: &[u8] = br#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:styleId="VT"><w:basedOn w:val="VT"/><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr></w:style></w:styles>"#;
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

fuzz_target!(|data: &[u8]| {
    let bytes = common::container(
        data,
        "word/document.xml",
        &[
            ("_rels/.rels", PACKAGE_RELS),
            ("word/_rels/document.xml.rels", RELS),
            ("word/styles.xml", STYLES),
            ("word/media/image1.png", PNG),
        ],
    );
    let file = std::path::Path::new("fuzz.docx");
    if let Ok(mut doc) = stp::intake::docx::read(file, bytes, &common::LIMITS) {
        let _ = doc.convert_legacy(file);
        let _ = doc.plain_lines();
    }
});
