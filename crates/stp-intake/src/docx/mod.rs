//! `.docx` (Word, OOXML) → the document model. The package is opened through its
//! relationships (`package`); styles and list numbering (`styles`) give headings, fonts
//! and list labels; `blocks` reads paragraphs, lists, tables and content controls,
//! `inlines` the runs with their bold, italic and font, tracked changes resolved to the
//! final text, hyperlinks and hyperlink fields, and `drawing` the pictures and the text
//! in text boxes and shapes. Footnotes and endnotes are read with their own part's
//! relationships. The title and company come from the properties.

mod blocks;
mod drawing;
mod inlines;
mod package;
mod styles;

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use super::archive::Archive;
use super::document::{Block, Document};
use super::xml::{self, Node};
use super::{ImportError, Limits, MAX_XML_BYTES};
use inlines::Field;
use package::{Package, Rels};
use styles::Styles;

/// A footnote or endnote: its body and the relationships of the part it is in.
struct NoteBody {
    node: Node,
    rels: Rc<Rels>,
}

struct Reader<'a> {
    file: &'a Path,
    limits: &'a Limits,
    archive: Archive,
    /// The relationships of the part being read (the main part, or a notes part).
    rels: Rc<Rels>,
    styles: Styles,
    /// Footnote and endnote bodies by (kind, id).
    note_bodies: HashMap<(bool, String), NoteBody>,
    note_numbers: HashMap<(bool, String), usize>,
    /// Blocks met inside the paragraph being read (text boxes), placed after it.
    floating: Vec<Block>,
    /// The fields open in the paragraph being read.
    fields: Vec<Field>,
    /// Hidden text (`w:vanish`) left out, for the flag.
    hidden: String,
    doc: Document,
}

/// Reads a `.docx` file's bytes. `file` names it in errors.
pub fn read(file: &Path, bytes: Vec<u8>, limits: &Limits) -> Result<Document, ImportError> {
    let mut archive = Archive::open(file, bytes)?;
    let package = Package::open(&mut archive, file)?;
    let body = xml::parse(
        file,
        &package.main,
        &archive.read(&package.main, MAX_XML_BYTES)?,
    )?;
    let mut r = Reader {
        file,
        limits,
        archive,
        rels: Rc::new(package.main_rels),
        styles: Styles::default(),
        note_bodies: HashMap::new(),
        note_numbers: HashMap::new(),
        floating: Vec::new(),
        fields: Vec::new(),
        hidden: String::new(),
        doc: Document::default(),
    };
    if let Some(styles) = r.related("/styles")? {
        r.styles.read_styles(&styles);
    }
    if let Some(numbering) = r.related("/numbering")? {
        r.styles.read_numbering(&numbering);
    }
    r.read_notes()?;
    r.doc.title = r.property(package.core.as_deref(), "dc:title")?;
    r.doc.company = r.property(package.app.as_deref(), "ep:Company")?;
    let body_node = body
        .child("w:body")
        .ok_or_else(|| ImportError::file(file, "has no document body; the file is damaged"))?;
    let blocks = r.blocks(body_node)?;
    r.doc.blocks = blocks;
    let hidden: Vec<&str> = r.hidden.split_whitespace().collect();
    if !hidden.is_empty() {
        let shown = hidden
            .iter()
            .take(12)
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let more = if hidden.len() > 12 { " …" } else { "" };
        r.doc.losses.push(format!(
            "hidden text (which Word does not show either) was left out: `{shown}{more}`; check whether it belongs in the article"
        ));
    }
    Ok(r.doc)
}

impl Reader<'_> {
    /// A document property (`dc:title` in the core properties), if set.
    fn property(&mut self, part: Option<&str>, name: &str) -> Result<Option<String>, ImportError> {
        let Some(part) = part else { return Ok(None) };
        let Some(props) = self.archive.xml(part)? else {
            return Ok(None);
        };
        Ok(props
            .child(name)
            .map(Node::text)
            .filter(|t| !t.trim().is_empty()))
    }

    /// The part the main part relates to by a relationship type ending in `kind`.
    fn related(&mut self, kind: &str) -> Result<Option<Node>, ImportError> {
        match self.rels.part_of_kind(self.file, kind)? {
            Some(part) => self.archive.xml(&part),
            None => Ok(None),
        }
    }

    /// Footnotes and endnotes, each kept with its part's relationships.
    fn read_notes(&mut self) -> Result<(), ImportError> {
        for (kind, endnote) in [("/footnotes", false), ("/endnotes", true)] {
            let Some(part) = self.rels.part_of_kind(self.file, kind)? else {
                continue;
            };
            let Some(notes) = self.archive.xml(&part)? else {
                continue;
            };
            let rels = Rc::new(Rels::of_part(&mut self.archive, &part)?);
            for note in notes
                .elements()
                .filter(|e| e.name == "w:footnote" || e.name == "w:endnote")
            {
                if note.attr("w:type").is_none_or(|t| t == "normal") {
                    let id = note.attr("w:id").unwrap_or("").to_string();
                    let body = NoteBody {
                        node: note.clone(),
                        rels: rels.clone(),
                    };
                    self.note_bodies.insert((endnote, id), body);
                }
            }
        }
        Ok(())
    }

    /// The number of a note, reading its body the first time it is referred to.
    fn note(&mut self, key: (bool, String)) -> Result<Option<usize>, ImportError> {
        if let Some(n) = self.note_numbers.get(&key) {
            return Ok(Some(*n));
        }
        let Some(body) = self.note_bodies.remove(&key) else {
            return Ok(None);
        };
        let number = self.doc.notes.len() + 1;
        self.note_numbers.insert(key, number);
        self.doc.notes.push(Vec::new());
        let body_rels = std::mem::replace(&mut self.rels, body.rels);
        let floating = std::mem::take(&mut self.floating);
        let fields = std::mem::take(&mut self.fields);
        let blocks = self.blocks(&body.node);
        self.rels = body_rels;
        self.floating = floating;
        self.fields = fields;
        self.doc.notes[number - 1] = blocks?;
        Ok(Some(number))
    }
}
