#![no_main]
//! The `.docx` reader never panics, and what it reads converts and renders.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const RELS: &[u8] = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://moj.gov.vn/" TargetMode="External"/></Relationships>"#;
const STYLES: &[u8] = br#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:styleId="VT"><w:basedOn w:val="VT"/><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr></w:style></w:styles>"#;
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

fuzz_target!(|data: &[u8]| {
    let bytes = common::container(
        data,
        "word/document.xml",
        &[
            ("word/_rels/document.xml.rels", RELS),
            ("word/styles.xml", STYLES),
            ("word/media/image1.png", PNG),
        ],
    );
    let file = std::path::Path::new("fuzz.docx");
    if let Ok(mut doc) = stp::content::import::docx::read(file, bytes, &common::LIMITS) {
        let _ = doc.convert_legacy(file);
        let _ = doc.plain_lines();
    }
});
