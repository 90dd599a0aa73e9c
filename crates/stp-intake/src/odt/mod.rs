//! `.odt` (OpenDocument text) → the document model: headings (`text:h` and the Title
//! style), paragraphs, spans with bold, italic and font (the span's style, the
//! paragraph's style and their parents: the font decides legacy encodings), links,
//! footnotes, pictures (`draw:image`) with the frame's title or description as alt
//! text, and text boxes (`draw:text-box`) as paragraphs after the one they are anchored
//! in. Lists and tables are read in `blocks`. Tracked changes show the final text: the
//! deleted text kept in `text:tracked-changes` is never read.

mod blocks;

use std::collections::HashMap;
use std::path::Path;

use super::archive::{Archive, resolve};
use super::document::{Block, Document, Inline, Picture, Run, Script, formula_loss};
use super::numbering::Format;
use super::xml::{Child, Node};
use super::{ImportError, Limits};

#[derive(Debug, Clone, Default)]
struct Style {
    parent: Option<String>,
    font: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
    script: Option<Script>,
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
    /// List styles: their levels (1-based).
    lists: HashMap<String, HashMap<u32, ListLevel>>,
    /// The last number of the last list of each list style and level, and of each list
    /// by its `xml:id`, for lists that continue another.
    last_numbers: HashMap<(String, u32), u32>,
    list_ids: HashMap<String, u32>,
    /// The numbers of the list items being read, outermost first (for `1.2.` labels).
    numbers: Vec<u32>,
    /// Blocks met inside the paragraph being read (text boxes), placed after it.
    floating: Vec<Block>,
    doc: Document,
}

/// One level of a list style: how it numbers (`style:num-format`), what it writes
/// around the number, where it starts, and how many levels' numbers it shows.
#[derive(Debug, Clone)]
struct ListLevel {
    format: Format,
    prefix: String,
    suffix: String,
    start: u32,
    display_levels: usize,
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
    let Some(content) = archive.xml("content.xml")? else {
        return Err(ImportError::file(
            file,
            "is not an OpenDocument text (it has no content.xml); save it as .odt or .docx",
        ));
    };
    let styles = archive.xml("styles.xml")?;
    let meta = archive.xml("meta.xml")?;
    let mut r = Reader {
        file,
        limits,
        archive,
        styles: HashMap::new(),
        fonts: HashMap::new(),
        lists: HashMap::new(),
        last_numbers: HashMap::new(),
        list_ids: HashMap::new(),
        numbers: Vec::new(),
        floating: Vec::new(),
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

/// `style:text-position` (`super 58%`, `-33% 58%`, `0% 100%`): raised, lowered or not.
fn text_position(value: &str) -> Script {
    let first = value.split_whitespace().next().unwrap_or("");
    match first {
        "super" => Script::Super,
        "sub" => Script::Sub,
        n => match n.trim_end_matches('%').parse::<f32>() {
            Ok(v) if v > 0.0 => Script::Super,
            Ok(v) if v < 0.0 => Script::Sub,
            _ => Script::Normal,
        },
    }
}

/// The text of MathML, without its annotations (the StarMath source).
fn math_text(n: &Node, out: &mut String) {
    for c in &n.children {
        match c {
            Child::Text(t) => out.push_str(t.trim()),
            Child::Element(e) if e.name != "math:annotation" => math_text(e, out),
            Child::Element(_) => {}
        }
    }
}

/// Drawing shapes that may hold text (`text:p` inside them).
const SHAPES: &[&str] = &[
    "draw:custom-shape",
    "draw:rect",
    "draw:ellipse",
    "draw:circle",
    "draw:polygon",
    "draw:path",
    "draw:g",
];

/// A list style's level: a bullet or picture level counts as a bullet.
fn list_level(l: &Node) -> (u32, ListLevel) {
    let level = l
        .attr("text:level")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let numbered = l.name == "text:list-level-style-number";
    let text = |name: &str| l.attr(name).unwrap_or("").to_string();
    let list_level = ListLevel {
        format: if numbered {
            Format::from_odf(l.attr("style:num-format").unwrap_or(""))
        } else {
            Format::Bullet
        },
        prefix: text("style:num-prefix"),
        suffix: text("style:num-suffix"),
        start: l
            .attr("text:start-value")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1),
        display_levels: l
            .attr("text:display-levels")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1)
            .clamp(1, 10),
    };
    (level, list_level)
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
                            script: tp
                                .and_then(|t| t.attr("style:text-position"))
                                .map(text_position),
                            title: name == "Title",
                        };
                        self.styles.insert((family, name), style);
                    }
                    "text:list-style" => {
                        let levels = s.elements().map(list_level).collect();
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
        let script = self.prop("text", span, |s| s.script).unwrap_or_default();
        let run = |text: String| {
            Inline::Run(Run {
                text,
                bold,
                italic,
                font: font.clone(),
                script,
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
                    match e.attr("xlink:href").filter(|h| !h.is_empty()) {
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
                "text:bookmark" | "text:bookmark-start" => {
                    if let Some(name) = e.attr("text:name") {
                        out.push(Inline::Anchor(name.to_string()));
                    }
                }
                name if SHAPES.contains(&name) => self.shape(e)?,
                "draw:a" | "text:bookmark-ref" | "text:reference-ref" | "text:ruby"
                | "text:ruby-base" | "text:meta" => self.inlines(e, pstyle, span, out)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// A drawing shape's text (and that of the shapes in a group), as paragraphs after
    /// the paragraph it is anchored in.
    fn shape(&mut self, shape: &Node) -> Result<(), ImportError> {
        let outer = std::mem::take(&mut self.floating);
        let mut blocks = Vec::new();
        let mut read = || -> Result<(), ImportError> {
            for c in shape
                .elements()
                .filter(|c| SHAPES.contains(&c.name.as_str()))
            {
                self.shape(c)?;
                blocks.append(&mut self.floating);
            }
            blocks.extend(self.blocks(shape, None, 1)?);
            Ok(())
        };
        let result = read();
        self.floating = outer;
        self.floating.extend(blocks);
        result
    }

    /// The plain text of the formula a frame embeds (`draw:object` whose content is
    /// MathML), if it is one.
    fn formula(&mut self, frame: &Node) -> Result<Option<String>, ImportError> {
        let Some(href) = frame
            .child("draw:object")
            .and_then(|o| o.attr("xlink:href"))
        else {
            return Ok(None);
        };
        let object = resolve(self.file, "", href.trim_end_matches('/'))?;
        let Some(math) = self.archive.xml(&format!("{object}/content.xml"))? else {
            return Ok(None);
        };
        if math.name != "math:math" {
            return Ok(None);
        }
        let mut text = String::new();
        math_text(&math, &mut text);
        Ok(Some(text).filter(|t| !t.trim().is_empty()))
    }

    fn frame(&mut self, frame: &Node, out: &mut Vec<Inline>) -> Result<(), ImportError> {
        let alt = frame
            .child("svg:desc")
            .or_else(|| frame.child("svg:title"))
            .map(Node::text)
            .filter(|t| !t.trim().is_empty());
        if let Some(tb) = frame.child("draw:text-box") {
            // A text box: its paragraphs after the paragraph it is anchored in.
            let outer = std::mem::take(&mut self.floating);
            let blocks = self.blocks(tb, None, 1);
            self.floating = outer;
            self.floating.extend(blocks?);
            return Ok(());
        }
        if let Some(text) = self.formula(frame)? {
            // A formula: its text, not its preview picture (which the web cannot show).
            self.doc.losses.push(formula_loss(&text));
            out.push(Inline::Run(Run {
                text,
                ..Run::default()
            }));
            return Ok(());
        }
        let Some(image) = frame.child("draw:image") else {
            if let Some(object) = frame.child("draw:object") {
                let name = object
                    .attr("xlink:href")
                    .unwrap_or("")
                    .trim_start_matches("./");
                self.doc.losses.push(format!(
                    "an embedded object (a formula or a chart) `{name}` has no picture to show; it was left out: ask the sender for it as a picture"
                ));
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
