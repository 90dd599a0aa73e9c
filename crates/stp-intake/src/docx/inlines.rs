//! Runs and what holds them: bold, italic and font (direct, character style,
//! paragraph style or document default: the font decides legacy encodings); tracked
//! changes resolved to the final text (`w:ins` and `w:moveTo` kept, `w:del` and
//! `w:moveFrom` left out); hyperlinks by relationship, with `w:anchor` kept as the
//! `#fragment`; hyperlink fields (`w:fldChar` … `HYPERLINK "url" \l "anchor"`, and
//! `w:fldSimple`) as links, other fields by their shown result; symbols (`w:sym`);
//! hidden text left out (and flagged); notes; drawings.

use crate::ImportError;
use crate::document::{Inline, Run, formula_loss};
use crate::xml::Node;

use super::Reader;
use super::blocks::placeholder;
use super::styles::{font_of, on, script_of};

/// A field (`w:fldChar` begin … separate … end) open in the paragraph.
#[derive(Debug, Default)]
pub(super) struct Field {
    /// Its instruction (`HYPERLINK "https://…"`), gathered from `w:instrText`.
    instruction: String,
    /// Whether its shown result is being read (after `separate`).
    in_result: bool,
    /// Where its result starts in the inlines, and the link it makes.
    start: usize,
    href: Option<String>,
}

impl Reader<'_> {
    pub(super) fn inlines(
        &mut self,
        n: &Node,
        pstyle: Option<&str>,
        out: &mut Vec<Inline>,
    ) -> Result<(), ImportError> {
        for c in n.elements() {
            match c.name.as_str() {
                "w:r" => self.run(c, pstyle, out)?,
                "w:hyperlink" => {
                    let href = self.hyperlink(c);
                    let mut inner = Vec::new();
                    self.inlines(c, pstyle, &mut inner)?;
                    push_link(href, inner, out);
                }
                "w:fldSimple" => {
                    let href = c.attr("w:instr").and_then(hyperlink_field);
                    let mut inner = Vec::new();
                    self.inlines(c, pstyle, &mut inner)?;
                    push_link(href, inner, out);
                }
                "w:sdt" if !placeholder(c) => {
                    if let Some(content) = c.child("w:sdtContent") {
                        self.inlines(content, pstyle, out)?;
                    }
                }
                "w:ins" | "w:moveTo" | "w:smartTag" | "w:customXml" | "w:dir" | "w:bdo" => {
                    self.inlines(c, pstyle, out)?
                }
                "m:oMathPara" | "m:oMath" => self.formula(c, out),
                // Where links inside the document lead (`_GoBack` is Word's own).
                "w:bookmarkStart" => {
                    if let Some(name) = c.attr("w:name").filter(|n| *n != "_GoBack") {
                        out.push(Inline::Anchor(name.to_string()));
                    }
                }
                // `w:del`, `w:moveFrom`: text the tracked changes took out.
                _ => {}
            }
        }
        Ok(())
    }

    /// A hyperlink's address: its relationship's target and `w:anchor` as fragment.
    fn hyperlink(&self, c: &Node) -> Option<String> {
        let base = c.attr("r:id").and_then(|id| self.rels.href(id));
        let anchor = c.attr("w:anchor").filter(|a| !a.is_empty());
        match (base, anchor) {
            (Some(base), Some(anchor)) => {
                let base = base.split('#').next().unwrap_or("");
                Some(format!("{base}#{anchor}"))
            }
            (Some(base), None) => Some(base),
            (None, Some(anchor)) => Some(format!("#{anchor}")),
            (None, None) => None,
        }
    }

    /// A formula (Office Math) kept as its plain text, and flagged.
    fn formula(&mut self, c: &Node, out: &mut Vec<Inline>) {
        let mut texts = Vec::new();
        c.find_all("m:t", &mut texts);
        let text: String = texts.iter().map(|t| t.text()).collect();
        self.doc.losses.push(formula_loss(&text));
        out.push(Inline::Run(Run {
            text,
            ..Run::default()
        }));
    }

    fn run(
        &mut self,
        r: &Node,
        pstyle: Option<&str>,
        out: &mut Vec<Inline>,
    ) -> Result<(), ImportError> {
        let rpr = r.child("w:rPr");
        let vanish = on(rpr.and_then(|x| x.child("w:vanish"))).unwrap_or(false);
        let web_hidden = on(rpr.and_then(|x| x.child("w:webHidden"))).unwrap_or(false);
        if vanish || web_hidden {
            self.hidden_run(r, vanish, out);
            return Ok(());
        }
        let run = self.run_properties(rpr, pstyle);
        let mut text = String::new();
        let flush = |text: &mut String, out: &mut Vec<Inline>| {
            if !text.is_empty() {
                out.push(Inline::Run(Run {
                    text: std::mem::take(text),
                    ..run.clone()
                }));
            }
        };
        for c in r.elements() {
            match c.name.as_str() {
                // Text inside a field's instruction is not shown.
                "w:t" if !self.in_instruction() => text.push_str(&c.text()),
                "w:tab" => text.push(' '),
                "w:sym" => {
                    if let Some(c) = self.symbol(c) {
                        text.push(c);
                    }
                }
                "w:noBreakHyphen" => text.push('-'),
                // In TCVN3 text 0xAD is the letter ư; elsewhere it is dropped later.
                "w:softHyphen" => text.push('\u{AD}'),
                "w:br" | "w:cr" if c.attr("w:type").is_none_or(|t| t == "textWrapping") => {
                    flush(&mut text, out);
                    out.push(Inline::LineBreak);
                }
                "w:fldChar" => {
                    flush(&mut text, out);
                    self.field_char(c.attr("w:fldCharType").unwrap_or(""), out);
                }
                "w:instrText" => self.instruction(c),
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
                "w:drawing" | "w:pict" | "mc:AlternateContent" | "w:object" => {
                    flush(&mut text, out);
                    self.drawing(c, None, out)?;
                }
                _ => {}
            }
        }
        flush(&mut text, out);
        Ok(())
    }

    /// A run's bold, italic, raised or lowered place, and font: direct, else its character style, else the
    /// paragraph style (not a heading's bold or italic), else the document default.
    fn run_properties(&self, rpr: Option<&Node>, pstyle: Option<&str>) -> Run {
        let rstyle = rpr
            .and_then(|x| x.child("w:rStyle"))
            .and_then(|x| x.attr("w:val"));
        let s = &self.styles;
        let heading = s.prop(pstyle, |s| s.heading).is_some();
        let font = font_of(rpr)
            .or_else(|| s.prop(rstyle, |s| s.font.clone()))
            .or_else(|| s.prop(pstyle, |s| s.font.clone()))
            .or_else(|| s.default_font.clone());
        let bold = on(rpr.and_then(|x| x.child("w:b")))
            .or_else(|| s.prop(rstyle, |s| s.bold))
            .or_else(|| s.prop(pstyle, |s| s.bold).filter(|_| !heading))
            .unwrap_or(false);
        let italic = on(rpr.and_then(|x| x.child("w:i")))
            .or_else(|| s.prop(rstyle, |s| s.italic))
            .or_else(|| s.prop(pstyle, |s| s.italic).filter(|_| !heading))
            .unwrap_or(false);
        let script = script_of(rpr)
            .or_else(|| s.prop(rstyle, |s| s.script))
            .unwrap_or_default();
        Run {
            text: String::new(),
            bold,
            italic,
            font,
            script,
        }
    }

    /// A symbol inserted from a font (`w:sym`): its character when it is one of
    /// Unicode's; one in a symbol font's private range (Wingdings, Symbol: `F0FC`) has
    /// no meaning outside that font, so it is left out, and flagged.
    fn symbol(&mut self, sym: &Node) -> Option<char> {
        let code = sym.attr("w:char")?;
        let font = sym.attr("w:font").unwrap_or("");
        let value = u32::from_str_radix(code, 16).ok()?;
        match char::from_u32(value).filter(|_| !(0xE000..=0xF8FF).contains(&value)) {
            Some(c) => Some(c),
            None => {
                self.doc.losses.push(format!(
                    "a symbol from the font `{font}` (code {code}) has no Unicode form and was left out; check the text around it"
                ));
                None
            }
        }
    }

    /// A run Word does not show: hidden text (`w:vanish`), left out and kept for a flag,
    /// or text hidden on the web (`w:webHidden`, a contents' page numbers). Its field
    /// marks still count, so that the fields around it stay whole.
    fn hidden_run(&mut self, r: &Node, vanish: bool, out: &mut Vec<Inline>) {
        for c in r.elements() {
            match c.name.as_str() {
                "w:fldChar" => self.field_char(c.attr("w:fldCharType").unwrap_or(""), out),
                "w:instrText" => self.instruction(c),
                "w:t" if vanish && !self.in_instruction() => self.hidden.push_str(&c.text()),
                _ => {}
            }
        }
    }

    /// A field instruction's text (`w:instrText`), for the field being begun.
    fn instruction(&mut self, c: &Node) {
        if let Some(f) = self.fields.last_mut().filter(|f| !f.in_result) {
            f.instruction.push_str(&c.text());
        }
    }

    fn in_instruction(&self) -> bool {
        self.fields.iter().any(|f| !f.in_result)
    }

    /// A field's begin, separate or end; at its end a hyperlink field's result
    /// becomes the link's text.
    fn field_char(&mut self, kind: &str, out: &mut Vec<Inline>) {
        match kind {
            "begin" => self.fields.push(Field::default()),
            "separate" => {
                if let Some(f) = self.fields.last_mut() {
                    f.in_result = true;
                    f.href = hyperlink_field(&f.instruction);
                    f.start = out.len();
                }
            }
            "end" => {
                if let Some(f) = self.fields.pop()
                    && f.in_result
                    && f.start <= out.len()
                    && f.href.is_some()
                {
                    let inner = out.split_off(f.start);
                    push_link(f.href, inner, out);
                }
            }
            _ => {}
        }
    }
}

/// Puts `inner` into a link to `href` (its runs are the text; notes and pictures
/// follow it), or as it is without an address.
fn push_link(href: Option<String>, inner: Vec<Inline>, out: &mut Vec<Inline>) {
    let Some(href) = href else {
        out.extend(inner);
        return;
    };
    let mut runs = Vec::new();
    let mut rest = Vec::new();
    for i in inner {
        match i {
            Inline::Run(r) => runs.push(r),
            // A link inside a link: its text only.
            Inline::Link { runs: r, .. } => runs.extend(r),
            other => rest.push(other),
        }
    }
    out.push(Inline::Link { href, runs });
    out.extend(rest);
}

/// The address of a `HYPERLINK "url" \l "anchor"` field instruction, else `None`.
pub(super) fn hyperlink_field(instruction: &str) -> Option<String> {
    let words = field_words(instruction);
    let (first, rest) = words.split_first()?;
    if !first.eq_ignore_ascii_case("HYPERLINK") {
        return None;
    }
    let mut url = None;
    let mut anchor = None;
    let mut i = 0;
    while i < rest.len() {
        match rest[i].as_str() {
            "\\l" => {
                anchor = rest.get(i + 1).cloned();
                i += 2;
            }
            "\\o" | "\\t" => i += 2,
            s if s.starts_with('\\') => i += 1,
            s => {
                url.get_or_insert_with(|| s.to_string());
                i += 1;
            }
        }
    }
    match (
        url.filter(|u| !u.is_empty()),
        anchor.filter(|a| !a.is_empty()),
    ) {
        (Some(u), Some(a)) => Some(format!("{}#{a}", u.split('#').next().unwrap_or(""))),
        (Some(u), None) => Some(u),
        (None, Some(a)) => Some(format!("#{a}")),
        (None, None) => None,
    }
}

/// A field instruction's words; a quoted one is one word without its quotes.
fn field_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut w = String::new();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                w.push(c);
            }
            words.push(w);
        } else {
            let mut w = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                w.push(c);
                chars.next();
            }
            words.push(w);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlink_fields_give_their_address() {
        assert_eq!(
            hyperlink_field(r#" HYPERLINK "https://chinhphu.vn/" \l "tin-moi" \o "Mở" "#),
            Some("https://chinhphu.vn/#tin-moi".into())
        );
        assert_eq!(
            hyperlink_field(r#"HYPERLINK \l "_Toc1""#),
            Some("#_Toc1".into())
        );
        assert_eq!(
            hyperlink_field("hyperlink https://vbpl.vn/"),
            Some("https://vbpl.vn/".into())
        );
        assert_eq!(hyperlink_field(" PAGE "), None);
        assert_eq!(hyperlink_field(""), None);
    }
}
