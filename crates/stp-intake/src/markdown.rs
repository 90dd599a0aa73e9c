//! Writes the document model as the Markdown the renderer reads (CommonMark with pipe
//! tables and footnotes): headings as `#`, bold `**`, italic `*`, lists, tables,
//! links, footnotes `[^n]` and pictures `![alt](file)`. A table with merged cells is
//! written as an HTML table with `colspan`/`rowspan` (Markdown tables cannot span;
//! the renderer's sanitiser keeps both), its cells' text still Markdown; several
//! paragraphs in one cell are joined with `<br>`. See docs/intake.md.

use super::document::{Block, Cell, Document, Inline, Run, Script};

/// A picture as the bundle will hold it.
pub struct PlacedPicture {
    pub file: String,
    pub alt: String,
}

/// The Markdown body of `doc`; `pictures[i]` is where picture `i` went (`None`: left
/// out, as the web cannot show it).
pub fn to_markdown(doc: &Document, pictures: &[Option<PlacedPicture>]) -> String {
    let mut out = String::new();
    write_blocks(&doc.blocks, pictures, "", &mut out);
    if !doc.notes.is_empty() {
        for (i, note) in doc.notes.iter().enumerate() {
            let mut body = String::new();
            write_blocks(note, pictures, "    ", &mut body);
            let body = body.trim().to_string();
            out.push_str(&format!("[^{}]: {}\n\n", i + 1, body));
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn write_blocks(
    blocks: &[Block],
    pictures: &[Option<PlacedPicture>],
    indent: &str,
    out: &mut String,
) {
    // The last list written, if the block before was one: (ordered, written with the
    // second delimiter). Two lists in a row of one kind alternate `.`/`)` and `-`/`*`
    // so that CommonMark keeps them apart.
    let mut last_list: Option<(bool, bool)> = None;
    for b in blocks {
        let mut this_list = None;
        match b {
            Block::Heading(level, inl) => {
                let text = inlines(inl, pictures, LINE_BREAK);
                if !text.trim().is_empty() {
                    out.push_str(&format!(
                        "{indent}{} {}\n\n",
                        "#".repeat(*level as usize),
                        text.trim().replace("\\\n", " ")
                    ));
                }
            }
            Block::Paragraph(inl) => {
                let text = inlines(inl, pictures, LINE_BREAK);
                let text = text.trim();
                if !text.is_empty() {
                    let text = text.replace('\n', &format!("\n{indent}"));
                    out.push_str(&format!("{indent}{}\n\n", escape_line_start(&text)));
                }
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                let second = last_list.is_some_and(|(o, second)| o == *ordered && !second);
                this_list = Some((*ordered, second));
                for (n, item) in items.iter().enumerate() {
                    let marker = match (*ordered, second) {
                        (true, _) => format!(
                            "{}{} ",
                            u64::from(*start) + n as u64,
                            if second { ')' } else { '.' }
                        ),
                        (false, false) => "- ".to_string(),
                        (false, true) => "* ".to_string(),
                    };
                    let inner_indent = format!("{indent}{}", " ".repeat(marker.len()));
                    let mut body = String::new();
                    write_blocks(item, pictures, &inner_indent, &mut body);
                    let body = body.trim_start().trim_end();
                    out.push_str(&format!("{indent}{marker}{body}\n"));
                }
                out.push('\n');
            }
            Block::Table(rows) => {
                if rows.iter().flatten().any(Cell::spans) {
                    html_table(rows, pictures, indent, out);
                } else {
                    pipe_table(rows, pictures, indent, out);
                }
            }
        }
        last_list = this_list;
    }
}

/// A line break in a paragraph, and in a table cell.
const LINE_BREAK: &str = "\\\n";
const CELL_BREAK: &str = "<br>";

fn pipe_table(
    rows: &[Vec<Cell>],
    pictures: &[Option<PlacedPicture>],
    indent: &str,
    out: &mut String,
) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return;
    }
    for (r, row) in rows.iter().enumerate() {
        out.push_str(indent);
        out.push('|');
        for c in 0..width {
            let cell = row
                .get(c)
                .map(|c| inlines(&c.inlines, pictures, CELL_BREAK))
                .unwrap_or_default();
            out.push_str(&format!(" {} |", cell.replace('\n', " ").trim()));
        }
        out.push('\n');
        if r == 0 {
            out.push_str(indent);
            out.push('|');
            out.push_str(&" --- |".repeat(width));
            out.push('\n');
        }
    }
    out.push('\n');
}

/// A table with merged cells, in HTML; each cell's text is a Markdown paragraph
/// between blank lines, so marks, links, notes and pictures work in it.
fn html_table(
    rows: &[Vec<Cell>],
    pictures: &[Option<PlacedPicture>],
    indent: &str,
    out: &mut String,
) {
    out.push_str(&format!("{indent}<table>\n"));
    for (r, row) in rows.iter().enumerate() {
        out.push_str(&format!("{indent}<tr>\n"));
        let tag = if r == 0 { "th" } else { "td" };
        for cell in row {
            let mut attrs = String::new();
            if cell.colspan > 1 {
                attrs.push_str(&format!(" colspan=\"{}\"", cell.colspan));
            }
            if cell.rowspan > 1 {
                attrs.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
            }
            let text = inlines(&cell.inlines, pictures, CELL_BREAK);
            let text = text.trim();
            if text.is_empty() {
                out.push_str(&format!("{indent}<{tag}{attrs}></{tag}>\n"));
            } else {
                out.push_str(&format!(
                    "{indent}<{tag}{attrs}>\n\n{indent}{}\n\n{indent}</{tag}>\n",
                    escape_line_start(&text.replace('\n', " "))
                ));
            }
        }
        out.push_str(&format!("{indent}</tr>\n"));
    }
    out.push_str(&format!("{indent}</table>\n\n"));
}

fn inlines(inl: &[Inline], pictures: &[Option<PlacedPicture>], line_break: &str) -> String {
    let mut out = String::new();
    let mut pending: Vec<&Run> = Vec::new();
    for i in inl {
        if let Inline::Run(r) = i {
            pending.push(r);
            continue;
        }
        out.push_str(&runs(&pending));
        pending.clear();
        match i {
            Inline::Link { href, runs: r } => {
                let text = runs(&r.iter().collect::<Vec<_>>());
                let text = if text.trim().is_empty() {
                    escape(href)
                } else {
                    text
                };
                out.push_str(&format!("[{}]({})", text.trim(), link_target(href)));
            }
            Inline::Note(n) => out.push_str(&format!("[^{n}]")),
            Inline::Picture(p) => {
                if let Some(Some(pic)) = pictures.get(*p) {
                    out.push_str(&format!(
                        "![{}]({})",
                        escape(&pic.alt),
                        link_target(&pic.file)
                    ));
                }
            }
            Inline::LineBreak => out.push_str(line_break),
            Inline::Anchor(_) => {}
            Inline::Run(_) => {}
        }
    }
    out.push_str(&runs(&pending));
    out
}

/// Runs with their emphasis: text with no letter or digit (a space, a full stop)
/// takes the marks of the run before it (at the start, of the run after), so no
/// `*.*` or `** **` is written; then runs with the same marks are written as one, with
/// the spaces and punctuation at either end outside the `**`/`*` so that CommonMark
/// sees the emphasis. Raised and lowered text is `<sup>`/`<sub>`, around the markers.
fn runs(runs: &[&Run]) -> String {
    type Marks = (bool, bool, Script);
    let marks_of = |r: &Run| (r.bold, r.italic, r.script);
    let worded = |r: &Run| r.text.chars().any(char::is_alphanumeric);
    let mut marks: Vec<Marks> = Vec::with_capacity(runs.len());
    let mut before: Option<Marks> = None;
    for (i, r) in runs.iter().enumerate() {
        let m = if worded(r) {
            marks_of(r)
        } else {
            before.unwrap_or_else(|| {
                runs[i..]
                    .iter()
                    .find(|r| worded(r))
                    .map_or((false, false, Script::Normal), |r| marks_of(r))
            })
        };
        before = Some(m);
        marks.push(m);
    }
    let mut out = String::new();
    let mut i = 0;
    while i < runs.len() {
        let (bold, italic, script) = marks[i];
        let mut text = String::new();
        while i < runs.len() && marks[i] == (bold, italic, script) {
            text.push_str(&runs[i].text);
            i += 1;
        }
        let marker = match (bold, italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let (open, close) = match script {
            Script::Super => ("<sup>", "</sup>"),
            Script::Sub => ("<sub>", "</sub>"),
            Script::Normal => ("", ""),
        };
        let core = text.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            out.push_str(&format!("{open}{}{close}", escape(&text)));
            continue;
        }
        let lead = &text[..text.len()
            - text
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len()];
        let trail = &text[text.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
        out.push_str(&format!(
            "{}{open}{marker}{}{marker}{close}{}",
            escape(lead),
            escape(core),
            escape(trail)
        ));
    }
    out
}

fn escape(t: &str) -> String {
    let mut s = String::with_capacity(t.len());
    for c in t.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '|') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// A line that would start a heading, quote or list is escaped (a label such as
/// `1)` written as text stays text).
fn escape_line_start(t: &str) -> String {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let after_digits = &t[digits..];
    if t.starts_with(['#', '-', '+', '=']) {
        format!("\\{t}")
    } else if digits > 0 && (after_digits.starts_with(". ") || after_digits.starts_with(") ")) {
        format!("{}\\{}", &t[..digits], after_digits)
    } else {
        t.to_string()
    }
}

fn link_target(href: &str) -> String {
    if href.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", href.replace('<', "%3C").replace('>', "%3E"))
    } else {
        href.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, bold: bool, italic: bool) -> Run {
        Run {
            text: text.into(),
            bold,
            italic,
            ..Run::default()
        }
    }

    fn list(ordered: bool, start: u32, texts: &[&str]) -> Block {
        Block::List {
            ordered,
            start,
            items: texts
                .iter()
                .map(|t| vec![Block::Paragraph(vec![Inline::Run(run(t, false, false))])])
                .collect(),
        }
    }

    #[test]
    fn lists_in_a_row_stay_apart() {
        let doc = Document {
            blocks: vec![
                list(true, 1, &["một", "hai"]),
                list(true, 1, &["lại một"]),
                list(true, 5, &["năm"]),
                list(false, 1, &["a"]),
                list(false, 1, &["b"]),
            ],
            ..Document::default()
        };
        assert_eq!(
            to_markdown(&doc, &[]),
            "1. một\n2. hai\n\n1) lại một\n\n5. năm\n\n- a\n\n* b\n"
        );
        // The renderer reads five lists, the third from 5.
        let html = stp_render::markdown::render(&to_markdown(&doc, &[])).html;
        assert_eq!(html.matches("<ol").count(), 3, "{html}");
        assert_eq!(html.matches("<ul").count(), 2, "{html}");
        assert!(html.contains("<ol start=\"5\">"), "{html}");
    }

    #[test]
    fn emphasis_never_wraps_punctuation_alone() {
        let rs = [
            run("Sở", true, false),
            run(".", true, false),
            run(" a", false, false),
            run(".", false, true),
            run(" ", true, true),
            run("b", true, false),
            run(" ", true, false),
            run("c", true, false),
        ];
        let md = runs(&rs.iter().collect::<Vec<_>>());
        assert_eq!(md, "**Sở**. a. **b c**");
        // Raised text: `<sup>` around the markers, so CommonMark still sees them.
        let mut two = run("2", true, false);
        two.script = Script::Super;
        let rs = [run("100 m", true, false), two];
        assert_eq!(
            runs(&rs.iter().collect::<Vec<_>>()),
            "**100 m**<sup>**2**</sup>"
        );
    }
}
