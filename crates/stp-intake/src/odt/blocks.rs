//! Paragraphs, headings, lists and tables of an `.odt` body. List items are numbered
//! as their list style says (`style:num-format` `1`, `a`, `A`, `i`, `I`, with
//! `style:num-prefix`/`style:num-suffix`, `text:start-value`, `text:display-levels`),
//! a list continuing another (`text:continue-numbering`, `text:continue-list`) counts
//! on; only bullets and `1.` become Markdown lists, other labels stay text. Merged
//! table cells keep their spans (`table:number-columns-spanned`,
//! `table:number-rows-spanned`); covered cells are left out.

use crate::ImportError;
use crate::document::{Block, Cell, cell_inlines, single_cell};
use crate::numbering::{Format, Lists, Marker};
use crate::xml::Node;

use super::Reader;

impl Reader<'_> {
    pub(super) fn blocks(
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
                "text:list" => out.extend(self.list(c, list_style, level)?),
                "table:table" => out.extend(self.table(c)?),
                "text:section" | "text:soft-page-break" => {
                    out.extend(self.blocks(c, list_style, level)?)
                }
                _ => {}
            }
            out.append(&mut self.floating);
        }
        Ok(out)
    }

    /// A `text:list` at `level` (1-based), its items numbered.
    fn list(
        &mut self,
        c: &Node,
        list_style: Option<&str>,
        level: u32,
    ) -> Result<Vec<Block>, ImportError> {
        let style = c
            .attr("text:style-name")
            .or(list_style)
            .unwrap_or("")
            .to_string();
        let def = self.lists.get(&style).and_then(|l| l.get(&level)).cloned();
        let key = (style.clone(), level);
        let continued = match c.attr("text:continue-list") {
            Some(id) => self.list_ids.get(id).copied(),
            None if c.attr("text:continue-numbering") == Some("true") => {
                self.last_numbers.get(&key).copied()
            }
            None => None,
        };
        let start = def.as_ref().map_or(1, |d| d.start);
        let mut number = continued.unwrap_or(start.saturating_sub(1));
        let mut lists = Lists::default();
        for item in c.elements() {
            let header = item.name == "text:list-header";
            if !header && item.name != "text:list-item" {
                continue;
            }
            if !header {
                number = match item.attr("text:start-value").and_then(|v| v.parse().ok()) {
                    Some(v) => v,
                    None => number.saturating_add(1),
                };
            }
            self.numbers.push(number);
            let blocks = self.blocks(item, Some(&style), level + 1);
            self.numbers.pop();
            let blocks = blocks?;
            let marker = match (&def, header) {
                (_, true) => Marker::Label(String::new()),
                (None, false) => Marker::Bullet,
                (Some(d), false) => self.marker(d, &style, level, number),
            };
            lists.item(&marker, blocks);
        }
        self.last_numbers.insert(key, number);
        if let Some(id) = c.attr("xml:id") {
            self.list_ids.insert(id.to_string(), number);
        }
        Ok(lists.finish())
    }

    /// What item `number` of a list at `level` shows: its number, with those of the
    /// levels above when the style shows several (`1.2.`).
    fn marker(&self, def: &super::ListLevel, style: &str, level: u32, number: u32) -> Marker {
        if def.format == Format::Bullet {
            return Marker::Bullet;
        }
        let mut parts = Vec::new();
        let shown = def.display_levels.min(level as usize);
        let outer = self.numbers.len();
        for back in (1..shown).rev() {
            let l = level - back as u32;
            let n = outer
                .checked_sub(back)
                .and_then(|i| self.numbers.get(i))
                .copied()
                .unwrap_or(1);
            let format = self
                .lists
                .get(style)
                .and_then(|s| s.get(&l))
                .map_or(Format::Decimal, |d| d.format);
            parts.push(format.write(n));
        }
        parts.push(def.format.write(number));
        let label = format!("{}{}{}", def.prefix, parts.join("."), def.suffix);
        Marker::of(def.format, number, label)
    }

    /// A table; one of a single cell (a frame or a layout) is read as its content.
    fn table(&mut self, t: &Node) -> Result<Vec<Block>, ImportError> {
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut first: Option<Vec<Block>> = None;
        for row in rows_of(t) {
            let mut cells = Vec::new();
            for cell in row.elements() {
                let count = |name: &str| {
                    cell.attr(name)
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 1024)
                };
                // `table:covered-table-cell`: under a merged cell, not written.
                if cell.name != "table:table-cell" {
                    continue;
                }
                // A repeated cell (LibreOffice repeats empty ones) is read once and
                // stands in each of its columns, up to MAX_ROW_CELLS in a row.
                let room = MAX_ROW_CELLS.saturating_sub(cells.len());
                let blocks = self.blocks(cell, None, 1)?;
                if rows.is_empty() && cells.is_empty() {
                    first = Some(blocks.clone());
                }
                let mut c = Cell::plain(cell_inlines(blocks));
                c.colspan = count("table:number-columns-spanned").min(64);
                c.rowspan = count("table:number-rows-spanned");
                let repeated = count("table:number-columns-repeated").min(room);
                cells.extend(std::iter::repeat_n(c, repeated));
            }
            rows.push(cells);
        }
        Ok(single_cell(rows, first))
    }
}

/// The most cells read in one table row.
const MAX_ROW_CELLS: usize = 1024;

/// A table's rows in order: in header rows, row groups and `table:table-rows`, not
/// those of tables nested in its cells.
fn rows_of(t: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    for e in t.elements() {
        match e.name.as_str() {
            "table:table-row" => out.push(e),
            "table:table-header-rows" | "table:table-rows" | "table:table-row-group" => {
                out.extend(rows_of(e))
            }
            _ => {}
        }
    }
    out
}
