//! What intake refuses, cleanly and with nothing written: a zip bomb, an attachment over
//! `max_attachment_bytes`, a picture path that leaves the document, truncated files, an
//! old `.doc`, and a submission that does not name its sender (Điều 9.1.b).

use std::io::{Cursor, Read, Write};
use std::path::Path;

use crate::kit::intake::*;
use crate::kit::stderr;

fn refused(root: &Path, args: &[&str], expect: &str) {
    let before = content_files(root);
    let out = stp(root, args);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(expect), "expected `{expect}` in:\n{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(content_files(root), before, "something was written");
}

const DOC: &str = "<text:h text:outline-level=\"1\">Tin ngắn</text:h><text:p>Nội dung.</text:p><text:p>Đơn vị: Phòng Tư pháp</text:p><text:p>Người gửi: Lê Văn C</text:p><text:p>Email: c@tp.gov.vn</text:p><text:p>Điện thoại: 0271 1</text:p>";

/// Rewrites the parts of a zip.
fn rezip(bytes: &[u8], change: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        w.start_file(name.as_str(), opts).unwrap();
        w.write_all(&change(&name, data)).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn zip_bomb_refused() {
    let dir = site();
    let root = root(&dir);
    let docx = std::fs::read(convert(dir.path(), "tin", &fodt(DOC), "docx")).unwrap();
    // document.xml padded with 300 MB of spaces: a few hundred KB packed.
    let bomb = rezip(&docx, |name, data| {
        if name == "word/document.xml" {
            let mut d = data;
            d.extend(std::iter::repeat_n(b' ', 300 << 20));
            d
        } else {
            data
        }
    });
    assert!(bomb.len() < 2 << 20, "{}", bomb.len());
    let path = dir.path().join("bom.docx");
    std::fs::write(&path, bomb).unwrap();
    refused(
        &root,
        &["intake", path.to_str().unwrap(), "--section", "tin-tuc"],
        "bom.docx: part `word/document.xml` inflates more than 200 times its packed size: a zip bomb",
    );
}

#[test]
fn attachment_over_the_limit_refused() {
    let dir = site();
    let root = root(&dir);
    let big = vec![0x25u8; 50 << 20];
    let eml = mail(
        "From: C <c@tp.gov.vn>\r\nSubject: Tin\r\n",
        "Đơn vị: Phòng Tư pháp\nĐiện thoại: 0271 1\n",
        &[Part {
            name: "lon.pdf",
            mime: "application/pdf",
            bytes: &big,
        }],
    );
    let path = dir.path().join("lon.eml");
    std::fs::write(&path, eml).unwrap();
    refused(
        &root,
        &["intake", path.to_str().unwrap(), "--section", "tin-tuc"],
        "lon.eml: attachment `lon.pdf` is 50.0 MB, over the limit of 20.0 MB",
    );
    // A loose file too.
    let pdf = dir.path().join("lon.pdf");
    std::fs::write(&pdf, vec![0u8; 50 << 20]).unwrap();
    let doc = convert(dir.path(), "tin", &fodt(DOC), "odt");
    refused(
        &root,
        &[
            "intake",
            doc.to_str().unwrap(),
            pdf.to_str().unwrap(),
            "--section",
            "tin-tuc",
        ],
        "lon.pdf: is 50.0 MB, over the limit of 20.0 MB",
    );
}

#[test]
fn picture_path_escaping_the_document_refused() {
    let dir = site();
    let root = root(&dir);
    let body = format!(
        "{DOC}<text:p>{}</text:p>",
        fodt_picture(&picture(image::ImageFormat::Png, 2, 2), "Ảnh")
    );
    let docx = std::fs::read(convert(dir.path(), "anh", &fodt(&body), "docx")).unwrap();
    let evil = rezip(&docx, |name, data| {
        if name == "word/_rels/document.xml.rels" {
            let text = String::from_utf8(data).unwrap();
            let start = text.find("Target=\"media/").unwrap() + 8;
            let end = start + text[start..].find('"').unwrap();
            format!("{}../../../../etc/passwd{}", &text[..start], &text[end..]).into_bytes()
        } else {
            data
        }
    });
    let path = dir.path().join("evil.docx");
    std::fs::write(&path, evil).unwrap();
    refused(
        &root,
        &["intake", path.to_str().unwrap(), "--section", "tin-tuc"],
        "evil.docx: names a picture or part at `../../../../etc/passwd`, outside the document",
    );
    // The same in an .odt: the picture's xlink:href.
    let odt = std::fs::read(convert(dir.path(), "anh", &fodt(&body), "odt")).unwrap();
    let evil = rezip(&odt, |name, data| {
        if name == "content.xml" {
            let text = String::from_utf8(data).unwrap();
            text.replace("xlink:href=\"Pictures/", "xlink:href=\"../../Pictures/")
                .into_bytes()
        } else {
            data
        }
    });
    let path = dir.path().join("evil.odt");
    std::fs::write(&path, evil).unwrap();
    refused(
        &root,
        &["intake", path.to_str().unwrap(), "--section", "tin-tuc"],
        "evil.odt: names a picture or part at `../../Pictures/",
    );
}

#[test]
fn truncated_files_refused() {
    let dir = site();
    let root = root(&dir);
    for format in ["docx", "odt"] {
        let bytes = std::fs::read(convert(dir.path(), "tin", &fodt(DOC), format)).unwrap();
        let path = dir.path().join(format!("cut.{format}"));
        std::fs::write(&path, &bytes[..bytes.len() * 2 / 3]).unwrap();
        refused(
            &root,
            &["intake", path.to_str().unwrap(), "--section", "tin-tuc"],
            &format!("cut.{format}: is not a readable document"),
        );
    }
    let eml = mail(
        "From: C <c@tp.gov.vn>\r\nSubject: Tin\r\n",
        "Nội dung",
        &[Part {
            name: "a.pdf",
            mime: "application/pdf",
            bytes: &pdf(true),
        }],
    );
    let path = dir.path().join("cut.eml");
    std::fs::write(&path, &eml[..eml.len() - 30]).unwrap();
    refused(
        &root,
        &["intake", path.to_str().unwrap(), "--section", "tin-tuc"],
        "cut.eml: is cut short",
    );
}

#[test]
fn old_doc_and_missing_sender_refused_with_what_to_do() {
    let dir = site();
    let root = root(&dir);
    let eml = mail(
        "From: <x@tp.gov.vn>\r\nSubject: Tin\r\n",
        "",
        &[Part {
            name: "bai.doc",
            mime: "application/msword",
            bytes: b"\xd0\xcf\x11\xe0",
        }],
    );
    let path = dir.path().join("doc.eml");
    std::fs::write(&path, eml).unwrap();
    refused(
        &root,
        &["intake", path.to_str().unwrap(), "--section", "tin-tuc"],
        "doc.eml/bai.doc: is an old Word 97-2003 .doc file, which stp cannot read; open it in Word or LibreOffice, save it as .docx",
    );
    let doc = convert(
        dir.path(),
        "ai",
        &fodt(
            "<text:h text:outline-level=\"1\">Tin</text:h><text:p>Nội dung.</text:p><text:p>Email: a@b.vn</text:p>",
        ),
        "odt",
    );
    refused(
        &root,
        &["intake", doc.to_str().unwrap(), "--section", "tin-tuc"],
        "ai.odt: does not say who sent it (Điều 9.1.b); missing: cơ quan, đơn vị (organisation), họ và tên (full name), điện thoại hoặc địa chỉ (phone or postal address). Ask the sender to add lines such as `Đơn vị: …`, `Người gửi: …`, `Email: …`, `Điện thoại: …` and send it again, or, for a document received on paper or by hand, give them with --sender-name, --sender-unit, --sender-email and --sender-phone (or --sender-address)",
    );
}

/// A document received by hand names no sender: the secretary states who sent it, the
/// sender is the article's author, and the record says the secretary stated it.
#[test]
fn the_secretary_states_the_sender_of_a_document_received_by_hand() {
    let dir = site();
    let root = root(&dir);
    let doc = convert(
        dir.path(),
        "nhan-tay",
        &fodt(
            "<text:h text:outline-level=\"1\">Hội nghị hòa giải ở xã Tân Phú</text:h><text:p>Nội dung nhận trực tiếp.</text:p>",
        ),
        "odt",
    );
    let doc = doc.to_str().unwrap();
    let before = content_files(&root);
    let out = stp(&root, &["intake", doc, "--section", "tin-tuc"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--sender-name"), "{}", stderr(&out));
    assert_eq!(content_files(&root), before, "nothing written");
    let bad = stp(
        &root,
        &[
            "intake",
            doc,
            "--section",
            "tin-tuc",
            "--sender-email",
            "hoa.tanphu",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("not an e-mail address"),
        "{}",
        stderr(&bad)
    );
    assert_eq!(content_files(&root), before, "nothing written");
    let out = stp(
        &root,
        &[
            "intake",
            doc,
            "--section",
            "tin-tuc",
            "--sender-name",
            "Nguyễn Thị Hoa",
            "--sender-unit",
            "UBND xã Tân Phú",
            "--sender-phone",
            "0251 3822 111",
            "--sender-email",
            "hoa.tanphu@dongnai.gov.vn",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rel = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let (front, body) = article(&root, &rel);
    assert_eq!(front["author"], "Nguyễn Thị Hoa");
    assert_eq!(front["sender"]["organisation"], "UBND xã Tân Phú");
    assert_eq!(front["sender"]["phone"], "0251 3822 111");
    assert_eq!(front["intake"]["sender_stated"], true);
    assert!(body.contains("Nội dung nhận trực tiếp."), "{body}");
}
