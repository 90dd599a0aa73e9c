//! `.docx` (Word, OOXML) → the document model: paragraphs with their styles (headings by
//! style name or outline level), runs with bold, italic and font (direct, character
//! style, paragraph style or document default: the font decides legacy encodings),
//! numbered and bulleted lists, tables, hyperlinks, footnotes and endnotes, embedded
//! pictures with their descriptions, and the title and company from the properties.

use std::collections::HashMap;
use std::path::Path;

use super::archive::{Archive, resolve};
use super::document::{Block, Document, Inline, Picture, Run};
use super::xml::{self, Child, Node};
use super::{ImportError, Limits, MAX_XML_BYTES};

#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    font: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
    heading: Option<u8>,
}

struct Reader<'a> {
    file: &'a Path,
    limits: &'a Limits,
    archive: Archive,
    rels: HashMap<String, (String, bool)>,
    styles: HashMap<String, Style>,
    default_font: Option<String>,
    /// numId → levels (ilvl → ordered).
    numbering: HashMap<String, HashMap<String, bool>>,
    /// Footnote and endnote bodies by (kind, id).
    note_bodies: HashMap<(bool, String), Node>,
    note_numbers: HashMap<(bool, String), usize>,
    doc: Document,
}

/// Reads a `.docx` file's bytes. `file` names it in errors.
pub fn read(file: &Path, bytes: Vec<u8>, limits: &Limits) -> Result<Document, ImportError> {
    let mut archive = Archive::open(file, bytes)?;
    if !archive.has("word/document.xml") {
        return Err(ImportError::file(
            file,
            "is not a Word document (it has no word/document.xml); save it as .docx from Word or LibreOffice",
        ));
    }
    let body = xml::parse(
        file,
        "word/document.xml",
        &archive.read("word/document.xml", MAX_XML_BYTES)?,
    )?;
    let rels = match optional(&mut archive, file, "word/_rels/document.xml.rels")? {
        Some(n) => relationships(&n),
        None => HashMap::new(),
    };
    let mut r = Reader {
        file,
        limits,
        archive,
        rels,
        styles: HashMap::new(),
        default_font: None,
        numbering: HashMap::new(),
        note_bodies: HashMap::new(),
        note_numbers: HashMap::new(),
        doc: Document::default(),
    };
    r.read_styles()?;
    r.read_numbering()?;
    for (part, endnote) in [("word/footnotes.xml", false), ("word/endnotes.xml", true)] {
        if let Some(n) = optional(&mut r.archive, file, part)? {
            for note in n
                .elements()
                .filter(|e| e.name == "w:footnote" || e.name == "w:endnote")
            {
                if note.attr("w:type").is_none_or(|t| t == "normal") {
                    let id = note.attr("w:id").unwrap_or("").to_string();
                    r.note_bodies.insert((endnote, id), note.clone());
                }
            }
        }
    }
    if let Some(core) = optional(&mut r.archive, file, "docProps/core.xml")? {
        r.doc.title = core
            .child("dc:title")
            .map(Node::text)
            .filter(|t| !t.trim().is_empty());
    }
    if let Some(app) = optional(&mut r.archive, file, "docProps/app.xml")? {
        r.doc.company = app
            .child("ep:Company")
            .map(Node::text)
            .filter(|t| !t.trim().is_empty());
    }
    let body_node = body
        .child("w:body")
        .ok_or_else(|| ImportError::file(file, "has no document body; the file is damaged"))?;
    let blocks = r.blocks(body_node)?;
    r.doc.blocks = blocks;
    Ok(r.doc)
}

fn optional(archive: &mut Archive, file: &Path, part: &str) -> Result<Option<Node>, ImportError> {
    if !archive.has(part) {
        return Ok(None);
    }
    let bytes = archive.read(part, MAX_XML_BYTES)?;
    xml::parse(file, part, &bytes).map(Some)
}

fn relationships(n: &Node) -> HashMap<String, (String, bool)> {
    n.elements()
        .filter(|e| e.name == "rel:Relationship")
        .filter_map(|e| {
            let id = e.attr("Id")?.to_string();
            let target = e.attr("Target")?.to_string();
            let external = e.attr("TargetMode") == Some("External");
            Some((id, (target, external)))
        })
        .collect()
}

fn on(n: Option<&Node>) -> Option<bool> {
    n.map(|n| !matches!(n.attr("w:val"), Some("0" | "false" | "off" | "none")))
}

fn font_of(rpr: Option<&Node>) -> Option<String> {
    let f = rpr?.child("w:rFonts")?;
    f.attr("w:ascii")
        .or(f.attr("w:hAnsi"))
        .or(f.attr("w:cs"))
        .map(str::to_string)
}

impl Reader<'_> {
    fn read_styles(&mut self) -> Result<(), ImportError> {
        let Some(styles) = optional(&mut self.archive, self.file, "word/styles.xml")? else {
            return Ok(());
        };
        if let Some(d) = styles.child("w:docDefaults") {
            self.default_font = font_of(d.find("w:rPr"));
        }
        for s in styles.elements().filter(|e| e.name == "w:style") {
            let Some(id) = s.attr("w:styleId") else {
                continue;
            };
            let name = s
                .child("w:name")
                .and_then(|n| n.attr("w:val"))
                .unwrap_or("")
                .to_lowercase();
            let rpr = s.child("w:rPr");
            let outline = s
                .child("w:pPr")
                .and_then(|p| p.child("w:outlineLvl"))
                .and_then(|o| o.attr("w:val"))
                .and_then(|v| v.parse::<u8>().ok());
            let heading = if name == "title" {
                Some(1)
            } else if let Some(n) = name.strip_prefix("heading ") {
                n.trim().parse::<u8>().ok()
            } else {
                outline.filter(|l| *l < 6).map(|l| l + 1)
            };
            let style = Style {
                based_on: s
                    .child("w:basedOn")
                    .and_then(|b| b.attr("w:val"))
                    .map(str::to_string),
                font: font_of(rpr),
                bold: on(rpr.and_then(|r| r.child("w:b"))),
                italic: on(rpr.and_then(|r| r.child("w:i"))),
                heading: heading.map(|h| h.clamp(1, 6)),
            };
            self.styles.insert(id.to_string(), style);
        }
        Ok(())
    }

    fn read_numbering(&mut self) -> Result<(), ImportError> {
        let Some(n) = optional(&mut self.archive, self.file, "word/numbering.xml")? else {
            return Ok(());
        };
        let mut abstracts: HashMap<String, HashMap<String, bool>> = HashMap::new();
        for a in n.elements().filter(|e| e.name == "w:abstractNum") {
            let levels = a
                .elements()
                .filter(|l| l.name == "w:lvl")
                .map(|l| {
                    let fmt = l
                        .child("w:numFmt")
                        .and_then(|f| f.attr("w:val"))
                        .unwrap_or("bullet");
                    (
                        l.attr("w:ilvl").unwrap_or("0").to_string(),
                        !matches!(fmt, "bullet" | "none"),
                    )
                })
                .collect();
            abstracts.insert(a.attr("w:abstractNumId").unwrap_or("").to_string(), levels);
        }
        for num in n.elements().filter(|e| e.name == "w:num") {
            let abs = num
                .child("w:abstractNumId")
                .and_then(|a| a.attr("w:val"))
                .unwrap_or("");
            if let (Some(id), Some(levels)) = (num.attr("w:numId"), abstracts.get(abs)) {
                self.numbering.insert(id.to_string(), levels.clone());
            }
        }
        Ok(())
    }

    /// A style property, following `basedOn` (at most 32 steps: loops end there).
    fn style_prop<T>(&self, id: Option<&str>, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut id = id?.to_string();
        for _ in 0..32 {
            let s = self.styles.get(&id)?;
            if let Some(v) = get(s) {
                return Some(v);
            }
            id = s.based_on.clone()?;
        }
        None
    }

    fn blocks(&mut self, container: &Node) -> Result<Vec<Block>, ImportError> {
        let mut out = Vec::new();
        // List items waiting to be grouped: (level, ordered, paragraph).
        let mut items: Vec<(usize, bool, Block)> = Vec::new();
        let mut list_id = String::new();
        let mut flat: Vec<&Node> = Vec::new();
        flatten(container, &mut flat);
        for n in flat {
            match n.name.as_str() {
                "w:p" => {
                    let ppr = n.child("w:pPr");
                    let num = ppr.and_then(|p| p.child("w:numPr"));
                    let num_id = num
                        .and_then(|x| x.child("w:numId"))
                        .and_then(|x| x.attr("w:val"));
                    let block = self.paragraph(n)?;
                    match num_id.filter(|id| *id != "0") {
                        Some(id) => {
                            let ilvl = num
                                .and_then(|x| x.child("w:ilvl"))
                                .and_then(|x| x.attr("w:val"))
                                .unwrap_or("0");
                            let ordered = self
                                .numbering
                                .get(id)
                                .and_then(|l| l.get(ilvl))
                                .copied()
                                .unwrap_or(false);
                            let level = ilvl.parse::<usize>().unwrap_or(0).min(8);
                            // Another list (another numId) at the top level starts anew.
                            if id != list_id && level == 0 {
                                out.extend(group_list(&mut items));
                            }
                            list_id = id.to_string();
                            items.push((level, ordered, block));
                        }
                        None => {
                            out.extend(group_list(&mut items));
                            out.push(block);
                        }
                    }
                }
                "w:tbl" => {
                    out.extend(group_list(&mut items));
                    out.push(self.table(n)?);
                }
                _ => {}
            }
        }
        out.extend(group_list(&mut items));
        Ok(out)
    }

    fn table(&mut self, tbl: &Node) -> Result<Block, ImportError> {
        let mut rows = Vec::new();
        for tr in tbl.elements().filter(|e| e.name == "w:tr") {
            let mut cells = Vec::new();
            for tc in tr.elements().filter(|e| e.name == "w:tc") {
                let mut cell: Vec<Inline> = Vec::new();
                for p in tc.elements().filter(|e| e.name == "w:p") {
                    let (Block::Paragraph(inl) | Block::Heading(_, inl)) = self.paragraph(p)?
                    else {
                        continue;
                    };
                    if !cell.is_empty() && !inl.is_empty() {
                        cell.push(Inline::LineBreak);
                    }
                    cell.extend(inl);
                }
                cells.push(cell);
            }
            rows.push(cells);
        }
        Ok(Block::Table(rows))
    }

    fn paragraph(&mut self, p: &Node) -> Result<Block, ImportError> {
        let style = p
            .child("w:pPr")
            .and_then(|x| x.child("w:pStyle"))
            .and_then(|x| x.attr("w:val"))
            .map(str::to_string);
        let mut inlines = Vec::new();
        self.inlines(p, style.as_deref(), None, &mut inlines)?;
        Ok(match self.style_prop(style.as_deref(), |s| s.heading) {
            Some(level) => Block::Heading(level, inlines),
            None => Block::Paragraph(inlines),
        })
    }

    fn inlines(
        &mut self,
        n: &Node,
        pstyle: Option<&str>,
        link: Option<&str>,
        out: &mut Vec<Inline>,
    ) -> Result<(), ImportError> {
        for c in n.elements() {
            match c.name.as_str() {
                "w:r" => self.run(c, pstyle, out)?,
                "w:hyperlink" => {
                    let href = c
                        .attr("r:id")
                        .and_then(|id| self.rels.get(id))
                        .map(|(t, _)| t.clone());
                    let mut inner = Vec::new();
                    self.inlines(c, pstyle, href.as_deref(), &mut inner)?;
                    match href {
                        Some(href) if link.is_none() => {
                            let runs = inner
                                .iter()
                                .filter_map(|i| match i {
                                    Inline::Run(r) => Some(r.clone()),
                                    _ => None,
                                })
                                .collect();
                            out.push(Inline::Link { href, runs });
                            out.extend(inner.into_iter().filter(|i| !matches!(i, Inline::Run(_))));
                        }
                        _ => out.extend(inner),
                    }
                }
                "w:smartTag" | "w:ins" | "w:fldSimple" | "w:customXml" | "w:sdt"
                | "w:sdtContent" => self.inlines(c, pstyle, link, out)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn run(
        &mut self,
        r: &Node,
        pstyle: Option<&str>,
        out: &mut Vec<Inline>,
    ) -> Result<(), ImportError> {
        let rpr = r.child("w:rPr");
        let rstyle = rpr
            .and_then(|x| x.child("w:rStyle"))
            .and_then(|x| x.attr("w:val"));
        let font = font_of(rpr)
            .or_else(|| self.style_prop(rstyle, |s| s.font.clone()))
            .or_else(|| self.style_prop(pstyle, |s| s.font.clone()))
            .or_else(|| self.default_font.clone());
        let bold = on(rpr.and_then(|x| x.child("w:b")))
            .or_else(|| self.style_prop(rstyle, |s| s.bold))
            .or_else(|| {
                self.style_prop(pstyle, |s| s.bold)
                    .filter(|_| self.style_prop(pstyle, |s| s.heading).is_none())
            })
            .unwrap_or(false);
        let italic = on(rpr.and_then(|x| x.child("w:i")))
            .or_else(|| self.style_prop(rstyle, |s| s.italic))
            .or_else(|| {
                self.style_prop(pstyle, |s| s.italic)
                    .filter(|_| self.style_prop(pstyle, |s| s.heading).is_none())
            })
            .unwrap_or(false);
        let mut text = String::new();
        let flush = |text: &mut String, out: &mut Vec<Inline>| {
            if !text.is_empty() {
                out.push(Inline::Run(Run {
                    text: std::mem::take(text),
                    bold,
                    italic,
                    font: font.clone(),
                }));
            }
        };
        for c in r.elements() {
            match c.name.as_str() {
                "w:t" => text.push_str(&c.text()),
                "w:tab" => text.push(' '),
                "w:noBreakHyphen" => text.push('-'),
                // In TCVN3 text 0xAD is the letter ư; elsewhere it is dropped later.
                "w:softHyphen" => text.push('\u{AD}'),
                "w:br" | "w:cr" if c.attr("w:type").is_none_or(|t| t == "textWrapping") => {
                    flush(&mut text, out);
                    out.push(Inline::LineBreak);
                }
                "w:footnoteReference" | "w:endnoteReference" => {
                    flush(&mut text, out);
                    let key = (
                        c.name == "w:endnoteReference",
                        c.attr("w:id").unwrap_or("").to_string(),
                    );
                    if let Some(n) = self.note(key)? {
                        out.push(Inline::Note(n));
                    }
                }
                "w:drawing" | "w:pict" | "mc:AlternateContent" => {
                    flush(&mut text, out);
                    self.pictures(c, out)?;
                }
                _ => {}
            }
        }
        flush(&mut text, out);
        Ok(())
    }

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
        let blocks = self.blocks(&body)?;
        self.doc.notes[number - 1] = blocks;
        Ok(Some(number))
    }

    fn pictures(&mut self, n: &Node, out: &mut Vec<Inline>) -> Result<(), ImportError> {
        if n.name == "mc:Fallback" {
            return Ok(());
        }
        let (rel, alt) = match n.name.as_str() {
            "w:drawing" => {
                let alt = n
                    .find("wp:docPr")
                    .and_then(|d| d.attr("descr").or(d.attr("title")))
                    .map(str::to_string);
                let blip = n.find("a:blip");
                if blip.is_some_and(|b| b.attr("r:link").is_some() && b.attr("r:embed").is_none()) {
                    return Err(ImportError::file(
                        self.file,
                        "links a picture kept outside the document; insert the picture into the document instead",
                    ));
                }
                (
                    blip.and_then(|b| b.attr("r:embed")).map(str::to_string),
                    alt,
                )
            }
            "v:imagedata" => (
                n.attr("r:id").map(str::to_string),
                n.attr("o:title").map(str::to_string),
            ),
            _ => {
                for c in n.elements() {
                    self.pictures(c, out)?;
                }
                return Ok(());
            }
        };
        let Some(rel) = rel else { return Ok(()) };
        let (target, external) = self.rels.get(&rel).cloned().ok_or_else(|| {
            ImportError::file(self.file, format!("a picture names relationship `{rel}`, which the document does not have; the file is damaged"))
        })?;
        if external {
            return Err(ImportError::file(
                self.file,
                format!(
                    "links a picture at `{target}`, outside the document; insert the picture into the document instead"
                ),
            ));
        }
        let part = resolve(self.file, "word", &target)?;
        let index = match self.doc.pictures.iter().position(|p| p.part == part) {
            Some(i) => i,
            None => {
                let bytes = self.archive.read(&part, self.limits.max_attachment_bytes)?;
                self.doc.pictures.push(Picture {
                    part,
                    bytes,
                    alt: alt.filter(|a| !a.trim().is_empty()),
                });
                self.doc.pictures.len() - 1
            }
        };
        out.push(Inline::Picture(index));
        Ok(())
    }
}

/// Paragraphs and tables in reading order, looking through content controls.
fn flatten<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
    for c in &n.children {
        if let Child::Element(e) = c {
            match e.name.as_str() {
                "w:p" | "w:tbl" => out.push(e),
                "w:sdt" | "w:sdtContent" | "w:customXml" | "w:ins" => flatten(e, out),
                _ => {}
            }
        }
    }
}

/// Turns the pending list items into (nested) lists.
fn group_list(items: &mut Vec<(usize, bool, Block)>) -> Option<Block> {
    if items.is_empty() {
        return None;
    }
    let taken = std::mem::take(items);
    let base = taken.iter().map(|i| i.0).min().unwrap_or(0);
    Some(nest(&taken, base))
}

fn nest(items: &[(usize, bool, Block)], level: usize) -> Block {
    let ordered = items.first().map(|i| i.1).unwrap_or(false);
    let mut out: Vec<Vec<Block>> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        if items[i].0 <= level || out.is_empty() {
            out.push(vec![items[i].2.clone()]);
            i += 1;
        } else {
            let start = i;
            while i < items.len() && items[i].0 > level {
                i += 1;
            }
            if let Some(last) = out.last_mut() {
                last.push(nest(&items[start..i], level + 1));
            }
        }
    }
    Block::List {
        ordered,
        items: out,
    }
}
