//! Writes the document model as the Markdown the renderer reads (CommonMark with pipe
//! tables and footnotes): headings as `#`, bold `**`, italic `*`, lists, tables,
//! links, footnotes `[^n]` and pictures `![alt](file)`.

use super::document::{Block, Document, Inline, Run, plain};

/// A picture as the bundle will hold it.
pub struct PlacedPicture {
    pub file: String,
    pub alt: String,
}

/// The Markdown body of `doc`; `pictures[i]` is where picture `i` went.
pub fn to_markdown(doc: &Document, pictures: &[PlacedPicture]) -> String {
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

fn write_blocks(blocks: &[Block], pictures: &[PlacedPicture], indent: &str, out: &mut String) {
    for b in blocks {
        match b {
            Block::Heading(level, inl) => {
                let text = inlines(inl, pictures);
                if !text.trim().is_empty() {
                    out.push_str(&format!(
                        "{indent}{} {}\n\n",
                        "#".repeat(*level as usize),
                        text.trim()
                    ));
                }
            }
            Block::Paragraph(inl) => {
                let text = inlines(inl, pictures);
                let text = text.trim();
                if !text.is_empty() {
                    let text = text.replace('\n', &format!("\n{indent}"));
                    out.push_str(&format!("{indent}{}\n\n", escape_line_start(&text)));
                }
            }
            Block::List { ordered, items } => {
                for (n, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}. ", n + 1)
                    } else {
                        "- ".to_string()
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
                let width = rows.iter().map(Vec::len).max().unwrap_or(0);
                if width == 0 {
                    continue;
                }
                for (r, row) in rows.iter().enumerate() {
                    out.push_str(indent);
                    out.push('|');
                    for c in 0..width {
                        let cell = row.get(c).map(|c| inlines(c, pictures)).unwrap_or_default();
                        let cell = cell.replace('\n', " ").replace('|', "\\|");
                        out.push_str(&format!(" {} |", cell.trim()));
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
        }
    }
}

fn inlines(inl: &[Inline], pictures: &[PlacedPicture]) -> String {
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
                if let Some(pic) = pictures.get(*p) {
                    out.push_str(&format!(
                        "![{}]({})",
                        escape(&pic.alt),
                        link_target(&pic.file)
                    ));
                }
            }
            Inline::LineBreak => out.push_str("\\\n"),
            Inline::Run(_) => {}
        }
    }
    out.push_str(&runs(&pending));
    out
}

/// Adjacent runs with the same marks are written as one, with spaces kept outside the
/// `**`/`*` so CommonMark sees the emphasis.
fn runs(runs: &[&Run]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < runs.len() {
        let (bold, italic) = (runs[i].bold, runs[i].italic);
        let mut text = String::new();
        while i < runs.len() && runs[i].bold == bold && runs[i].italic == italic {
            text.push_str(&runs[i].text);
            i += 1;
        }
        let marker = match (bold, italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let core = text.trim();
        if marker.is_empty() || core.is_empty() {
            out.push_str(&escape(&text));
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        out.push_str(&format!("{lead}{marker}{}{marker}{trail}", escape(core)));
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

/// A line that would start a heading, quote or list is escaped.
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

/// The first heading's text (the article's title), if the document starts with one.
pub fn first_heading(doc: &Document) -> Option<String> {
    doc.blocks.iter().find_map(|b| match b {
        Block::Heading(_, i) => Some(plain(i).trim().to_string()).filter(|t| !t.is_empty()),
        _ => None,
    })
}
