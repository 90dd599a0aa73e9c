//! Helpers for the intake tests: a temp site made by `stp init --example`, real `.docx`
//! and `.odt` files made by LibreOffice headless from flat ODF (`.fodt`) text, and
//! e-mail messages with attachments.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::{stderr, stp_at};

/// Runs `stp -C SITE ARGS` in the test's environment.
pub fn stp(site: &Path, args: &[&str]) -> Output {
    stp_at(site, args).output().expect("run stp")
}

/// A new example site in a temp folder.
pub fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stp"))
        .env("STP_LANG", "en")
        .arg("init")
        .arg(dir.path().join("site"))
        .arg("--example")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

pub fn root(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("site")
}

/// Every file under `content/`, sorted (to show nothing was half-written).
pub fn content_files(root: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .flatten()
        .map(|e| e.path().to_path_buf())
        .collect();
    v.sort();
    v
}

/// A flat ODF text document: `body` is the content of `office:text`. Styles: `B`
/// bold, `I` italic, `TV` .VnTime, `TH` .VnTimeH, `VN` VNI-Times (text styles);
/// `L1` a numbered and `L2` a bulleted list.
pub fn fodt(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
<style:font-face style:name=".VnTime" svg:font-family="'.VnTime'"/>
<style:font-face style:name=".VnTimeH" svg:font-family="'.VnTimeH'"/>
<style:font-face style:name="VNI-Times" svg:font-family="'VNI-Times'"/>
</office:font-face-decls>
<office:automatic-styles>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="TV" style:family="text"><style:text-properties style:font-name=".VnTime"/></style:style>
<style:style style:name="TVB" style:family="text"><style:text-properties style:font-name=".VnTime" fo:font-weight="bold"/></style:style>
<style:style style:name="TH" style:family="text"><style:text-properties style:font-name=".VnTimeH"/></style:style>
<style:style style:name="VN" style:family="text"><style:text-properties style:font-name="VNI-Times"/></style:style>
<style:style style:name="VNI" style:family="text"><style:text-properties style:font-name="VNI-Times" fo:font-style="italic"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>
<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>"#
    )
}

/// A picture embedded in flat ODF, with a description.
pub fn fodt_picture(bytes: &[u8], alt: &str) -> String {
    let b64 = base64(bytes);
    format!(
        r#"<draw:frame draw:name="Anh" svg:width="4cm" svg:height="3cm" text:anchor-type="as-char"><draw:image><office:binary-data>{b64}</office:binary-data></draw:image><svg:desc>{alt}</svg:desc></draw:frame>"#
    )
}

/// Converts flat ODF text to `.docx` or `.odt` with LibreOffice headless, in `dir`.
pub fn convert(dir: &Path, name: &str, fodt_text: &str, format: &str) -> PathBuf {
    let src = dir.join(format!("{name}.fodt"));
    std::fs::write(&src, fodt_text).unwrap();
    let profile = dir.join(format!("lo-profile-{name}-{format}"));
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", format, "--outdir"])
        .arg(dir)
        .arg(&src)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "LibreOffice (soffice) is needed to make the test documents and could not be run ({e}); install it with `apt-get install -y libreoffice-writer-nogui`"
            )
        });
    let made = dir.join(format!("{name}.{format}"));
    assert!(
        out.status.success() && made.is_file(),
        "soffice did not convert {}: {}{}",
        src.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    made
}

/// A small picture in `format`, with known pixels.
pub fn picture(format: image::ImageFormat, w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 40) as u8, (y * 60) as u8, 200])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, format)
        .unwrap();
    out.into_inner()
}

/// The pixels of a picture file.
pub fn pixels(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let img = image::load_from_memory(bytes).unwrap().to_rgb8();
    (img.width(), img.height(), img.into_raw())
}

/// An attachment for `mail`.
pub struct Part<'a> {
    pub name: &'a str,
    pub mime: &'a str,
    pub bytes: &'a [u8],
}

/// A multipart message: `headers` (already encoded), a text body in UTF-8
/// (quoted-printable), and base64 attachments.
pub fn mail(headers: &str, body: &str, parts: &[Part]) -> Vec<u8> {
    let mut m = format!(
        "{headers}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"=_b\"\r\n\r\n--=_b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{}\r\n",
        quoted_printable(body)
    );
    for p in parts {
        let b64 = base64(p.bytes);
        let lines: Vec<&str> = b64
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        m.push_str(&format!(
            "--=_b\r\nContent-Type: {}; name=\"{}\"\r\nContent-Disposition: attachment; filename=\"{}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            p.mime,
            p.name,
            p.name,
            lines.join("\r\n")
        ));
    }
    m.push_str("--=_b--\r\n");
    m.into_bytes()
}

fn quoted_printable(s: &str) -> String {
    let mut out = String::new();
    for line in s.split('\n') {
        let mut l = String::new();
        for b in line.bytes() {
            if (b.is_ascii_graphic() && b != b'=') || b == b' ' {
                l.push(b as char);
            } else {
                l.push_str(&format!("={b:02X}"));
            }
        }
        // Soft line breaks keep lines under 76 characters.
        let mut rest = l.as_str();
        while rest.len() > 72 {
            let mut cut = 72;
            while rest.as_bytes()[cut - 1] == b'=' || rest.as_bytes()[cut.saturating_sub(2)] == b'='
            {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("=\r\n");
            rest = &rest[cut..];
        }
        out.push_str(rest);
        out.push_str("\r\n");
    }
    out
}

/// The article's front matter (as YAML) and body.
pub fn article(root: &Path, rel: &str) -> (serde_json::Value, String) {
    let text = std::fs::read_to_string(root.join(rel.trim())).unwrap();
    let rest = text.strip_prefix("---\n").unwrap();
    let (yaml, body) = rest.split_once("\n---\n").unwrap();
    (
        serde_saphyr::from_str(yaml).unwrap(),
        body.trim_start_matches('\n').to_string(),
    )
}

/// A minimal PDF, digitally signed (a signature dictionary) or not.
pub fn pdf(signed: bool) -> Vec<u8> {
    let sig = if signed {
        "2 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 100 200 50] /Contents <3082>>>\nendobj\n"
    } else {
        ""
    };
    format!("%PDF-1.7\n1 0 obj\n<</Type /Catalog>>\nendobj\n{sig}%%EOF\n").into_bytes()
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
