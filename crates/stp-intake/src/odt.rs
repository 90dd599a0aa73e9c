//! `.odt` (OpenDocument text) → the document model: headings (`text:h` and the Title
//! style), paragraphs, spans with bold, italic and font (the span's style, the
//! paragraph's style and their parents: the font decides legacy encodings), lists
//! (numbered or bulleted by their list style), tables, links, footnotes, and pictures
//! (`draw:image`) with the frame's title or description as alt text.

use std::collections::HashMap;
use std::path::Path;

use super::archive::{Archive, resolve};
use super::document::{Block, Cell, Document, Inline, Picture, Run};
use super::xml::{self, Child, Node};
use super::{ImportError, Limits, MAX_XML_BYTES};

#[derive(Debug, Clone, Default)]
struct Style {
    parent: Option<String>,
    font: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
    title: bool,
}

struct Reader<'a> {
    file: &'a Path,
    limits: &'a Limits,
    archive: Archive,
    /// Styles by (family, name): family `text` or `paragraph`.
    styles: HashMap<(String, String), Style>,
    /// Font-face name → font family.
    fonts: HashMap<String, String>,
    /// List style → ordered, by level (1-based).
    lists: HashMap<String, HashMap<u32, bool>>,
    doc: Document,
}

/// Reads an `.odt` file's bytes. `file` names it in errors.
pub fn read(file: &Path, bytes: Vec<u8>, limits: &Limits) -> Result<Document, ImportError> {
    let mut archive = Archive::open(file, bytes)?;
    if !archive.has("content.xml") {
        return Err(ImportError::file(
            file,
            "is not an OpenDocument text (it has no content.xml); save it as .odt or .docx",
        ));
    }
    let content = xml::parse(
        file,
        "content.xml",
        &archive.read("content.xml", MAX_XML_BYTES)?,
    )?;
    let styles = if archive.has("styles.xml") {
        Some(xml::parse(
            file,
            "styles.xml",
            &archive.read("styles.xml", MAX_XML_BYTES)?,
        )?)
    } else {
        None
    };
    let meta = if archive.has("meta.xml") {
        Some(xml::parse(
            file,
            "meta.xml",
            &archive.read("meta.xml", MAX_XML_BYTES)?,
        )?)
    } else {
        None
    };
    let mut r = Reader {
        file,
        limits,
        archive,
        styles: HashMap::new(),
        fonts: HashMap::new(),
        lists: HashMap::new(),
        doc: Document::default(),
    };
    for root in styles.iter().chain([&content]) {
        r.read_styles(root);
    }
    if let Some(m) = meta.as_ref().and_then(|m| m.find("dc:title")) {
        r.doc.title = Some(m.text()).filter(|t| !t.trim().is_empty());
    }
    let text = content.find("office:text").ok_or_else(|| {
        ImportError::file(
            file,
            "has no text body; the file is damaged or is not a text document",
        )
    })?;
    r.doc.blocks = r.blocks(text, None, 1)?;
    Ok(r.doc)
}

fn strip_quotes(s: &str) -> String {
    s.trim().trim_matches(['\'', '"']).to_string()
}

impl Reader<'_> {
    fn read_styles(&mut self, root: &Node) {
        if let Some(faces) = root.child("office:font-face-decls") {
            for f in faces.elements() {
                if let (Some(name), Some(family)) =
                    (f.attr("style:name"), f.attr("svg:font-family"))
                {
                    self.fonts.insert(name.to_string(), strip_quotes(family));
                }
            }
        }
        for group in ["office:styles", "office:automatic-styles"] {
            let Some(g) = root.child(group) else { continue };
            for s in g.elements() {
                match s.name.as_str() {
                    "style:style" | "style:default-style" => {
                        let family = s.attr("style:family").unwrap_or("").to_string();
                        let name = s.attr("style:name").unwrap_or("").to_string();
                        let tp = s.child("style:text-properties");
                        let font = tp.and_then(|t| {
                            t.attr("style:font-name")
                                .map(|f| {
                                    self.fonts
                                        .get(f)
                                        .cloned()
                                        .unwrap_or_else(|| strip_quotes(f))
                                })
                                .or_else(|| t.attr("fo:font-family").map(strip_quotes))
                        });
                        let style = Style {
                            parent: s.attr("style:parent-style-name").map(str::to_string),
                            font,
                            bold: tp
                                .and_then(|t| t.attr("fo:font-weight"))
                                .map(|w| w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600)),
                            italic: tp
                                .and_then(|t| t.attr("fo:font-style"))
                                .map(|s| s != "normal"),
                            title: name == "Title",
                        };
                        self.styles.insert((family, name), style);
                    }
                    "text:list-style" => {
                        let levels = s
                            .elements()
                            .map(|l| {
                                let level = l
                                    .attr("text:level")
                                    .and_then(|v| v.parse().ok())
                                    .unwrap_or(1);
                                let ordered = l.name == "text:list-level-style-number"
                                    && l.attr("style:num-format").is_some_and(|f| !f.is_empty());
                                (level, ordered)
                            })
                            .collect();
                        self.lists
                            .insert(s.attr("style:name").unwrap_or("").to_string(), levels);
                    }
                    _ => {}
                }
            }
        }
    }

    /// A property of a style or its parents; the family's default style last.
    fn prop<T>(
        &self,
        family: &str,
        name: Option<&str>,
        get: impl Fn(&Style) -> Option<T>,
    ) -> Option<T> {
        let mut name = name.map(str::to_string);
        for _ in 0..32 {
            let Some(n) = name else { break };
            let Some(s) = self.styles.get(&(family.to_string(), n)) else {
                break;
            };
            if let Some(v) = get(s) {
                return Some(v);
            }
            name = s.parent.clone();
        }
        self.styles
            .get(&(family.to_string(), String::new()))
            .and_then(get)
    }

    fn blocks(
        &mut self,
        n: &Node,
        list_style: Option<&str>,
        level: u32,
    ) -> Result<Vec<Block>, ImportError> {
        let mut out = Vec::new();
        for c in n.elements() {
            match c.name.as_str() {
                "text:h" => {
                    let lvl = c
                        .attr("text:outline-level")
                        .and_then(|v| v.parse::<u8>().ok())
                        .unwrap_or(1);
                    let inl = self.paragraph(c)?;
                    out.push(Block::Heading(lvl.clamp(1, 6), inl));
                }
                "text:p" => {
                    let style = c.attr("text:style-name");
                    let title = self
                        .prop("paragraph", style, |s| s.title.then_some(true))
                        .is_some();
                    let inl = self.paragraph(c)?;
                    out.push(if title {
                        Block::Heading(1, inl)
                    } else {
                        Block::Paragraph(inl)
                    });
                }
                "text:list" => {
                    let style = c.attr("text:style-name").or(list_style).map(str::to_string);
                    let ordered = style
                        .as_deref()
                        .and_then(|s| self.lists.get(s))
                        .and_then(|l| l.get(&level))
                        .copied()
                        .unwrap_or(false);
                    let mut items = Vec::new();
                    for item in c
                        .elements()
                        .filter(|e| e.name == "text:list-item" || e.name == "text:list-header")
                    {
                        items.push(self.blocks(item, style.as_deref(), level + 1)?);
                    }
                    out.push(Block::List {
                        ordered,
                        start: 1,
                        items,
                    });
                }
                "table:table" => out.push(self.table(c)?),
                "text:section" | "text:soft-page-break" | "table:table-row-group" => {
                    out.extend(self.blocks(c, list_style, level)?)
                }
                _ => {}
            }
        }
        Ok(out)
    }

    fn table(&mut self, t: &Node) -> Result<Block, ImportError> {
        let mut rows_nodes = Vec::new();
        t.find_all("table:table-row", &mut rows_nodes);
        let mut rows = Vec::new();
        for row in rows_nodes {
            let mut cells = Vec::new();
            for cell in row.elements().filter(|e| e.name == "table:table-cell") {
                let mut inl = Vec::new();
                for p in cell
                    .elements()
                    .filter(|e| e.name == "text:p" || e.name == "text:h")
                {
                    let more = self.paragraph(p)?;
                    if !inl.is_empty() && !more.is_empty() {
                        inl.push(Inline::LineBreak);
                    }
                    inl.extend(more);
                }
                cells.push(Cell::plain(inl));
            }
            rows.push(cells);
        }
        Ok(Block::Table(rows))
    }

    fn paragraph(&mut self, p: &Node) -> Result<Vec<Inline>, ImportError> {
        let mut out = Vec::new();
        let pstyle = p.attr("text:style-name").map(str::to_string);
        self.inlines(p, pstyle.as_deref(), None, &mut out)?;
        Ok(out)
    }

    fn inlines(
        &mut self,
        n: &Node,
        pstyle: Option<&str>,
        span: Option<&str>,
        out: &mut Vec<Inline>,
    ) -> Result<(), ImportError> {
        let font = self
            .prop("text", span, |s| s.font.clone())
            .or_else(|| self.prop("paragraph", pstyle, |s| s.font.clone()));
        let heading_like = self
            .prop("paragraph", pstyle, |s| s.title.then_some(true))
            .is_some()
            || n.name == "text:h";
        let bold = self
            .prop("text", span, |s| s.bold)
            .or_else(|| {
                self.prop("paragraph", pstyle, |s| s.bold)
                    .filter(|_| !heading_like)
            })
            .unwrap_or(false);
        let italic = self
            .prop("text", span, |s| s.italic)
            .or_else(|| {
                self.prop("paragraph", pstyle, |s| s.italic)
                    .filter(|_| !heading_like)
            })
            .unwrap_or(false);
        let run = |text: String| {
            Inline::Run(Run {
                text,
                bold,
                italic,
                font: font.clone(),
            })
        };
        for c in &n.children {
            let e = match c {
                Child::Text(t) => {
                    out.push(run(t.clone()));
                    continue;
                }
                Child::Element(e) => e,
            };
            match e.name.as_str() {
                "text:span" => self.inlines(e, pstyle, e.attr("text:style-name").or(span), out)?,
                "text:s" => {
                    let count = e
                        .attr("text:c")
                        .and_then(|c| c.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(64);
                    out.push(run(" ".repeat(count)));
                }
                "text:tab" => out.push(run(" ".into())),
                "text:line-break" => out.push(Inline::LineBreak),
                "text:a" => {
                    let mut inner = Vec::new();
                    self.inlines(e, pstyle, span, &mut inner)?;
                    match e.attr("xlink:href").filter(|h| !h.starts_with('#')) {
                        Some(href) => {
                            let runs = inner
                                .iter()
                                .filter_map(|i| match i {
                                    Inline::Run(r) => Some(r.clone()),
                                    _ => None,
                                })
                                .collect();
                            out.push(Inline::Link {
                                href: href.to_string(),
                                runs,
                            });
                        }
                        None => out.extend(inner),
                    }
                }
                "text:note" => {
                    if let Some(body) = e.child("text:note-body") {
                        self.doc.notes.push(Vec::new());
                        let number = self.doc.notes.len();
                        let blocks = self.blocks(body, None, 1)?;
                        self.doc.notes[number - 1] = blocks;
                        out.push(Inline::Note(number));
                    }
                }
                "draw:frame" => self.frame(e, out)?,
                "draw:a" | "text:bookmark-ref" | "text:reference-ref" | "text:ruby"
                | "text:ruby-base" | "text:meta" => self.inlines(e, pstyle, span, out)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn frame(&mut self, frame: &Node, out: &mut Vec<Inline>) -> Result<(), ImportError> {
        let alt = frame
            .child("svg:desc")
            .or_else(|| frame.child("svg:title"))
            .map(Node::text)
            .filter(|t| !t.trim().is_empty());
        let Some(image) = frame.child("draw:image") else {
            // A text box: its paragraphs' text.
            if let Some(tb) = frame.child("draw:text-box") {
                for p in tb.elements().filter(|e| e.name == "text:p") {
                    let inl = self.paragraph(p)?;
                    out.extend(inl);
                }
            }
            return Ok(());
        };
        let Some(href) = image.attr("xlink:href") else {
            return Ok(());
        };
        let part = resolve(self.file, "", href)?;
        let index = match self.doc.pictures.iter().position(|p| p.part == part) {
            Some(i) => i,
            None => {
                if !self.archive.has(&part) {
                    return Err(ImportError::file(
                        self.file,
                        format!(
                            "links a picture at `{href}`, which is not inside the document; insert the picture into the document instead"
                        ),
                    ));
                }
                let bytes = self.archive.read(&part, self.limits.max_attachment_bytes)?;
                self.doc.pictures.push(Picture { part, bytes, alt });
                self.doc.pictures.len() - 1
            }
        };
        out.push(Inline::Picture(index));
        Ok(())
    }
}
