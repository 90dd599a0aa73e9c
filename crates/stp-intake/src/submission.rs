//! Turning the files of one submission into an article: which file is the article, which
//! are pictures and attachments; the title, the sender (Điều 9.1.b), the section and, for
//! legal and direction documents, the document block and the signed PDF (Điều 9.1.c).

use std::path::{Path, PathBuf};

use super::document::{Block, Document, Inline, plain};
use super::images::for_web;
use super::markdown::{PlacedPicture, first_heading, to_markdown};
use super::pdf_signature::{PdfSignature, scan};
use super::{ImportError, Input, Limits, docx, eml, extension, legal, odt, sender};
use stp_content::{
    Attachment, FrontMatter, IntakeRecord, SectionKind, Sender, SiteConfig, read_limited, slugify,
    text,
};

/// A file that goes into the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    /// A plain name (ASCII slug and extension), or `nguon/<name>` for a source.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// An article ready to be written: where, its front matter and body, and its files.
#[derive(Debug, Clone)]
pub struct Submission {
    pub section: String,
    pub slug: String,
    pub front: FrontMatter,
    pub body: String,
    /// Pictures and attachments beside `index.md`, and the sources under `nguon/`.
    pub files: Vec<BundleFile>,
}

/// A file as it arrived: its name and bytes.
struct Arrived {
    name: String,
    bytes: Vec<u8>,
}

/// Reads one submission. `section` is the `--section` given, `now` the intake time
/// (RFC 3339) used when the mail has no date.
pub fn assemble(
    input: &Input,
    config: &SiteConfig,
    section: Option<&str>,
    now: &str,
) -> Result<Submission, ImportError> {
    let limits = Limits {
        max_attachment_bytes: config.max_attachment_bytes,
    };
    let max = limits.max_attachment_bytes;
    let (origin, mail, arrived, sources) = match input {
        Input::Mail(path) => {
            // A message carries its attachments base64-encoded: 4/3 the size, plus text.
            let bytes = read_limited(path, max.saturating_mul(4).saturating_add(1 << 20))
                .map_err(from_content)?;
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
                    super::RECORD_DIR,
                    safe_name(&file_name(path), "thu.eml")
                ),
                bytes,
            };
            (path.clone(), Some(mail), arrived, vec![source])
        }
        Input::Files(paths) => {
            let mut arrived = Vec::new();
            for p in paths {
                let bytes = read_limited(p, max).map_err(from_content)?;
                arrived.push(Arrived {
                    name: file_name(p),
                    bytes,
                });
            }
            (paths[0].clone(), None, arrived, Vec::new())
        }
    };
    let mut b = Builder {
        origin,
        files: sources,
        attachments: Vec::new(),
        flags: Vec::new(),
        converted: Vec::new(),
    };
    // The article: the first Word or OpenOffice document; a `.doc` is refused.
    let mut doc: Option<(String, Document)> = None;
    let mut pdfs: Vec<String> = Vec::new();
    let mut unsigned_pdfs: Vec<String> = Vec::new();
    let mut loose_pictures: Vec<PlacedPicture> = Vec::new();
    for a in arrived {
        let ext = extension(Path::new(&a.name));
        match ext.as_str() {
            "doc" => {
                return Err(ImportError::file(
                    b.origin.join_name(&a.name),
                    "is an old Word 97-2003 .doc file, which stp cannot read; open it in Word or LibreOffice, save it as .docx (Word Document), and send that",
                ));
            }
            "docx" | "odt" if doc.is_none() => {
                let place = b.origin.join_name(&a.name);
                let mut d = if ext == "docx" {
                    docx::read(&place, a.bytes.clone(), &limits)?
                } else {
                    odt::read(&place, a.bytes.clone(), &limits)?
                };
                d.convert_legacy(&place)?;
                if matches!(input, Input::Files(_)) {
                    b.files.push(BundleFile {
                        name: format!("{}/{}", super::RECORD_DIR, safe_name(&a.name, "van-ban")),
                        bytes: a.bytes,
                    });
                }
                doc = Some((a.name, d));
            }
            "jpg" | "jpeg" | "png" | "gif" | "bmp" => {
                let place = b.origin.join_name(&a.name);
                let pic = for_web(&place, &a.name, &a.bytes)?;
                let name = b.unique(&stem_slug(&a.name, "anh"), pic.extension);
                b.files.push(BundleFile {
                    name: name.clone(),
                    bytes: pic.bytes,
                });
                loose_pictures.push(PlacedPicture {
                    file: name,
                    alt: String::new(),
                });
            }
            _ => {
                let (stem, ext) = (stem_slug(&a.name, "tep"), ext_or(&ext, "bin"));
                // A file named like an article (`index.md`, `ghi-chu.md`) or a web page
                // would be taken for one, or refused by the builder: kept as text.
                let inert = ext == "md"
                    || ext == "markdown"
                    || stp_content::active_extension(Path::new(&a.name)).is_some();
                let name = if inert {
                    let name = b.unique(&format!("{stem}-{ext}"), "txt");
                    b.flags.push(format!(
                        "attachment `{}` was saved as `{name}`, as text: a file named like an article or a web page is not published as it is; look at it before the article goes on",
                        a.name
                    ));
                    name
                } else {
                    b.unique(&stem, &ext)
                };
                if ext == "pdf" {
                    pdfs.push(name.clone());
                    match scan(&a.bytes) {
                        PdfSignature::Signed => {}
                        PdfSignature::Unsigned => unsigned_pdfs.push(name.clone()),
                        PdfSignature::NotPdf => {
                            return Err(ImportError::file(
                                b.origin.join_name(&a.name),
                                "is named .pdf but is not a PDF file; ask the sender for the real file",
                            ));
                        }
                    }
                }
                b.attachments.push(Attachment {
                    file: name.clone(),
                    title: a.name.clone(),
                });
                b.files.push(BundleFile {
                    name,
                    bytes: a.bytes,
                });
            }
        }
    }
    let (title, body, lines, company) = match doc {
        Some((_, mut d)) => {
            b.converted
                .extend(d.converted.iter().map(|l| l.to_string()));
            let title = take_title(&mut d, mail.as_ref());
            let sender_lines = strip_sender_block(&mut d);
            let mut pictures = Vec::new();
            for (i, p) in d.pictures.iter().enumerate() {
                let place = b.origin.clone();
                let pic = for_web(&place, &p.part, &p.bytes)?;
                let name = b.unique(&format!("anh-{}", i + 1), pic.extension);
                b.files.push(BundleFile {
                    name: name.clone(),
                    bytes: pic.bytes,
                });
                if p.alt.is_none() {
                    b.flags.push(format!("picture `{name}` has no description in the document; describe it (alt text, Thông tư 32/2017)"));
                }
                pictures.push(PlacedPicture {
                    file: name,
                    alt: p.alt.clone().unwrap_or_default(),
                });
            }
            let mut lines = d.plain_lines();
            lines.extend(sender_lines);
            (title, to_markdown(&d, &pictures), lines, d.company.clone())
        }
        None => {
            let mail = mail.as_ref().ok_or_else(|| {
                ImportError::file(&b.origin, "holds no Word (.docx) or OpenOffice (.odt) document to take the article from; add one")
            })?;
            let title = mail.subject.as_deref().map(clean_subject).filter(|t| !t.is_empty()).ok_or_else(|| {
                ImportError::file(&b.origin, "has no document and no subject to take a title from; ask the sender for the article as .docx or .odt")
            })?;
            let lines: Vec<String> = mail.body.lines().map(str::to_string).collect();
            let body = lines
                .iter()
                .filter(|l| sender::labelled(l).is_none())
                .cloned()
                .collect::<Vec<_>>()
                .join("\n");
            (title, body.trim().to_string(), lines, None)
        }
    };
    // Điều 9.1.b: who sent it.
    let mut who = Sender::default();
    sender::fill_from_lines(&mut who, lines.iter().map(String::as_str));
    if let Some(m) = &mail {
        sender::fill_from_lines(&mut who, m.body.lines());
        if who.name.is_none() {
            who.name = m.from_name.clone().filter(|n| !n.trim().is_empty());
        }
        if who.email.is_none() {
            who.email = m.from_email.clone();
        }
    }
    if who.organisation.is_none() {
        who.organisation = company;
    }
    let missing = sender::missing(&who);
    if !missing.is_empty() {
        return Err(ImportError::file(
            &b.origin,
            format!(
                "does not say who sent it (Điều 9.1.b); missing: {}. Ask the sender to add lines such as `Đơn vị: …`, `Người gửi: …`, `Email: …`, `Điện thoại: …` and send it again",
                missing.join(", ")
            ),
        ));
    }
    let section = choose_section(config, section, &lines, !pdfs.is_empty(), &b.origin)?;
    let kind = config
        .section(&section)
        .map(|s| s.kind)
        .unwrap_or(SectionKind::Article);
    let mut front = FrontMatter {
        title: title.clone(),
        status: Some("submitted".into()),
        sender: Some(who),
        ..FrontMatter::default()
    };
    match kind {
        SectionKind::LegalDocument => {
            // Điều 9.1.c: legal and direction documents come with the signed file.
            let pdf = pdfs.first().ok_or_else(|| {
                ImportError::file(&b.origin, "is a legal or direction document but has no signed PDF attached (Điều 9.1.c); ask the sender for the signed file")
            })?;
            let document = legal::read(&lines, &title, pdf).map_err(|missing| {
                ImportError::file(&b.origin, format!("is a legal or direction document, but its text does not give: {}; add them to the document and send it again", missing.join("; ")))
            })?;
            front.date = Some(document.issued.clone());
            if unsigned_pdfs.contains(pdf) {
                b.flags.push(format!("`{pdf}` carries no digital signature; check the signed paper or ask for the digitally signed file (Điều 9.1.c)"));
            }
            b.attachments.retain(|a| a.file != *pdf);
            front.document = Some(document);
        }
        SectionKind::Article | SectionKind::News | SectionKind::Page => {}
        other => {
            return Err(ImportError::file(
                &b.origin,
                format!(
                    "section `{section}` holds {} entries, which intake does not make; choose an article, news or legal-document section, or use `stp new`",
                    other.as_str()
                ),
            ));
        }
    }
    let mut body = body.trim_end().to_string();
    for p in &loose_pictures {
        body.push_str(&format!("\n\n![{}]({})", p.alt, p.file));
        b.flags.push(format!(
            "picture `{}` came without a description; describe it (alt text, Thông tư 32/2017)",
            p.file
        ));
    }
    let body = format!("{}\n", body.trim());
    // Điều 4.1.a: nothing leaves intake that is not Unicode NFC.
    for (field, t) in [("title", title.as_str()), ("body", body.as_str())] {
        if let Some(p) = text::check(t, 1).first() {
            let line = match p {
                text::TextProblem::Legacy { line, .. } | text::TextProblem::NotNfc { line } => {
                    *line
                }
            };
            return Err(ImportError::file(
                &b.origin,
                format!(
                    "the article's {field}, line {line}, is still not Unicode after conversion; retype it in Unicode"
                ),
            ));
        }
    }
    let slug = slugify(&title);
    if slug.is_empty() {
        return Err(ImportError::file(
            &b.origin,
            "has a title with no letters to make a file name from; give the document a title",
        ));
    }
    let date = mail
        .as_ref()
        .and_then(|m| m.date.clone())
        .unwrap_or_else(|| now.to_string());
    if front.date.is_none() {
        front.date = Some(date.clone());
    }
    front.attachments = b.attachments;
    front.intake = Some(IntakeRecord {
        received: date,
        sources: b
            .files
            .iter()
            .filter(|f| f.name.starts_with(super::RECORD_DIR))
            .map(|f| f.name.clone())
            .collect(),
        message_id: mail.as_ref().and_then(|m| m.message_id.clone()),
        converted: dedup(b.converted),
        flags: b.flags,
    });
    Ok(Submission {
        section,
        slug,
        front,
        body,
        files: b.files,
    })
}

struct Builder {
    origin: PathBuf,
    files: Vec<BundleFile>,
    attachments: Vec<Attachment>,
    flags: Vec<String>,
    converted: Vec<String>,
}

impl Builder {
    /// A file name not yet used in the bundle, never `index.*` (the article's own name).
    fn unique(&self, stem: &str, ext: &str) -> String {
        let stem = if stem == "index" { "tep-index" } else { stem };
        let mut n = 1;
        loop {
            let name = if n == 1 {
                format!("{stem}.{ext}")
            } else {
                format!("{stem}-{n}.{ext}")
            };
            if !self.files.iter().any(|f| f.name == name) {
                return name;
            }
            n += 1;
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

fn file_name(p: &Path) -> String {
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

fn dedup(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

/// `Fwd: [BBT] Tin hội nghị` → `Tin hội nghị`.
fn clean_subject(s: &str) -> String {
    let mut t = s.trim();
    loop {
        let lower = t.to_lowercase();
        if let Some(p) = ["fwd:", "fw:", "re:", "tl:", "chuyển tiếp:"]
            .iter()
            .find(|p| lower.starts_with(**p))
        {
            t = t[p.len()..].trim_start();
        } else if t.starts_with('[') && t.contains(']') {
            t = t[t.find(']').map(|i| i + 1).unwrap_or(0)..].trim_start();
        } else {
            return t.to_string();
        }
    }
}

/// The title: the document's first heading (taken out of the body), its properties'
/// title, or the mail's subject.
fn take_title(d: &mut Document, mail: Option<&eml::Mail>) -> String {
    if let Some(t) = first_heading(d) {
        if let Some(i) = d
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Heading(..)))
        {
            d.blocks.remove(i);
        }
        return t;
    }
    d.title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| mail.and_then(|m| m.subject.as_deref()).map(clean_subject))
        .unwrap_or_default()
}

/// Removes the sender's `Label: value` paragraphs at the end of the document (they are
/// kept in the front matter, never published) and returns their text.
fn strip_sender_block(d: &mut Document) -> Vec<String> {
    let mut out = Vec::new();
    while let Some(Block::Paragraph(inl)) = d.blocks.last() {
        let t = plain(inl);
        let only_text = inl
            .iter()
            .all(|i| matches!(i, Inline::Run(_) | Inline::LineBreak));
        if only_text && (t.trim().is_empty() || sender::labelled(t.trim()).is_some()) {
            out.push(t.trim().to_string());
            d.blocks.pop();
        } else {
            break;
        }
    }
    out.reverse();
    out
}

/// The section given, or the first legal-document section for a text that reads like
/// one (a `Số:` line) with a PDF beside it.
fn choose_section(
    config: &SiteConfig,
    given: Option<&str>,
    lines: &[String],
    has_pdf: bool,
    origin: &Path,
) -> Result<String, ImportError> {
    let names = || config.section_slugs();
    if let Some(s) = given {
        return config.section(s).map(|s| s.slug.clone()).ok_or_else(|| {
            ImportError::file(
                origin,
                format!("site.toml has no section `{s}`; choose one of: {}", names()),
            )
        });
    }
    let looks_legal = has_pdf && lines.iter().any(|l| l.trim_start().starts_with("Số:"));
    let legal = config
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::LegalDocument);
    if let (true, Some(s)) = (looks_legal, legal) {
        return Ok(s.slug.clone());
    }
    Err(ImportError::file(
        origin,
        format!(
            "which section it belongs in is not clear; give `--section` with one of: {}",
            names()
        ),
    ))
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
