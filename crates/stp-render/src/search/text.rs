//! The plain text of an article's Markdown body, as the search index reads it: the words
//! of paragraphs, headings, lists, tables and code, without markup, raw HTML or link
//! targets.

use pulldown_cmark::{Event, Options, Parser, TagEnd};

/// The text of `markdown`, blocks separated by a space.
pub fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => out.push(' '),
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn keeps_words_drops_markup() {
        let md = "# Tiêu đề\n\nMột **đoạn** có [liên kết](/x/).\n\n| a | b |\n|---|---|\n| ô | ơ |\n\n<div>html</div>\n";
        assert_eq!(plain(md), "Tiêu đề Một đoạn có liên kết. a b ô ơ");
    }
}
