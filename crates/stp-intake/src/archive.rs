//! Reading the zip containers of `.docx` and `.odt` files without trusting them: sizes are
//! counted while inflating (declared sizes are never believed), a part that inflates more
//! than `MAX_RATIO` times its compressed size or past the total cap is a zip bomb, and a
//! damaged or cut-short archive is refused naming the file.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use zip::ZipArchive;

use super::xml::{self, Node};
use super::{ImportError, MAX_XML_BYTES};

/// No part may inflate to more than this many times its compressed size (text XML
/// compresses about 10:1, a zip bomb 1000:1).
const MAX_RATIO: u64 = 200;
/// Parts under this size are never judged by ratio (tiny XML files compress well).
const RATIO_FLOOR: u64 = 1024 * 1024;
/// All parts read from one document together.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// An opened document container.
pub struct Archive {
    zip: ZipArchive<Cursor<Vec<u8>>>,
    file: PathBuf,
    /// Bytes inflated so far, across all parts.
    total: u64,
}

impl Archive {
    pub fn open(file: &Path, bytes: Vec<u8>) -> Result<Archive, ImportError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            ImportError::file(
                file,
                format!("is not a readable document ({e}); the file is damaged or cut short, ask the sender to send it again"),
            )
        })?;
        Ok(Archive {
            zip,
            file: file.to_path_buf(),
            total: 0,
        })
    }

    /// Whether the archive holds a part of that name.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// A part parsed as XML (at most `MAX_XML_BYTES`), or `None` when there is none.
    pub fn xml(&mut self, name: &str) -> Result<Option<Node>, ImportError> {
        if !self.has(name) {
            return Ok(None);
        }
        let bytes = self.read(name, MAX_XML_BYTES)?;
        xml::parse(&self.file, name, &bytes).map(Some)
    }

    /// Reads a part, at most `limit` bytes once inflated.
    pub fn read(&mut self, name: &str, limit: u64) -> Result<Vec<u8>, ImportError> {
        let file = self.file.clone();
        let damaged = |e: &dyn std::fmt::Display| {
            ImportError::file(
                &file,
                format!(
                    "part `{name}` cannot be read ({e}); the file is damaged or cut short, ask the sender to send it again"
                ),
            )
        };
        let mut part = self.zip.by_name(name).map_err(|e| damaged(&e))?;
        let compressed = part.compressed_size().max(1);
        let remaining = MAX_TOTAL_BYTES.saturating_sub(self.total);
        let cap = limit.min(remaining);
        let mut out = Vec::new();
        let mut buf = [0u8; 64 * 1024];
        loop {
            let n = part.read(&mut buf).map_err(|e| damaged(&e))?;
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
            let read = out.len() as u64;
            if read > RATIO_FLOOR && read > compressed.saturating_mul(MAX_RATIO) {
                return Err(ImportError::file(
                    &file,
                    format!(
                        "part `{name}` inflates more than {MAX_RATIO} times its packed size: a zip bomb; refused"
                    ),
                ));
            }
            if read > cap {
                let message = if cap == remaining && remaining < limit {
                    format!(
                        "inflates past {} MB in all: a zip bomb or an oversized document; refused",
                        MAX_TOTAL_BYTES / 1_048_576
                    )
                } else {
                    format!(
                        "part `{name}` is over the limit of {:.1} MB; ask for smaller pictures or files",
                        limit as f64 / 1_048_576.0
                    )
                };
                return Err(ImportError::file(&file, message));
            }
        }
        self.total += out.len() as u64;
        Ok(out)
    }
}

/// Resolves a relationship target against the folder of the part that names it, refusing
/// absolute paths, `..` that climbs out, and backslashes (Điều 9.1.a pictures stay inside
/// the document, and so inside the bundle).
pub fn resolve(file: &Path, base_dir: &str, target: &str) -> Result<String, ImportError> {
    let refuse = || {
        ImportError::file(
            file,
            format!(
                "names a picture or part at `{target}`, outside the document; refused (ask the sender to embed the picture instead of linking it)"
            ),
        )
    };
    if target.starts_with('/') || target.contains('\\') || target.contains(':') {
        return Err(refuse());
    }
    let mut parts: Vec<&str> = base_dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in target.split('/') {
        match p {
            "" | "." => {}
            ".." => return Err(refuse()),
            p => parts.push(p),
        }
    }
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in parts {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn zip_bomb_refused_by_ratio() {
        let zeros = vec![0u8; 64 * 1024 * 1024];
        let bytes = zip_of(&[("word/document.xml", &zeros)]);
        let mut a = Archive::open(Path::new("bom.docx"), bytes).unwrap();
        let err = a.read("word/document.xml", u64::MAX).unwrap_err();
        assert!(err.to_string().contains("zip bomb"), "{err}");
    }

    #[test]
    fn truncated_archive_refused() {
        let bytes = zip_of(&[("a.xml", b"<a/>")]);
        let cut = bytes[..bytes.len() / 2].to_vec();
        let err = Archive::open(Path::new("cut.docx"), cut).err().unwrap();
        assert!(err.to_string().starts_with("cut.docx: "), "{err}");
        assert!(err.to_string().contains("cut short"), "{err}");
    }

    #[test]
    fn escaping_targets_refused() {
        let f = Path::new("a.docx");
        assert_eq!(
            resolve(f, "word", "media/image1.png").unwrap(),
            "word/media/image1.png"
        );
        assert!(resolve(f, "word", "../../etc/passwd").is_err());
        assert!(resolve(f, "word", "/etc/passwd").is_err());
        assert!(resolve(f, "word", "C:\\x.png").is_err());
        assert!(resolve(f, "word", "file:///etc/passwd").is_err());
    }
}
