//! Markdown to HTML: CommonMark with tables, footnotes (gathered at the end, with links
//! back: `footnotes.rs`) and strikethrough; heading anchors;
//! code highlighted by syntect; link targets limited to safe schemes; and, when a
//! contributor wrote raw HTML, the whole result sanitised by ammonia.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use stp_content::slugify;

/// A rendered body: its HTML and its headings, for a table of contents.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Every link and picture target, for `stp check`.
    pub links: Vec<String>,
    /// Pictures without alt text, by target.
    pub images_without_alt: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Renders Markdown for a Vietnamese page (`render_in`).
pub fn render(markdown: &str) -> Rendered {
    render_in(markdown, "vi")
}

/// Renders Markdown for a page in `lang`. Headings get ids from their text (`## Hồ sơ` →
/// `id="ho-so"`); footnotes are gathered at the end with links back (`footnotes.rs`).
pub fn render_in(markdown: &str, lang: &str) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    // Room for the events of typical prose (one in some 32 bytes), so that the list
    // seldom grows while it is filled.
    let mut events: Vec<Event> = Vec::with_capacity(markdown.len() / 32 + 16);
    events.extend(Parser::new_ext(markdown, options));
    let mut out = Rendered::default();
    let mut raw_html = false;
    let mut ids = Ids::default();

    // Events are moved into `kept` as they are looked at (a code block as one event), so
    // that many code blocks take linear time.
    let mut kept: Vec<Event> = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let level = *level;
                let given = id.clone();
                let text = plain_text_until_end(&events[i + 1..]);
                let base = given
                    .map(|s| slugify(&s))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| slugify(&text));
                let anchor = ids.unique(if base.is_empty() { "muc" } else { &base });
                if let Event::Start(Tag::Heading {
                    id, classes, attrs, ..
                }) = &mut events[i]
                {
                    *id = Some(CowStr::from(anchor.clone()));
                    // `{#id .class}` only: any other attribute (`onfocus=…`, `autofocus`,
                    // `style=…`) is dropped, and a class keeps only safe characters.
                    attrs.clear();
                    classes.retain(|c| safe_class(c));
                }
                out.headings.push(Heading {
                    level: heading_number(level),
                    id: anchor,
                    text,
                });
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                out.links.push(dest_url.to_string());
                if !safe_url(dest_url)
                    && let Event::Start(Tag::Link { dest_url, .. }) = &mut events[i]
                {
                    *dest_url = CowStr::from("#");
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                out.links.push(dest_url.to_string());
                if plain_text_until_end(&events[i + 1..]).trim().is_empty() {
                    out.images_without_alt.push(dest_url.to_string());
                }
                if !safe_url(dest_url)
                    && let Event::Start(Tag::Image { dest_url, .. }) = &mut events[i]
                {
                    *dest_url = CowStr::from("#");
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => raw_html = true,
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => {
                        l.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                let mut code = String::new();
                let mut j = i + 1;
                while j < events.len() {
                    match &events[j] {
                        Event::Text(t) => code.push_str(t),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                    j += 1;
                }
                kept.push(Event::Html(CowStr::from(highlight(&code, &lang))));
                i = j + 1;
                continue;
            }
            _ => {}
        }
        kept.push(std::mem::replace(&mut events[i], Event::SoftBreak));
        i += 1;
    }

    let events = super::footnotes::gather(kept, lang, &mut ids);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    let html = aligned_by_class(html);
    out.html = if raw_html { sanitise(&html) } else { html };
    out
}

/// A table column's alignment as a class (`align-right`, styled by the theme) instead of
/// the `style="text-align: …"` pulldown-cmark writes: the site's Content-Security-Policy
/// (`style-src 'self'`, headers.rs) refuses every `style` attribute.
fn aligned_by_class(html: String) -> String {
    const STYLE: &str = " style=\"text-align: ";
    // memchr's searcher: the standard one (two-way) took 2 % of a build, looking through
    // every body's HTML for a table that is seldom there.
    let finder = memchr::memmem::Finder::new(STYLE);
    let Some(first) = finder.find(html.as_bytes()) else {
        return html;
    };
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for at in finder.find_iter(&html.as_bytes()[first..]) {
        let at = first + at;
        let rest = &html[at + STYLE.len()..];
        let align = ["left", "center", "right"]
            .into_iter()
            .find(|a| rest.strip_prefix(a).is_some_and(|r| r.starts_with('"')));
        if let Some(align) = align {
            out.push_str(&html[last..at]);
            out.push_str(" class=\"align-");
            out.push_str(align);
            out.push('"');
            last = at + STYLE.len() + align.len() + 1;
        }
    }
    out.push_str(&html[last..]);
    out
}

/// The ids given out in one body: each unique, the next free suffix of each base kept so
/// that many equal headings take linear time, not quadratic.
#[derive(Debug, Default)]
pub(super) struct Ids {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    /// `base`, or `base-2`, `base-3`… the first not given out yet.
    pub(super) fn unique(&mut self, base: &str) -> String {
        if self.used.insert(base.to_string()) {
            return base.to_string();
        }
        let n = self.next.entry(base.to_string()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// A class name from `{.class}` on a heading: ASCII letters, digits, `-` and `_` only.
fn safe_class(class: &str) -> bool {
    !class.is_empty()
        && class
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// Concatenated text of the events up to the end of the current element.
fn plain_text_until_end(events: &[Event]) -> String {
    let mut depth = 0usize;
    let mut text = String::new();
    for e in events {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// The link rule of the content layer, which front-matter links follow too.
pub use stp_content::safe_url;

fn highlight(code: &str, lang: &str) -> String {
    let set = syntaxes();
    let syntax = (!lang.is_empty())
        .then(|| set.find_syntax_by_token(lang))
        .flatten();
    let Some(syntax) = syntax else {
        return format!(
            "<pre><code>{}</code></pre>\n",
            pulldown_cmark_escape_html(code)
        );
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        set,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!(
                "<pre><code>{}</code></pre>\n",
                pulldown_cmark_escape_html(code)
            );
        }
    }
    format!(
        "<pre class=\"code\"><code class=\"language-{}\">{}</code></pre>\n",
        slugify(lang),
        generator.finalize()
    )
}

fn pulldown_cmark_escape_html(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut s, text).expect("writing to a String cannot fail");
    s
}

/// Removes scripts, event handlers, `javascript:` URLs, styles and frames; keeps the
/// structure Markdown produces.
pub fn sanitise(html: &str) -> String {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut b = ammonia::Builder::default();
            b.add_generic_attributes(["id", "class", "aria-label"])
                .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
                .link_rel(Some("noopener noreferrer"));
            b
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_vietnamese_anchors() {
        let r = render("## Hồ sơ cần nộp\n\ntext\n\n## Hồ sơ cần nộp\n");
        assert!(r.html.contains("<h2 id=\"ho-so-can-nop\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"ho-so-can-nop-2\">"), "{}", r.html);
        assert_eq!(r.headings.len(), 2);
    }

    #[test]
    fn heading_attributes_keep_only_id_and_safe_classes() {
        let r = render(
            "## Tin mới {tabindex=0 autofocus onfocus=alert(1)}\n\n## B {#dat-ten .noi-bat .x\"y style=color:red}\n",
        );
        assert!(
            r.html.contains("<h2 id=\"tin-moi\">Tin mới</h2>"),
            "{}",
            r.html
        );
        for bad in ["onfocus", "autofocus", "tabindex", "style", "alert"] {
            assert!(!r.html.contains(bad), "{bad} in {}", r.html);
        }
        assert!(
            r.html
                .contains("<h2 id=\"dat-ten\" class=\"noi-bat\">B</h2>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn many_equal_headings_and_notes_get_distinct_ids() {
        let md = "## h\n\n".repeat(20_000);
        let r = render(&md);
        let ids: HashSet<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids.len(), 20_000);
        assert!(ids.contains("h") && ids.contains("h-20000"));
        // A heading written as `h-2` keeps it; the next plain `h` skips it.
        let r = render("## h\n\n## h-2\n\n## h\n");
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["h", "h-2", "h-3"]);
        let mut md = String::new();
        for n in 0..5_000 {
            md.push_str(&format!("Câu {n}[^{n}].\n\n"));
        }
        for n in 0..5_000 {
            md.push_str(&format!("[^{n}]: Ghi chú {n}.\n\n"));
        }
        let html = render(&md).html;
        assert!(
            html.contains("<li id=\"chu-thich-5000\">"),
            "last note missing"
        );
        assert!(html.contains("<a href=\"#chu-thich-1\" id=\"dan-chu-thich-1\">1</a>"));
    }

    /// Every attribute of every tag in `html` (which pulldown-cmark writes quoted).
    fn attributes(html: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for tag in html.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or("");
            let mut rest = tag.split_once(' ').map(|(_, r)| r).unwrap_or("");
            while let Some((name, after)) = rest.split_once("=\"") {
                let (value, after) = after.split_once('"').unwrap_or((after, ""));
                out.push((name.trim().to_string(), value.to_string()));
                rest = after;
            }
            assert!(
                rest.trim().is_empty(),
                "an attribute without a value: {tag}"
            );
        }
        out
    }

    #[test]
    fn markdown_without_raw_html_is_safe_by_construction() {
        let hostile = [
            "## T {onclick=x autofocus tabindex=1 .a\"b #i\"d}\n",
            "[x](javascript:alert(1) \"t\\\" onmouseover=\\\"x\") <javascript:alert(1)> <a@b.vn>",
            "![a\" onerror=\"x](data:image/svg+xml,<svg onload=x>) ![b](vbscript:x)",
            "```js onload=x\n</code><script>x</script>\n```\n\n```\n<b>\n```\n",
            "| a | b |\n|:-|-:|\n| <x | `y\"` |\n",
            "Chú[^x\"onclick=y]\n\n[^x\"onclick=y]: ghi <chú>.\n\n[^khong]\n",
            "[r]: javascript:x\n\n[a][r] [b](<java script:x>) [c](JAVA&#x53;CRIPT:x)",
        ];
        let allowed = [
            "id",
            "class",
            "href",
            "src",
            "alt",
            "title",
            "aria-label",
            "start",
        ];
        for md in hostile {
            let r = render(md);
            for (name, value) in attributes(&r.html) {
                assert!(
                    allowed.contains(&name.as_str()),
                    "`{name}` from {md:?}: {}",
                    r.html
                );
                if name == "href" || name == "src" {
                    assert!(
                        safe_url(&value) && !value.contains(':') || value.starts_with("mailto:"),
                        "{value} from {md:?}"
                    );
                }
                if name == "id" || name == "class" {
                    assert!(
                        value.bytes().all(|b| b.is_ascii_alphanumeric()
                            || b == b'-'
                            || b == b'_'
                            || b == b' '),
                        "{value}"
                    );
                }
            }
            assert!(!r.html.contains("<script"), "{}", r.html);
        }
    }

    #[test]
    fn column_alignment_is_a_class_not_a_style_the_policy_would_refuse() {
        for md in [
            "| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |\n",
            "<b>raw</b>\n\n| a | b |\n|:-:|-:|\n| 1 | 2 |\n",
        ] {
            let html = render(md).html;
            assert!(!html.contains("style="), "{html}");
            assert!(html.contains("class=\"align-right\""), "{html}");
            assert!(html.contains("class=\"align-center\""), "{html}");
        }
    }

    #[test]
    fn tables_and_footnotes() {
        let r = render("| A | B |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Ghi chú.\n");
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<th>A</th>"));
        assert!(
            r.html
                .contains("<section class=\"footnotes\" aria-label=\"Chú thích\">")
        );
    }

    #[test]
    fn footnotes_are_numbered_by_citation_gathered_at_the_end_with_links_back() {
        let md = "## Chú thích 1\n\nMột[^b] hai[^a] lại một[^b].\n\n[^a]: Ghi chú A.\n\n[^b]: Ghi chú B.\n\n[^c]: Không ai dẫn.\n\nĐoạn cuối.\n";
        let html = render(md).html;
        // The heading took `chu-thich-1`; the first note gets another id.
        assert!(html.contains("<h2 id=\"chu-thich-1\">"), "{html}");
        let b_ref = "<sup class=\"footnote-ref\"><a href=\"#chu-thich-1-2\" id=\"dan-chu-thich-1\">1</a></sup>";
        let a_ref = "<sup class=\"footnote-ref\"><a href=\"#chu-thich-2\" id=\"dan-chu-thich-2\">2</a></sup>";
        assert!(html.contains(b_ref), "{html}");
        assert!(html.contains(a_ref), "{html}");
        // A second citation of the same note links to it without repeating the id.
        assert!(
            html.contains(
                "lại một<sup class=\"footnote-ref\"><a href=\"#chu-thich-1-2\">1</a></sup>"
            ),
            "{html}"
        );
        // The notes come after the last paragraph, in citation order, with links back.
        let notes = html.find("<section class=\"footnotes\"").unwrap();
        assert!(html.find("Đoạn cuối.").unwrap() < notes, "{html}");
        let b = html.find("<li id=\"chu-thich-1-2\">\n<p>Ghi chú B. <a href=\"#dan-chu-thich-1\" class=\"footnote-back\" aria-label=\"Quay lại đoạn văn\">↩</a></p>").unwrap();
        let a = html
            .find("<li id=\"chu-thich-2\">\n<p>Ghi chú A. <a href=\"#dan-chu-thich-2\"")
            .unwrap();
        let c = html
            .find("<li id=\"chu-thich-3\">\n<p>Không ai dẫn.</p>")
            .unwrap();
        assert!(notes < b && b < a && a < c, "{html}");
        assert!(!html.contains("footnote-definition"), "{html}");
        // A note cited only from another note is numbered after, and links back there.
        let nested = render("Văn bản[^a].\n\n[^a]: Xem thêm[^b].\n\n[^b]: Nguồn.\n").html;
        assert!(nested.contains("Xem thêm<sup class=\"footnote-ref\"><a href=\"#chu-thich-2\" id=\"dan-chu-thich-2\">2</a></sup>"), "{nested}");
        assert!(
            nested.contains("<p>Nguồn. <a href=\"#dan-chu-thich-2\""),
            "{nested}"
        );
        assert!(!nested.contains("footnote-reference"), "{nested}");
        // A definition inside another (found by the fuzzer: fuzz/regressions/markdown/).
        let inside = render("A[^a] B[^b].\n\n[^a]: > [^b]: Trong.\n").html;
        assert!(!inside.contains("footnote-definition"), "{inside}");
        assert!(inside.contains("<li id=\"chu-thich-2\">"), "{inside}");
        let found =
            include_bytes!("../../../fuzz/regressions/markdown/nested-footnote-definition.bin");
        let found = render_in(std::str::from_utf8(&found[1..]).unwrap(), "en").html;
        assert!(!found.contains("footnote-definition"), "{found}");
        let english = render_in("Text[^1].\n\n[^1]: Note.\n", "en").html;
        assert!(
            english.contains("aria-label=\"Back to the text\""),
            "{english}"
        );
        assert!(english.contains("aria-label=\"Notes\""), "{english}");
        // With raw HTML the result is sanitised, and the footnote links survive it.
        let raw = render("<b>x</b>[^1]\n\n[^1]: Y.\n").html;
        assert!(raw.contains("id=\"dan-chu-thich-1\""), "{raw}");
        assert!(raw.contains("aria-label=\"Quay lại đoạn văn\""), "{raw}");
    }

    #[test]
    fn script_and_handlers_removed() {
        let r = render(
            "Xin chào <script>alert(1)</script>\n\n<img src=x onerror=\"alert(1)\" alt=\"a\">\n\n<a href=\"javascript:alert(1)\">x</a>\n",
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("onerror"), "{}", r.html);
        assert!(!r.html.contains("javascript:"), "{}", r.html);
        assert!(r.html.contains("Xin chào"));
    }

    #[test]
    fn markdown_javascript_link_neutralised() {
        let r = render("[bấm](javascript:alert(1)) [ok](/tin-tuc/) [x]( JaVaScRiPt:alert(1))");
        assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
        assert!(r.html.contains("href=\"/tin-tuc/\""));
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let r = render("```rust\nfn main() {}\n```\n");
        assert!(r.html.contains("hl-"), "{}", r.html);
        let plain = render("```\n<b>x</b>\n```\n");
        assert!(plain.html.contains("&lt;b&gt;"), "{}", plain.html);
    }

    #[test]
    fn images_without_alt_are_reported() {
        let r = render("![](a.png) ![Ảnh hội nghị](b.png)");
        assert_eq!(r.images_without_alt, vec!["a.png".to_string()]);
        assert_eq!(r.links.len(), 2);
    }
}
