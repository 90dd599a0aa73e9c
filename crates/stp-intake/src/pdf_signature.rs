//! Whether a PDF carries a digital signature (Điều 9.1.c: legal and direction documents
//! need the signed file). This is a heuristic scan of the bytes, not a verification: a
//! signed PDF has a signature dictionary (`/Type /Sig`, or a `/Filter` such as
//! `/Adobe.PPKLite` with a `/SubFilter` such as `adbe.pkcs7.detached` or
//! `ETSI.CAdES.detached`) holding `/ByteRange [...]` and `/Contents <hex>`. Vietnamese
//! government signing tools (VGCA, vSign) all write these. A PDF whose signature
//! dictionary sits in a compressed object stream would be missed; the article is then
//! flagged for a person to look, never refused.

/// What the scan found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfSignature {
    /// A signature dictionary with a byte range and contents.
    Signed,
    /// A PDF without one.
    Unsigned,
    /// Not a PDF at all (no `%PDF-` header).
    NotPdf,
}

/// Scans PDF bytes for a signature dictionary.
pub fn scan(bytes: &[u8]) -> PdfSignature {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_none() {
        return PdfSignature::NotPdf;
    }
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], b"/ByteRange") {
        let pos = from + at;
        // The dictionary around it: back to the nearest `<<`, forward to the next `>>`
        // after `/Contents` (its hex string holds no `>>`).
        let start = rfind(&bytes[pos.saturating_sub(16 * 1024)..pos], b"<<")
            .map(|s| pos.saturating_sub(16 * 1024) + s)
            .unwrap_or(pos);
        let end = (pos + 64 * 1024).min(bytes.len());
        let window = &bytes[start..end];
        let is_sig = find(window, b"/Type/Sig").is_some()
            || find(window, b"/Type /Sig").is_some()
            || find(window, b"/SubFilter").is_some()
            || find(window, b"adbe.pkcs7").is_some()
            || find(window, b"ETSI.CAdES").is_some();
        let has_range = window_has_numbers_after(&bytes[pos + 10..end]);
        if is_sig && has_range && find(window, b"/Contents").is_some() {
            return PdfSignature::Signed;
        }
        from = pos + 10;
    }
    PdfSignature::Unsigned
}

/// `/ByteRange` is followed by `[` and four numbers.
fn window_has_numbers_after(after: &[u8]) -> bool {
    let text: Vec<u8> = after.iter().take(128).copied().collect();
    let Some(open) = text.iter().position(|&b| b == b'[') else {
        return false;
    };
    let Some(close) = text[open..].iter().position(|&b| b == b']') else {
        return false;
    };
    let inner = String::from_utf8_lossy(&text[open + 1..open + close]);
    inner
        .split_whitespace()
        .filter(|n| n.parse::<u64>().is_ok())
        .count()
        == 4
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::rfind(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_dictionary_found() {
        let pdf = b"%PDF-1.7\n1 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 840 960 240] /Contents <308006092a864886f70d010702a0>>>\nendobj\n%%EOF";
        assert_eq!(scan(pdf), PdfSignature::Signed);
    }

    #[test]
    fn plain_pdf_and_not_pdf() {
        assert_eq!(
            scan(b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj %%EOF"),
            PdfSignature::Unsigned
        );
        // A byte range alone, outside a signature dictionary, is not a signature.
        assert_eq!(
            scan(b"%PDF-1.4\n<</ByteRange [0 1 2 3]>>"),
            PdfSignature::Unsigned
        );
        assert_eq!(scan(b"PK\x03\x04"), PdfSignature::NotPdf);
    }
}
