//! The article's title (docs/intake.md, "The title"): the heading the document starts
//! with, where only empty paragraphs or the header an administrative document opens
//! with (issuer, motto, `Số:`, place and date) may come before it; else the title in
//! its properties; else the mail's subject; a title with no letter (`.`) is none. A
//! heading further down stays in the body. Without any, the first line past the header
//! is used, and flagged.

use super::{Builder, clean_subject};
use crate::document::{Block, Document, Inline, plain};
use crate::{eml, legal};

impl Builder {
    /// The title: the heading the document starts with (taken out of the body; only
    /// empty paragraphs or an administrative document's header may come before it), else
    /// its properties' title, else the mail's subject (a title with no letter, such as
    /// `.`, is none), else its first line past such a header, flagged; see
    /// docs/intake.md.
    pub(super) fn take_title(&mut self, d: &mut Document, mail: Option<&eml::Mail>) -> String {
        if let Some((i, t)) = top_heading(d) {
            d.blocks.remove(i);
            return t;
        }
        let worded = |t: &String| t.chars().any(char::is_alphanumeric);
        let given = d
            .title
            .as_deref()
            .map(|t| t.trim().to_string())
            .filter(worded)
            .or_else(|| {
                mail.and_then(|m| m.subject.as_deref())
                    .map(clean_subject)
                    .filter(worded)
            });
        if let Some(t) = given {
            return t;
        }
        // The first line past an administrative document's header, else the first.
        let body = d.blocks.iter().position(|b| !opening(b)).unwrap_or(0);
        let past_header = Document {
            blocks: d.blocks[body..].to_vec(),
            ..Document::default()
        };
        let first = past_header.plain_lines().into_iter().find(worded);
        let Some(first) = first.or_else(|| d.plain_lines().into_iter().find(worded)) else {
            return String::new();
        };
        let title = first_words(&first, 16);
        self.flags.push(format!(
            "the document has no title (no heading at its top, no title in its properties or subject); `{title}`, from its first line, was used: check it"
        ));
        title
    }
}

/// The heading the document starts with: its place and text. Only empty paragraphs
/// and the header an administrative document opens with (issuer, motto, `Số:`, place
/// and date, in paragraphs or a table) may come before it; a heading after the first
/// paragraph, list or table of the body is part of the body.
fn top_heading(doc: &Document) -> Option<(usize, String)> {
    for (i, b) in doc.blocks.iter().enumerate() {
        match b {
            Block::Heading(_, inl) => {
                let text = plain(inl).trim().to_string();
                if !text.is_empty() {
                    return Some((i, text));
                }
            }
            b if opening(b) => {}
            _ => return None,
        }
    }
    None
}

/// Whether a block is empty or an administrative document's header (paragraphs, or a
/// table whose cells hold only header lines).
fn opening(b: &Block) -> bool {
    match b {
        Block::Paragraph(inl) => header_lines(inl),
        Block::Table(rows) => rows.iter().flatten().all(|c| header_lines(&c.inlines)),
        Block::Heading(..) | Block::List { .. } => false,
    }
}

/// Whether inlines are empty or lines of an administrative document's header.
fn header_lines(inl: &[Inline]) -> bool {
    !inl.iter().any(|i| matches!(i, Inline::Picture(_)))
        && inl
            .split(|i| matches!(i, Inline::LineBreak))
            .all(|line| legal::header_line(&plain(line)))
}

/// The first `n` words of a line, with `…` when there were more.
fn first_words(line: &str, n: usize) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > n {
        format!("{}…", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}
