//! E-mail messages (`.eml`, RFC 5322 with MIME): subject, sender, date, text body and
//! attachments, through mail-parser (multipart, base64, quoted-printable, RFC 2047
//! headers in UTF-8 or legacy charsets such as windows-1258). Legacy-encoded text that
//! arrives labelled as Latin-1 (TCVN3, VNI) is converted here too. A message cut short
//! (a multipart without its closing boundary, base64 that stops mid-group) is refused.

use std::path::Path;

use mail_parser::{MessageParser, MimeHeaders, PartType};

use super::ImportError;
use stp_content::legacy;

/// A file attached to a message.
#[derive(Debug, Clone, PartialEq)]
pub struct MailAttachment {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What intake needs from a message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mail {
    pub subject: Option<String>,
    pub from_name: Option<String>,
    pub from_email: Option<String>,
    /// RFC 3339.
    pub date: Option<String>,
    pub message_id: Option<String>,
    /// The plain-text body (or the HTML body's text), one paragraph a line.
    pub body: String,
    pub attachments: Vec<MailAttachment>,
}

/// Parses a message. `max_attachment` bounds each attachment.
pub fn read(file: &Path, bytes: &[u8], max_attachment: u64) -> Result<Mail, ImportError> {
    // mail-parser 0.11.9 overflows a subtraction on some quoted-printable parts that
    // end at a boundary (found by `cargo fuzz run eml`; it panics where overflow checks
    // are on). A panic inside the parser is refused like any unreadable message.
    let parsed = std::panic::catch_unwind(|| MessageParser::default().parse(bytes)).map_err(|_| {
        ImportError::file(
            file,
            "cannot be read as an e-mail message (its MIME structure is broken); save the mail as .eml again from the mail program",
        )
    })?;
    let message = parsed.ok_or_else(|| {
        ImportError::file(
            file,
            "is not an e-mail message; save the mail as .eml from the mail program",
        )
    })?;
    if message.headers().is_empty() {
        return Err(ImportError::file(
            file,
            "has no mail headers; save the mail as .eml from the mail program",
        ));
    }
    check_complete(file, bytes, &message)?;
    let clean = |s: &str| -> Result<String, ImportError> { fix_text(file, "the mail headers", s) };
    let from = message.from().and_then(|a| a.first());
    let mut mail = Mail {
        subject: message.subject().map(clean).transpose()?,
        from_name: from.and_then(|f| f.name()).map(clean).transpose()?,
        from_email: from.and_then(|f| f.address()).map(str::to_string),
        date: message.date().map(|d| d.to_rfc3339()),
        message_id: message.message_id().map(str::to_string),
        ..Mail::default()
    };
    let body = match message.body_text(0) {
        Some(t) => t.into_owned(),
        None => String::new(),
    };
    mail.body = fix_text(file, "the mail text", &body)?;
    for (i, part) in message.attachments().enumerate() {
        let name = part
            .attachment_name()
            .map(str::to_string)
            .unwrap_or_else(|| format!("dinh-kem-{}", i + 1));
        let name = fix_text(file, "an attachment's name", &name)?;
        let contents = part.contents();
        if contents.len() as u64 > max_attachment {
            return Err(ImportError::file(
                file,
                format!(
                    "attachment `{name}` is {:.1} MB, over the limit of {:.1} MB (site.toml `max_attachment_bytes`); ask the sender for a smaller file",
                    contents.len() as f64 / 1_048_576.0,
                    max_attachment as f64 / 1_048_576.0
                ),
            ));
        }
        if matches!(part.body, PartType::Message(_)) {
            // A forwarded message: keep it as a file.
            mail.attachments.push(MailAttachment {
                name: format!("{name}.eml"),
                bytes: contents.to_vec(),
            });
        } else {
            mail.attachments.push(MailAttachment {
                name,
                bytes: contents.to_vec(),
            });
        }
    }
    Ok(mail)
}

/// Converts legacy-encoded lines and composes marks (`legacy::repair` returns NFC).
fn fix_text(file: &Path, place: &str, s: &str) -> Result<String, ImportError> {
    legacy::repair(s).map_err(|(line, e)| {
        ImportError::file(
            file,
            format!("{place}, line {line}: {e}; ask the sender to send it in Unicode"),
        )
    })
}

/// Refuses a message cut short: every multipart boundary must close, and base64 parts
/// must end on a whole group.
fn check_complete(
    file: &Path,
    raw: &[u8],
    message: &mail_parser::Message,
) -> Result<(), ImportError> {
    let cut = |what: String| {
        ImportError::file(
            file,
            format!("is cut short ({what}); save the whole message again from the mail program"),
        )
    };
    for part in &message.parts {
        if part.is_encoding_problem {
            return Err(cut("a part cannot be decoded".into()));
        }
        if let Some(boundary) = part
            .content_type()
            .filter(|c| c.ctype().eq_ignore_ascii_case("multipart"))
            .and_then(|c| c.attribute("boundary"))
        {
            let closing = format!("--{boundary}--");
            if !contains(raw, closing.as_bytes()) {
                return Err(cut(format!("the closing boundary `{closing}` is missing")));
            }
        }
        let base64 = part
            .headers()
            .iter()
            .find(|h| {
                h.name
                    .as_str()
                    .eq_ignore_ascii_case("Content-Transfer-Encoding")
            })
            .and_then(|h| h.value.as_text())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("base64"));
        if base64 {
            let start = part.offset_body as usize;
            let end = (part.offset_end as usize).min(raw.len());
            if start < end {
                let chars = raw[start..end]
                    .iter()
                    .filter(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
                    .count();
                if chars % 4 != 0 {
                    return Err(cut("a base64 attachment stops in the middle".into()));
                }
            }
        }
    }
    Ok(())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAIL: &str = "From: =?UTF-8?B?Tmd1eeG7hW4gVsSDbiBBbg==?= <an@phongtuphap.gov.vn>\r\n\
Subject: =?windows-1258?Q?Tin_h=F4=F2i_nghi=F2?=\r\n\
Date: Sat, 02 May 2026 09:15:00 +0700\r\n\
Message-ID: <abc@phongtuphap.gov.vn>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"XX\"\r\n\
\r\n\
--XX\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
=C4=90i=E1=BB=87n tho=E1=BA=A1i: 0271 3879 123\r\n\
--XX\r\n\
Content-Type: application/pdf; name=\"qd.pdf\"\r\n\
Content-Disposition: attachment; filename=\"qd.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQK\r\n\
--XX--\r\n";

    #[test]
    fn reads_headers_body_and_attachments() {
        let m = read(Path::new("a.eml"), MAIL.as_bytes(), 1 << 20).unwrap();
        assert_eq!(m.from_name.as_deref(), Some("Nguyễn Văn An"));
        assert_eq!(m.from_email.as_deref(), Some("an@phongtuphap.gov.vn"));
        assert_eq!(m.subject.as_deref(), Some("Tin hội nghị"));
        assert_eq!(m.body.trim(), "Điện thoại: 0271 3879 123");
        assert_eq!(
            m.attachments,
            vec![MailAttachment {
                name: "qd.pdf".into(),
                bytes: b"%PDF-1.4\n".to_vec()
            }]
        );
    }

    #[test]
    fn truncated_message_refused() {
        let cut = &MAIL[..MAIL.len() - 20];
        let err = read(Path::new("cut.eml"), cut.as_bytes(), 1 << 20).unwrap_err();
        assert!(
            err.to_string().starts_with("cut.eml: is cut short"),
            "{err}"
        );
    }

    #[test]
    fn broken_quoted_printable_at_a_boundary_refused_not_panicking() {
        // Found by the `eml` fuzz target: mail-parser's overflow on this input.
        let bytes = include_bytes!("../../../fuzz/regressions/eml/qp-boundary-overflow.eml");
        match read(Path::new("fuzz.eml"), bytes, 1 << 20) {
            Ok(_) => {}
            Err(e) => assert!(e.to_string().starts_with("fuzz.eml: "), "{e}"),
        }
    }

    #[test]
    fn oversized_attachment_refused() {
        let err = read(Path::new("a.eml"), MAIL.as_bytes(), 4).unwrap_err();
        assert!(err.to_string().contains("attachment `qd.pdf`"), "{err}");
    }
}
