//! The document model both Word and OpenOffice readers fill (headings, paragraphs, runs
//! with their font, lists, tables, links, footnotes, pictures), its conversion out of
//! legacy encodings, and its Markdown form.

use std::path::Path;

use super::ImportError;
use stp_content::legacy::{self, Legacy};
use stp_content::text;

/// A run of text with one set of properties.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// The font the run is set in, when the document names one.
    pub font: Option<String>,
    /// Raised or lowered (`m²`, `H₂O`), written as `<sup>`/`<sub>`.
    pub script: Script,
}

/// A run's position against the line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Script {
    #[default]
    Normal,
    Super,
    Sub,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Run(Run),
    Link {
        href: String,
        runs: Vec<Run>,
    },
    /// A footnote reference, numbered from 1 in order of appearance.
    Note(usize),
    /// A picture by its index in `Document::pictures`.
    Picture(usize),
    LineBreak,
    /// A bookmark: where a link inside the document (`#name`) may lead. Not written.
    Anchor(String),
}

/// A block of content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(u8, Vec<Inline>),
    Paragraph(Vec<Inline>),
    /// An ordered (`1.`, `2.`, … from `start`) or bulleted list; each item is a list of
    /// blocks. Numbering the Markdown cannot write (`a)`, `I.`, `Điều 1.`) is not a
    /// list: it is the paragraph's text (see `numbering`).
    List {
        ordered: bool,
        start: u32,
        items: Vec<Vec<Block>>,
    },
    /// Rows of cells; the first row is the header. A cell covered by a merged one is
    /// not in its row.
    Table(Vec<Vec<Cell>>),
}

/// A table cell: its paragraphs (joined by line breaks) and how many columns and rows
/// it spans (1 for a plain cell).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub inlines: Vec<Inline>,
    pub colspan: usize,
    pub rowspan: usize,
}

impl Cell {
    /// A cell spanning one column and one row.
    pub fn plain(inlines: Vec<Inline>) -> Cell {
        Cell {
            inlines,
            colspan: 1,
            rowspan: 1,
        }
    }

    /// Whether it spans more than one column or row.
    pub fn spans(&self) -> bool {
        self.colspan > 1 || self.rowspan > 1
    }
}

/// A picture embedded in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// The part's name inside the document (`word/media/image1.png`).
    pub part: String,
    pub bytes: Vec<u8>,
    /// The description the document gives it, if any.
    pub alt: Option<String>,
}

/// A document as read: its blocks, footnotes, pictures and properties.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// Footnote bodies, in the order of their numbers.
    pub notes: Vec<Vec<Block>>,
    pub pictures: Vec<Picture>,
    /// The document title from its properties.
    pub title: Option<String>,
    /// The organisation from its properties (`Company`).
    pub company: Option<String>,
    /// The legacy encodings converted, for the record.
    pub converted: Vec<Legacy>,
    /// What the reader could not keep as it was, each a sentence for the intake flags.
    pub losses: Vec<String>,
}

impl Document {
    /// Converts every run set in a legacy font, then every paragraph whose text reads as
    /// legacy, to Unicode NFC. Text that does not convert is refused, naming the block.
    pub fn convert_legacy(&mut self, file: &Path) -> Result<(), ImportError> {
        let mut converted = Vec::new();
        let mut index = 0;
        let mut blocks = std::mem::take(&mut self.blocks);
        let mut notes = std::mem::take(&mut self.notes);
        for b in blocks.iter_mut().chain(notes.iter_mut().flatten()) {
            convert_block(b, file, &mut index, &mut converted)?;
        }
        self.blocks = blocks;
        self.notes = notes;
        for p in &mut self.pictures {
            if let Some(alt) = &p.alt {
                p.alt = Some(convert_text(
                    alt,
                    None,
                    file,
                    "a picture's description",
                    &mut converted,
                )?);
            }
        }
        for t in [&mut self.title, &mut self.company].into_iter().flatten() {
            *t = convert_text(t, None, file, "the document properties", &mut converted)?;
        }
        converted.sort_by_key(|l| *l as u8);
        converted.dedup();
        self.converted = converted;
        Ok(())
    }

    /// The plain text of the document, one block a line (for sender details and checks).
    pub fn plain_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for b in &self.blocks {
            block_lines(b, &mut out);
        }
        out
    }
}

fn block_lines(b: &Block, out: &mut Vec<String>) {
    match b {
        Block::Heading(_, i) | Block::Paragraph(i) => out.push(plain(i)),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| block_lines(b, out)),
        Block::Table(rows) => rows.iter().for_each(|r| {
            out.push(
                r.iter()
                    .map(|c| plain(&c.inlines))
                    .collect::<Vec<_>>()
                    .join(" | "),
            )
        }),
    }
}

/// The blocks of a table's only cell, or the table.
pub fn single_cell(rows: Vec<Vec<Cell>>, first: Option<Vec<Block>>) -> Vec<Block> {
    match (rows.as_slice(), first) {
        ([row], Some(blocks)) if row.len() == 1 && !row[0].spans() => blocks,
        _ => vec![Block::Table(rows)],
    }
}

/// The flag for a formula kept as its plain text.
pub fn formula_loss(text: &str) -> String {
    format!(
        "a formula was kept as plain text `{}`; check it, or ask for it as a picture",
        text.trim()
    )
}

/// A table cell's blocks as one line of inlines: paragraphs joined by line breaks, a
/// list item or a nested table's row on a line of its own (a cell holds no blocks).
pub fn cell_inlines(blocks: Vec<Block>) -> Vec<Inline> {
    let mut out = Vec::new();
    for b in blocks {
        let line = match b {
            Block::Heading(_, inl) | Block::Paragraph(inl) => inl,
            Block::List {
                items,
                ordered,
                start,
            } => {
                let mut lines = Vec::new();
                for (n, item) in items.into_iter().enumerate() {
                    let marker = if ordered {
                        format!("{}. ", u64::from(start) + n as u64)
                    } else {
                        "• ".to_string()
                    };
                    let mut line = vec![Inline::Run(Run {
                        text: marker,
                        ..Run::default()
                    })];
                    line.extend(cell_inlines(item));
                    push_line(&mut lines, line);
                }
                lines
            }
            Block::Table(rows) => {
                let mut lines = Vec::new();
                for row in rows {
                    let mut line = Vec::new();
                    for (i, cell) in row.into_iter().enumerate() {
                        if i > 0 {
                            line.push(Inline::Run(Run {
                                text: " | ".into(),
                                ..Run::default()
                            }));
                        }
                        line.extend(cell.inlines);
                    }
                    push_line(&mut lines, line);
                }
                lines
            }
        };
        push_line(&mut out, line);
    }
    out
}

fn push_line(out: &mut Vec<Inline>, line: Vec<Inline>) {
    if line.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(Inline::LineBreak);
    }
    out.extend(line);
}

/// The text of inlines, without marks.
pub fn plain(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Run(r) => s.push_str(&r.text),
            Inline::Link { runs, .. } => runs.iter().for_each(|r| s.push_str(&r.text)),
            Inline::LineBreak => s.push(' '),
            Inline::Note(_) | Inline::Picture(_) | Inline::Anchor(_) => {}
        }
    }
    s
}

fn convert_block(
    b: &mut Block,
    file: &Path,
    index: &mut usize,
    converted: &mut Vec<Legacy>,
) -> Result<(), ImportError> {
    match b {
        Block::Heading(_, inl) | Block::Paragraph(inl) => {
            *index += 1;
            convert_inlines(inl, file, *index, converted)
        }
        Block::List { items, .. } => {
            for b in items.iter_mut().flatten() {
                convert_block(b, file, index, converted)?;
            }
            Ok(())
        }
        Block::Table(rows) => {
            for cell in rows.iter_mut().flatten() {
                *index += 1;
                convert_inlines(&mut cell.inlines, file, *index, converted)?;
            }
            Ok(())
        }
    }
}

fn runs_mut(inlines: &mut [Inline]) -> impl Iterator<Item = &mut Run> {
    inlines.iter_mut().flat_map(|i| match i {
        Inline::Run(r) => std::slice::from_mut(r).iter_mut(),
        Inline::Link { runs, .. } => runs.iter_mut(),
        _ => [].iter_mut(),
    })
}

fn convert_inlines(
    inlines: &mut [Inline],
    file: &Path,
    paragraph: usize,
    converted: &mut Vec<Legacy>,
) -> Result<(), ImportError> {
    let place = format!("paragraph {paragraph}");
    // By font: the document says how the run is encoded.
    let mut by_font = Vec::new();
    for r in runs_mut(inlines) {
        let encoding = r.font.as_deref().and_then(legacy::font_encoding);
        by_font.push(encoding.is_some());
        if let Some(enc) = encoding {
            r.text = convert_text(&r.text, Some(enc), file, &place, converted)?;
        }
    }
    // By the text: runs in a Unicode font whose words read as legacy.
    let rest: String = runs_mut(inlines)
        .zip(&by_font)
        .filter(|(_, f)| !**f)
        .map(|(r, _)| r.text.as_str())
        .collect();
    let guessed = text::detect_legacy(&rest);
    for (r, f) in runs_mut(inlines).zip(&by_font) {
        if *f {
            continue;
        }
        r.text = match guessed {
            Some(enc) => convert_text(&r.text, Some((enc, false)), file, &place, converted)?,
            None => text::to_nfc(&r.text.replace('\u{AD}', "")),
        };
    }
    Ok(())
}

/// Converts one piece of text, from `encoding` or from what its lines look like.
fn convert_text(
    t: &str,
    encoding: Option<(Legacy, bool)>,
    file: &Path,
    place: &str,
    converted: &mut Vec<Legacy>,
) -> Result<String, ImportError> {
    let encoding = encoding.or_else(|| text::detect_legacy(t).map(|e| (e, false)));
    match encoding {
        None => Ok(text::to_nfc(t)),
        Some((enc, capitals)) => {
            converted.push(enc);
            legacy::decode(t, enc, capitals).map_err(|e| {
                ImportError::file(
                    file,
                    format!("{place}: text `{}` is in {enc}, but {e}; retype it in Unicode or ask the sender for a Unicode copy", snippet(t)),
                )
            })
        }
    }
}

fn snippet(t: &str) -> String {
    let s: String = t.chars().take(40).collect();
    if t.chars().count() > 40 {
        format!("{s}…")
    } else {
        s
    }
}
