//! The few things the ledger reads or writes in an article's text: the `status` line of
//! its front matter (a convenience for readers, never trusted), and the digest of its
//! content without that line, which binds each step to what it signed.

use sha2::{Digest, Sha256};

/// The front matter's lines: (start, end) byte offsets of the text between the `---`
/// lines, when the file opens with one.
fn front_matter(text: &str) -> Option<(usize, usize)> {
    let first = text.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let start = text.find('\n')? + 1;
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((start, offset));
        }
        offset += line.len();
    }
    None
}

fn is_status_line(line: &str) -> bool {
    line.strip_prefix("status")
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

/// The `status` value of the front matter, as written.
pub fn status_of(bytes: &[u8]) -> Option<String> {
    status_in(std::str::from_utf8(bytes).ok()?)
}

fn status_in(text: &str) -> Option<String> {
    let (start, end) = front_matter(text)?;
    text[start..end]
        .lines()
        .find(|l| is_status_line(l))
        .map(|l| {
            let value = l.split_once(':').map(|x| x.1).unwrap_or_default();
            value.trim().trim_matches(['"', '\'']).to_string()
        })
}

/// The text with its `status` line set to `status` (added at the end of the front matter
/// when missing). `None` when the file has no front matter.
pub fn with_status(bytes: &[u8], status: &str) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let (start, end) = front_matter(text)?;
    let mut out = String::with_capacity(text.len() + 20);
    out.push_str(&text[..start]);
    let mut written = false;
    for line in text[start..end].split_inclusive('\n') {
        if is_status_line(line) {
            if !written {
                out.push_str(&format!("status: {status}\n"));
                written = true;
            }
        } else {
            out.push_str(line);
        }
    }
    if !written {
        out.push_str(&format!("status: {status}\n"));
    }
    out.push_str(&text[end..]);
    Some(out.into_bytes())
}

/// The digest of an article's content, ignoring its `status` line, together with the
/// files of its bundle (`(path, blob id)`, sorted): a step signs this.
pub fn content_digest(bytes: &[u8], bundle_files: &[(String, String)]) -> String {
    digest_of(bytes, std::str::from_utf8(bytes).ok(), bundle_files)
}

/// [`content_digest`] and [`status_of`] together, reading the text once.
pub fn digest_and_status(
    bytes: &[u8],
    bundle_files: &[(String, String)],
) -> (String, Option<String>) {
    let text = std::str::from_utf8(bytes).ok();
    (
        digest_of(bytes, text, bundle_files),
        text.and_then(status_in),
    )
}

/// `text` is `bytes` when they are UTF-8.
fn digest_of(bytes: &[u8], text: Option<&str>, bundle_files: &[(String, String)]) -> String {
    let mut hasher = Sha256::new();
    match text.and_then(|t| front_matter(t).map(|range| (t, range))) {
        Some((text, (start, end))) => {
            hasher.update(&text.as_bytes()[..start]);
            for line in text[start..end].split_inclusive('\n') {
                if !is_status_line(line) {
                    hasher.update(line.as_bytes());
                }
            }
            hasher.update(&text.as_bytes()[end..]);
        }
        None => hasher.update(bytes),
    }
    for (path, blob) in bundle_files {
        hasher.update(format!("\0{path}\0{blob}").as_bytes());
    }
    base16ct::lower::encode_string(&hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "---\ntitle: \"A\"\nstatus: draft\n---\n\nBody.\n";

    #[test]
    fn the_status_line_is_read_and_replaced() {
        assert_eq!(status_of(TEXT.as_bytes()).as_deref(), Some("draft"));
        let out = with_status(TEXT.as_bytes(), "submitted").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "---\ntitle: \"A\"\nstatus: submitted\n---\n\nBody.\n"
        );
        let added = with_status(b"---\ntitle: x\n---\nB\n", "edited").unwrap();
        assert_eq!(added, b"---\ntitle: x\nstatus: edited\n---\nB\n");
        assert_eq!(with_status(b"no front matter", "x"), None);
    }

    #[test]
    fn the_digest_ignores_status_but_not_content_or_attachments() {
        let a = content_digest(TEXT.as_bytes(), &[]);
        let b = content_digest(&with_status(TEXT.as_bytes(), "approved").unwrap(), &[]);
        assert_eq!(a, b);
        assert_ne!(
            a,
            content_digest(TEXT.replace("Body", "Bod").as_bytes(), &[])
        );
        assert_ne!(
            a,
            content_digest(TEXT.as_bytes(), &[("x.pdf".into(), "1".into())])
        );
        for bytes in [
            TEXT.as_bytes(),
            b"no front matter",
            b"---\nstatus: x\n---\n\xff",
        ] {
            let files = [("a.pdf".to_string(), "2".to_string())];
            assert_eq!(
                digest_and_status(bytes, &files),
                (content_digest(bytes, &files), status_of(bytes))
            );
        }
    }
}
