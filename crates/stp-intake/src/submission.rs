//! Turning the files of one submission into an article: which file is the article, which
//! are pictures and attachments; the title, the sender (Điều 9.1.b), the section and, for
//! legal and direction documents, the document block and the signed PDF (Điều 9.1.c).
//! `assemble` goes through these steps in order; `arrival` reads what came and sorts it,
//! `title` chooses the title.

use std::path::{Path, PathBuf};

use super::document::{Block, Document, Inline, plain};
use super::images::{for_web, kind_of};
use super::markdown::{PlacedPicture, to_markdown};
use super::{ImportError, Input, Limits, anchors, eml, legal, sender};
use arrival::{Received, Sorted, file_name, receive};
use stp_content::{
    Attachment, FrontMatter, IntakeRecord, SectionKind, Sender, SiteConfig, slugify, text,
};

mod arrival;
mod title;

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

/// The article's text, from its document or, without one, from the message.
struct Text {
    title: String,
    /// Markdown.
    body: String,
    /// The plain lines, the sender's block included: where the sender and a legal
    /// document's fields are read from.
    lines: Vec<String>,
    /// The company in the document's properties.
    company: Option<String>,
}

/// Reads one submission. `section` is the `--section` given, `now` the intake time
/// (RFC 3339) used when the mail has no date.
pub fn assemble(
    input: &Input,
    config: &SiteConfig,
    section: Option<&str>,
    now: &str,
) -> Result<Submission, ImportError> {
    assemble_from(input, config, section, now, &Sender::default())
}

/// `assemble`, with the sender's details the secretary states (`stp intake --sender-…`:
/// a document received on paper, by hand or through a messaging app, Điều 9.1.b). What
/// the secretary states comes first; the document and the mail fill the rest.
pub fn assemble_from(
    input: &Input,
    config: &SiteConfig,
    section: Option<&str>,
    now: &str,
    stated: &Sender,
) -> Result<Submission, ImportError> {
    let limits = Limits {
        max_attachment_bytes: config.max_attachment_bytes,
    };
    let Received {
        origin,
        mail,
        arrived,
        sources,
    } = receive(input, limits.max_attachment_bytes)?;
    let mut b = Builder::new(origin, sources);
    let Sorted {
        document,
        pdfs,
        unsigned_pdfs,
        loose_pictures,
    } = b.sort(arrived, &limits, matches!(input, Input::Files(_)))?;
    let document_file = document.as_ref().map(|(place, _)| place.clone());
    let Text {
        title,
        body,
        lines,
        company,
    } = match document {
        Some((place, d)) => b.text_of_document(&place, d, mail.as_ref())?,
        None => text_of_mail(&b.origin, mail.as_ref())?,
    };
    let who = sender_of(stated, &lines, mail.as_ref(), company, &b.origin)?;
    let section = choose_section(config, section, &lines, !pdfs.is_empty(), &b.origin)?;
    let kind = config
        .section(&section)
        .map(|s| s.kind)
        .unwrap_or(SectionKind::Article);
    let mut front = FrontMatter {
        title: title.clone(),
        status: Some("submitted".into()),
        // Who wrote it, for the royalties (Điều 8): the sender (a `Tác giả:` line names them).
        author: who.name.clone(),
        sender: Some(Box::new(who)),
        ..FrontMatter::default()
    };
    match kind {
        SectionKind::LegalDocument => {
            b.legal_document(&mut front, &lines, &title, &pdfs, &unsigned_pdfs)?
        }
        SectionKind::Article | SectionKind::News | SectionKind::Page => {}
        other => return Err(not_made_by_intake(&b.origin, &section, other)),
    }
    let body = b.with_loose_pictures(body, &loose_pictures);
    if let Some(place) = document_file.filter(|_| body.trim().is_empty()) {
        return Err(ImportError::file(
            place,
            "leaves the article empty: no text or picture that a web page can show is left in it once read; ask the sender for the article's text",
        ));
    }
    check_unicode(&b.origin, &title, &body)?;
    let slug = article_slug(&title, &b.origin)?;
    let files = b.record(&mut front, mail.as_ref(), now);
    if let Some(record) = front.intake.as_mut() {
        record.sender_stated = *stated != Sender::default();
    }
    Ok(Submission {
        section,
        slug,
        front,
        body,
        files,
    })
}

/// The article from the message alone: its subject is the title, its text the body.
fn text_of_mail(origin: &Path, mail: Option<&eml::Mail>) -> Result<Text, ImportError> {
    let mail = mail.ok_or_else(|| {
        ImportError::file(
            origin,
            "holds no Word (.docx) or OpenOffice (.odt) document to take the article from; add one",
        )
    })?;
    let title = mail.subject.as_deref().map(clean_subject).filter(|t| !t.is_empty()).ok_or_else(|| {
        ImportError::file(origin, "has no document and no subject to take a title from; ask the sender for the article as .docx or .odt")
    })?;
    let lines: Vec<String> = mail.body.lines().map(str::to_string).collect();
    let body = lines
        .iter()
        .filter(|l| sender::labelled(l).is_none())
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Text {
        title,
        body: body.trim().to_string(),
        lines,
        company: None,
    })
}

/// Điều 9.1.b: who sent it: what the secretary stated, then the article's lines, then the
/// message's body and header, then the document's company; refused when something is
/// missing.
fn sender_of(
    stated: &Sender,
    lines: &[String],
    mail: Option<&eml::Mail>,
    company: Option<String>,
    origin: &Path,
) -> Result<Sender, ImportError> {
    let mut who = stated.clone();
    sender::fill_from_lines(&mut who, lines.iter().map(String::as_str));
    if let Some(m) = mail {
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
            origin,
            format!(
                "does not say who sent it (Điều 9.1.b); missing: {}. Ask the sender to add lines such as `Đơn vị: …`, `Người gửi: …`, `Email: …`, `Điện thoại: …` and send it again, or, for a document received on paper or by hand, give them with --sender-name, --sender-unit, --sender-email and --sender-phone (or --sender-address)",
                missing.join(", ")
            ),
        ));
    }
    Ok(who)
}

/// The refusal for a section whose entries intake does not make (staff, procedures, …).
fn not_made_by_intake(origin: &Path, section: &str, kind: SectionKind) -> ImportError {
    ImportError::file(
        origin,
        format!(
            "section `{section}` holds {} entries, which intake does not make; choose an article, news or legal-document section, or use `stp new`",
            kind.as_str()
        ),
    )
}

/// Điều 4.1.a: nothing leaves intake that is not Unicode NFC.
fn check_unicode(origin: &Path, title: &str, body: &str) -> Result<(), ImportError> {
    for (field, t) in [("title", title), ("body", body)] {
        if let Some(p) = text::check(t, 1).first() {
            let line = match p {
                text::TextProblem::Legacy { line, .. } | text::TextProblem::NotNfc { line } => {
                    *line
                }
            };
            return Err(ImportError::file(
                origin,
                format!(
                    "the article's {field}, line {line}, is still not Unicode after conversion; retype it in Unicode"
                ),
            ));
        }
    }
    Ok(())
}

/// The bundle's folder name, from the title.
fn article_slug(title: &str, origin: &Path) -> Result<String, ImportError> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(ImportError::file(
            origin,
            "has a title with no letters to make a file name from; give the document a title",
        ));
    }
    Ok(slug)
}

/// The bundle as it is put together: its files, the attachments listed in the front
/// matter, and what the intake record will say.
struct Builder {
    origin: PathBuf,
    files: Vec<BundleFile>,
    attachments: Vec<Attachment>,
    flags: Vec<String>,
    converted: Vec<String>,
}

impl Builder {
    /// An empty bundle but for the sources, for a submission that came from `origin`.
    fn new(origin: PathBuf, sources: Vec<BundleFile>) -> Builder {
        Builder {
            origin,
            files: sources,
            attachments: Vec::new(),
            flags: Vec::new(),
            converted: Vec::new(),
        }
    }

    /// The article from its document: the title taken out, the sender's block taken
    /// off, the pictures placed.
    fn text_of_document(
        &mut self,
        place: &Path,
        mut d: Document,
        mail: Option<&eml::Mail>,
    ) -> Result<Text, ImportError> {
        self.converted
            .extend(d.converted.iter().map(|l| l.to_string()));
        let name = file_name(place);
        self.flags
            .extend(d.losses.iter().map(|l| format!("`{name}`: {l}")));
        let title = self.take_title(&mut d, mail);
        let sender_lines = strip_sender_block(&mut d);
        let unlinked = anchors::resolve(&mut d);
        self.flags
            .extend(unlinked.iter().map(|l| format!("`{name}`: {l}")));
        let pictures = self.document_pictures(&name, &d);
        let mut lines = d.plain_lines();
        lines.extend(sender_lines);
        Ok(Text {
            title,
            body: to_markdown(&d, &pictures),
            lines,
            company: d.company.clone(),
        })
    }

    /// The document's own pictures, made fit for the web as `anh-1`, `anh-2`, … One
    /// the web cannot show (EMF, WMF, a formula's preview, a damaged file) is left out
    /// and flagged, naming it: the article is still taken in.
    fn document_pictures(&mut self, document: &str, d: &Document) -> Vec<Option<PlacedPicture>> {
        let mut pictures = Vec::new();
        for p in &d.pictures {
            let place = self.origin.clone();
            let pic = match for_web(&place, &p.part, &p.bytes) {
                Ok(pic) => pic,
                Err(_) => {
                    self.flags.push(format!(
                        "picture `{}` in `{document}` is {}, which a web page cannot show; it was left out of the article: ask the sender for it as PNG or JPG",
                        p.part,
                        kind_of(&p.bytes)
                    ));
                    pictures.push(None);
                    continue;
                }
            };
            let kept = pictures.iter().flatten().count();
            let name = self.unique(&format!("anh-{}", kept + 1), pic.extension);
            self.files.push(BundleFile {
                name: name.clone(),
                bytes: pic.bytes,
            });
            if p.alt.is_none() {
                self.flags.push(format!("picture `{name}` has no description in the document; describe it (alt text, Thông tư 32/2017)"));
            }
            pictures.push(Some(PlacedPicture {
                file: name,
                alt: p.alt.clone().unwrap_or_default(),
            }));
        }
        pictures
    }

    /// Điều 9.1.c: a legal or direction document comes with the signed PDF, and its text
    /// gives the document's fields; the PDF is the document, no longer an attachment.
    fn legal_document(
        &mut self,
        front: &mut FrontMatter,
        lines: &[String],
        title: &str,
        pdfs: &[String],
        unsigned_pdfs: &[String],
    ) -> Result<(), ImportError> {
        let pdf = pdfs.first().ok_or_else(|| {
            ImportError::file(&self.origin, "is a legal or direction document but has no signed PDF attached (Điều 9.1.c); ask the sender for the signed file")
        })?;
        let document = legal::read(lines, title, pdf).map_err(|missing| {
            ImportError::file(&self.origin, format!("is a legal or direction document, but its text does not give: {}; add them to the document and send it again", missing.join("; ")))
        })?;
        front.date = Some(document.issued.clone());
        if unsigned_pdfs.contains(pdf) {
            self.flags.push(format!("`{pdf}` carries no digital signature; check the signed paper or ask for the digitally signed file (Điều 9.1.c)"));
        }
        self.attachments.retain(|a| a.file != *pdf);
        front.document = Some(Box::new(document));
        Ok(())
    }

    /// The body with the loose pictures after its text, each flagged for a description.
    fn with_loose_pictures(&mut self, body: String, loose: &[PlacedPicture]) -> String {
        let mut body = body.trim_end().to_string();
        for p in loose {
            body.push_str(&format!("\n\n![{}]({})", p.alt, p.file));
            self.flags.push(format!(
                "picture `{}` came without a description; describe it (alt text, Thông tư 32/2017)",
                p.file
            ));
        }
        format!("{}\n", body.trim())
    }

    /// Dates the front matter (the message's date, or `now`, unless a legal document
    /// gave one), lists the attachments and writes the intake record; returns the
    /// bundle's files.
    fn record(
        self,
        front: &mut FrontMatter,
        mail: Option<&eml::Mail>,
        now: &str,
    ) -> Vec<BundleFile> {
        let date = mail
            .and_then(|m| m.date.clone())
            .unwrap_or_else(|| now.to_string());
        if front.date.is_none() {
            front.date = Some(date.clone());
        }
        front.attachments = self.attachments;
        front.intake = Some(Box::new(IntakeRecord {
            received: date,
            sources: self
                .files
                .iter()
                .filter(|f| f.name.starts_with(super::RECORD_DIR))
                .map(|f| f.name.clone())
                .collect(),
            message_id: mail.and_then(|m| m.message_id.clone()),
            converted: dedup(self.converted),
            flags: self.flags,
            // Set by `assemble_from`, which knows what the secretary stated.
            sender_stated: false,
        }));
        self.files
    }

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

/// Removes the sender's `Label: value` paragraphs at the end of the document (they are
/// kept in the front matter, never published) and returns their text.
fn strip_sender_block(d: &mut Document) -> Vec<String> {
    let mut out = Vec::new();
    while let Some(Block::Paragraph(inl)) = d.blocks.last() {
        let t = plain(inl);
        let only_text = inl
            .iter()
            .all(|i| matches!(i, Inline::Run(_) | Inline::LineBreak | Inline::Anchor(_)));
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
