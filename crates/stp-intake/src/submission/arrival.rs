//! What a submission brought and how its files are sorted: the message (kept whole as
//! the source) and its attachments, or the files handed over; then, in the order they
//! came, the article's document (a `.doc` refused), the pictures sent beside it, and the
//! attachments, with a PDF checked for a signature (Điều 9.1.c). Also the safe names
//! files get in the bundle.

use std::path::{Path, PathBuf};

use super::{Builder, BundleFile};
use crate::document::Document;
use crate::images::for_web;
use crate::markdown::PlacedPicture;
use crate::pdf_signature::{PdfSignature, scan};
use crate::{ImportError, Input, Limits, docx, eml, extension, odt};
use stp_content::{Attachment, read_limited, slugify};

/// A file as it arrived: its name and bytes.
pub(super) struct Arrived {
    name: String,
    bytes: Vec<u8>,
}

/// What a submission brought: where it came from (for errors), the message when it is
/// one, the files, and the sources kept under `nguon/`.
pub(super) struct Received {
    pub origin: PathBuf,
    pub mail: Option<eml::Mail>,
    pub arrived: Vec<Arrived>,
    pub sources: Vec<BundleFile>,
}

/// The files that arrived, by what they are to the article.
#[derive(Default)]
pub(super) struct Sorted {
    /// The article: the first Word or OpenOffice document, with where it came from.
    pub document: Option<(PathBuf, Document)>,
    /// The bundle names of the PDF attachments, and of those without a signature.
    pub pdfs: Vec<String>,
    pub unsigned_pdfs: Vec<String>,
    /// Pictures sent beside the document, placed after its text.
    pub loose_pictures: Vec<PlacedPicture>,
}

/// Reads what arrived: a message (kept whole as the source) with its attachments, or
/// the files handed over.
pub(super) fn receive(input: &Input, max: u64) -> Result<Received, ImportError> {
    match input {
        Input::Mail(path) => read_mail(path, max),
        Input::Files(paths) => read_files(paths, max),
    }
}

fn read_mail(path: &Path, max: u64) -> Result<Received, ImportError> {
    // A message carries its attachments base64-encoded: 4/3 the size, plus text.
    let bytes =
        read_limited(path, max.saturating_mul(4).saturating_add(1 << 20)).map_err(from_content)?;
    let mail = eml::read(path, &bytes, max)?;
    let arrived = mail
        .attachments
        .iter()
        .map(|a| Arrived {
            name: a.name.clone(),
            bytes: a.bytes.clone(),
        })
        .collect();
    let source = BundleFile {
        name: format!(
            "{}/{}",
            crate::RECORD_DIR,
            safe_name(&file_name(path), "thu.eml")
        ),
        bytes,
    };
    Ok(Received {
        origin: path.to_path_buf(),
        mail: Some(mail),
        arrived,
        sources: vec![source],
    })
}

fn read_files(paths: &[PathBuf], max: u64) -> Result<Received, ImportError> {
    let mut arrived = Vec::new();
    for p in paths {
        let bytes = read_limited(p, max).map_err(from_content)?;
        arrived.push(Arrived {
            name: file_name(p),
            bytes,
        });
    }
    Ok(Received {
        origin: paths[0].clone(),
        mail: None,
        arrived,
        sources: Vec::new(),
    })
}

impl Builder {
    /// Sorts what arrived, in order: the article is the first Word or OpenOffice
    /// document (a `.doc` is refused), pictures go beside it, anything else is an
    /// attachment. `keep_document` keeps the document's file as a source.
    pub(super) fn sort(
        &mut self,
        arrived: Vec<Arrived>,
        limits: &Limits,
        keep_document: bool,
    ) -> Result<Sorted, ImportError> {
        let mut sorted = Sorted::default();
        for a in arrived {
            let ext = extension(Path::new(&a.name));
            match ext.as_str() {
                "doc" => {
                    return Err(ImportError::file(
                        self.origin.join_name(&a.name),
                        "is an old Word 97-2003 .doc file, which stp cannot read; open it in Word or LibreOffice, save it as .docx (Word Document), and send that",
                    ));
                }
                "docx" | "odt" if sorted.document.is_none() => {
                    let place = self.origin.join_name(&a.name);
                    let d = self.document(a, &ext, limits, keep_document)?;
                    sorted.document = Some((place, d));
                }
                "jpg" | "jpeg" | "png" | "gif" | "bmp" => {
                    let picture = self.loose_picture(a)?;
                    sorted.loose_pictures.push(picture);
                }
                _ => self.attachment(a, &ext, &mut sorted)?,
            }
        }
        Ok(sorted)
    }

    /// The article's document, read, with text in old Vietnamese fonts converted.
    fn document(
        &mut self,
        a: Arrived,
        ext: &str,
        limits: &Limits,
        keep_source: bool,
    ) -> Result<Document, ImportError> {
        let place = self.origin.join_name(&a.name);
        let mut d = if ext == "docx" {
            docx::read(&place, a.bytes.clone(), limits)?
        } else {
            odt::read(&place, a.bytes.clone(), limits)?
        };
        d.convert_legacy(&place)?;
        if keep_source {
            self.files.push(BundleFile {
                name: format!("{}/{}", crate::RECORD_DIR, safe_name(&a.name, "van-ban")),
                bytes: a.bytes,
            });
        }
        Ok(d)
    }

    /// A picture sent beside the document, made fit for the web; it has no description.
    fn loose_picture(&mut self, a: Arrived) -> Result<PlacedPicture, ImportError> {
        let place = self.origin.join_name(&a.name);
        let pic = for_web(&place, &a.name, &a.bytes)?;
        let name = self.unique(&stem_slug(&a.name, "anh"), pic.extension);
        self.files.push(BundleFile {
            name: name.clone(),
            bytes: pic.bytes,
        });
        Ok(PlacedPicture {
            file: name,
            alt: String::new(),
        })
    }

    /// An attachment, listed in the front matter; a PDF is checked for a signature.
    fn attachment(
        &mut self,
        a: Arrived,
        ext: &str,
        sorted: &mut Sorted,
    ) -> Result<(), ImportError> {
        let (stem, ext) = (stem_slug(&a.name, "tep"), ext_or(ext, "bin"));
        let name = self.attachment_name(&a.name, &stem, &ext);
        if ext == "pdf" {
            sorted.pdfs.push(name.clone());
            match scan(&a.bytes) {
                PdfSignature::Signed => {}
                PdfSignature::Unsigned => sorted.unsigned_pdfs.push(name.clone()),
                PdfSignature::NotPdf => {
                    return Err(ImportError::file(
                        self.origin.join_name(&a.name),
                        "is named .pdf but is not a PDF file; ask the sender for the real file",
                    ));
                }
            }
        }
        self.attachments.push(Attachment {
            file: name.clone(),
            title: a.name.clone(),
        });
        self.files.push(BundleFile {
            name,
            bytes: a.bytes,
        });
        Ok(())
    }

    /// The attachment's name in the bundle, from the slug of its stem and its extension.
    fn attachment_name(&mut self, original: &str, stem: &str, ext: &str) -> String {
        // A file named like an article (`index.md`, `ghi-chu.md`) or a web page
        // would be taken for one, or refused by the builder: kept as text.
        let inert = ext == "md"
            || ext == "markdown"
            || stp_content::active_extension(Path::new(original)).is_some();
        if inert {
            let name = self.unique(&format!("{stem}-{ext}"), "txt");
            self.flags.push(format!(
                "attachment `{}` was saved as `{name}`, as text: a file named like an article or a web page is not published as it is; look at it before the article goes on",
                original
            ));
            name
        } else {
            self.unique(stem, ext)
        }
    }
}

trait JoinName {
    fn join_name(&self, name: &str) -> PathBuf;
}

impl JoinName for PathBuf {
    /// `mail.eml/attachment.docx`: where an attachment came from, for errors.
    fn join_name(&self, name: &str) -> PathBuf {
        if extension(self) == "eml" || !self.is_file() {
            self.join(name)
        } else {
            self.with_file_name(name)
        }
    }
}

pub(super) fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// An ASCII slug of a file's stem, or `fallback` when it has no letters.
fn stem_slug(name: &str, fallback: &str) -> String {
    let stem = Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let s = slugify(stem);
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

fn ext_or(ext: &str, fallback: &str) -> String {
    if !ext.is_empty() && ext.bytes().all(|b| b.is_ascii_alphanumeric()) && ext.len() <= 8 {
        ext.to_string()
    } else {
        fallback.to_string()
    }
}

/// A plain, safe file name for a source kept in `nguon/`.
fn safe_name(name: &str, fallback: &str) -> String {
    let ext = extension(Path::new(name));
    format!("{}.{}", stem_slug(name, fallback), ext_or(&ext, "bin"))
}

/// A content-layer error (a file too large, unreadable) as an intake refusal.
fn from_content(e: stp_content::ContentError) -> ImportError {
    if let stp_content::ContentError::At(refusal) = e {
        return refusal;
    }
    let file = e.path().to_path_buf();
    let full = e.to_string();
    let prefix = format!("{}: ", file.display());
    let message = full.strip_prefix(&prefix).unwrap_or(&full).to_string();
    ImportError::file(file, message)
}
