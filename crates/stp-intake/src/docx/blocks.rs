//! Paragraphs, lists and tables in reading order, looking through content controls
//! (`w:sdt`) at block, row, cell and run level and through inserted or moved-in text.
//! Numbered paragraphs become Markdown lists where the label is a bullet or `1.`, and
//! keep their label as text otherwise; a table row deleted with tracked changes is
//! left out; merged cells (`w:gridSpan`, `w:vMerge`) keep their spans.

use crate::ImportError;
use crate::document::{Block, Cell, Inline, cell_inlines, single_cell};
use crate::numbering::{Lists, Marker, labelled};
use crate::xml::{Child, Node};

use super::Reader;
use super::styles::on;

/// The grid columns of a table whose vertical merges are followed.
const MAX_COLUMNS: usize = 4096;

/// A numbered paragraph waiting to be grouped into lists.
struct Item {
    level: usize,
    marker: Marker,
    block: Block,
}

impl Reader<'_> {
    pub(super) fn blocks(&mut self, container: &Node) -> Result<Vec<Block>, ImportError> {
        let mut out = Vec::new();
        let mut items: Vec<Item> = Vec::new();
        // The text of paragraphs whose mark was deleted (tracked changes), or of a
        // drop cap (its own paragraph in Word): it joins the next paragraph.
        let mut carry: Vec<Inline> = Vec::new();
        let mut flat: Vec<&Node> = Vec::new();
        flatten(container, &mut flat);
        for n in flat {
            if n.name == "w:tbl" {
                out.extend(group(&std::mem::take(&mut items)));
                if !carry.is_empty() {
                    out.push(Block::Paragraph(std::mem::take(&mut carry)));
                }
                out.extend(self.table(n)?);
                continue;
            }
            let ppr = n.child("w:pPr");
            if mark_deleted(ppr) || drop_cap(ppr) {
                if let Block::Paragraph(inl) | Block::Heading(_, inl) = self.paragraph(n)? {
                    carry.extend(inl);
                }
                continue;
            }
            let style = paragraph_style(n);
            let numbered = self.styles.numbering_of(ppr, style.as_deref());
            let mut block = self.paragraph(n)?;
            if let Block::Paragraph(inl) | Block::Heading(_, inl) = &mut block {
                inl.splice(0..0, std::mem::take(&mut carry));
            }
            let marker =
                numbered.and_then(|(id, level)| self.styles.count(&id, level).map(|m| (level, m)));
            match (marker, block) {
                (Some((level, marker)), block @ Block::Paragraph(_)) => {
                    items.push(Item {
                        level,
                        marker,
                        block,
                    });
                }
                (marker, block) => {
                    out.extend(group(&std::mem::take(&mut items)));
                    out.push(match (marker, block) {
                        (Some((_, Marker::Label(l))), Block::Heading(h, inl)) => {
                            Block::Heading(h, labelled(&l, inl))
                        }
                        (_, block) => block,
                    });
                }
            }
            let floating = std::mem::take(&mut self.floating);
            if !floating.is_empty() {
                out.extend(group(&std::mem::take(&mut items)));
                out.extend(floating);
            }
        }
        out.extend(group(&items));
        if !carry.is_empty() {
            out.push(Block::Paragraph(carry));
        }
        Ok(out)
    }

    pub(super) fn paragraph(&mut self, p: &Node) -> Result<Block, ImportError> {
        let style = paragraph_style(p);
        let mut inlines = Vec::new();
        self.fields.clear();
        let read = self.inlines(p, style.as_deref(), &mut inlines);
        self.fields.clear();
        read?;
        Ok(match self.styles.prop(style.as_deref(), |s| s.heading) {
            Some(level) => Block::Heading(level, inlines),
            None => Block::Paragraph(inlines),
        })
    }

    /// A table; one of a single cell (a frame or a layout) is read as its content.
    fn table(&mut self, tbl: &Node) -> Result<Vec<Block>, ImportError> {
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut first: Option<Vec<Block>> = None;
        // By grid column: the (row, cell) a vertical merge started in.
        let mut open: Vec<Option<(usize, usize)>> = Vec::new();
        for tr in through(tbl, "w:tr") {
            let deleted = tr.child("w:trPr").and_then(|p| p.child("w:del")).is_some();
            if deleted {
                continue;
            }
            let mut cells = Vec::new();
            // Grid columns the row leaves empty before its first cell.
            let before = tr
                .child("w:trPr")
                .and_then(|p| p.child("w:gridBefore"))
                .and_then(|g| g.attr("w:val"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0)
                .min(64);
            cells.extend((0..before).map(|_| Cell::plain(Vec::new())));
            let mut column = before;
            for tc in through(tr, "w:tc") {
                let pr = tc.child("w:tcPr");
                let span = pr
                    .and_then(|p| p.child("w:gridSpan"))
                    .and_then(|g| g.attr("w:val"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let vmerge = pr.and_then(|p| p.child("w:vMerge"));
                let continues =
                    vmerge.is_some_and(|v| v.attr("w:val").is_none_or(|v| v == "continue"));
                // Columns past the cap are not followed down (a forged table could ask
                // for millions).
                if column + span > open.len() && column + span <= MAX_COLUMNS {
                    open.resize(column + span, None);
                }
                match open.get(column).copied().flatten().filter(|_| continues) {
                    Some((r, c)) => {
                        let blocks = self.blocks(tc)?;
                        let more = cell_inlines(blocks);
                        if let Some(cell) = rows.get_mut(r).and_then(|row| row.get_mut(c)) {
                            cell.rowspan += 1;
                            if !more.is_empty() {
                                cell.inlines.push(Inline::LineBreak);
                                cell.inlines.extend(more);
                            }
                        }
                    }
                    None => {
                        let blocks = self.blocks(tc)?;
                        if rows.is_empty() && cells.is_empty() {
                            first = Some(blocks.clone());
                        }
                        let mut cell = Cell::plain(cell_inlines(blocks));
                        cell.colspan = span;
                        if let Some(o) = open.get_mut(column) {
                            *o = vmerge.is_some().then_some((rows.len(), cells.len()));
                        }
                        cells.push(cell);
                    }
                }
                column += span;
            }
            rows.push(cells);
        }
        Ok(single_cell(rows, first))
    }
}

/// Whether a paragraph's mark was deleted or moved away with tracked changes.
fn mark_deleted(ppr: Option<&Node>) -> bool {
    ppr.and_then(|p| p.child("w:rPr"))
        .is_some_and(|r| r.child("w:del").is_some() || r.child("w:moveFrom").is_some())
}

/// Whether a paragraph is the drop cap (the large first letter) of the next one.
fn drop_cap(ppr: Option<&Node>) -> bool {
    ppr.and_then(|p| p.child("w:framePr"))
        .and_then(|f| f.attr("w:dropCap"))
        .is_some_and(|d| d == "drop" || d == "margin")
}

fn paragraph_style(p: &Node) -> Option<String> {
    p.child("w:pPr")
        .and_then(|x| x.child("w:pStyle"))
        .and_then(|x| x.attr("w:val"))
        .map(str::to_string)
}

/// Whether an element only wraps content to be read: a content control, custom XML,
/// or tracked insertions and moves (deletions and moved-away text are not read).
fn wrapper(name: &str) -> bool {
    matches!(
        name,
        "w:sdt" | "w:sdtContent" | "w:customXml" | "w:ins" | "w:moveTo" | "w:smartTag"
    )
}

/// Whether a content control shows its placeholder text, not content.
pub(super) fn placeholder(sdt: &Node) -> bool {
    on(sdt
        .child("w:sdtPr")
        .and_then(|p| p.child("w:showingPlcHdr")))
    .unwrap_or(false)
}

/// Paragraphs and tables in reading order, looking through wrappers.
fn flatten<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
    for c in &n.children {
        if let Child::Element(e) = c {
            match e.name.as_str() {
                "w:p" | "w:tbl" => out.push(e),
                // A content control showing its placeholder ("Click here to enter
                // text") holds no content.
                "w:sdt" if placeholder(e) => {}
                name if wrapper(name) => flatten(e, out),
                _ => {}
            }
        }
    }
}

/// The children named `name` (rows, cells), looking through wrappers.
fn through<'a>(n: &'a Node, name: &str) -> Vec<&'a Node> {
    let mut out = Vec::new();
    for e in n.elements() {
        if e.name == name {
            out.push(e);
        } else if wrapper(&e.name) {
            out.extend(through(e, name));
        }
    }
    out
}

/// Turns numbered paragraphs into lists: bullets and `1.` items become Markdown lists
/// (nested by level), any other label stays the paragraph's text.
fn group(items: &[Item]) -> Vec<Block> {
    let Some(base) = items.iter().map(|i| i.level).min() else {
        return Vec::new();
    };
    let mut lists = Lists::default();
    let mut i = 0;
    while i < items.len() {
        if items[i].level > base {
            let from = i;
            while i < items.len() && items[i].level > base {
                i += 1;
            }
            lists.nested(group(&items[from..i]));
            continue;
        }
        lists.item(&items[i].marker, vec![items[i].block.clone()]);
        i += 1;
    }
    lists.finish()
}
