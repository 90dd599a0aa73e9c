//! A small, bounded XML tree for the parts of `.docx` and `.odt` files: element names are
//! namespace-resolved to the usual prefixes (`w:p`, `text:span`), so a document that
//! picks other prefixes reads the same. Depth and node count are capped.

use std::path::Path;

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};

use super::ImportError;

const MAX_DEPTH: usize = 256;
const MAX_NODES: usize = 4_000_000;

/// The namespaces the readers use, by URI, with the prefix names are given under.
const NAMESPACES: &[(&str, &str)] = &[
    (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "w",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "r",
    ),
    (
        "http://schemas.openxmlformats.org/package/2006/relationships",
        "rel",
    ),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "a"),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "wp",
    ),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "pic",
    ),
    (
        "http://schemas.openxmlformats.org/markup-compatibility/2006",
        "mc",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        "ep",
    ),
    (
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "cp",
    ),
    (
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "wps",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "m",
    ),
    ("urn:schemas-microsoft-com:vml", "v"),
    ("urn:schemas-microsoft-com:office:office", "o"),
    ("http://purl.org/dc/elements/1.1/", "dc"),
    ("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "office"),
    ("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "text"),
    ("urn:oasis:names:tc:opendocument:xmlns:table:1.0", "table"),
    ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "draw"),
    ("urn:oasis:names:tc:opendocument:xmlns:style:1.0", "style"),
    (
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "fo",
    ),
    (
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "svg",
    ),
    ("urn:oasis:names:tc:opendocument:xmlns:meta:1.0", "meta"),
    (
        "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
        "manifest",
    ),
    ("http://www.w3.org/1999/xlink", "xlink"),
    ("http://www.w3.org/1998/Math/MathML", "math"),
    ("http://www.w3.org/XML/1998/namespace", "xml"),
];

/// ISO 29500 Strict names the same Word parts under other URIs: read under the same
/// prefixes as their transitional forms.
const STRICT: &[(&str, &str)] = &[
    ("http://purl.oclc.org/ooxml/wordprocessingml/main", "w"),
    (
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
        "r",
    ),
    ("http://purl.oclc.org/ooxml/drawingml/main", "a"),
    (
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        "wp",
    ),
    ("http://purl.oclc.org/ooxml/drawingml/picture", "pic"),
    ("http://purl.oclc.org/ooxml/officeDocument/math", "m"),
    (
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
        "ep",
    ),
];

/// An element: its resolved name, attributes and children.
#[derive(Debug, Clone, Default)]
pub struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Child>,
}

#[derive(Debug, Clone)]
pub enum Child {
    Element(Node),
    Text(String),
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The element children.
    pub fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    /// The first child element of that name.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.elements().find(|n| n.name == name)
    }

    /// The first element of that name at any depth (this one included).
    pub fn find(&self, name: &str) -> Option<&Node> {
        if self.name == name {
            return Some(self);
        }
        self.elements().find_map(|n| n.find(name))
    }

    /// Every element of that name at any depth, in document order.
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        for n in self.elements() {
            if n.name == name {
                out.push(n);
            } else {
                n.find_all(name, out);
            }
        }
    }

    /// All text below this element.
    pub fn text(&self) -> String {
        let mut s = String::new();
        self.collect_text(&mut s);
        s
    }

    fn collect_text(&self, s: &mut String) {
        for c in &self.children {
            match c {
                Child::Text(t) => s.push_str(t),
                Child::Element(n) => n.collect_text(s),
            }
        }
    }
}

fn resolved(ns: &ResolveResult, local: &str) -> String {
    match ns {
        ResolveResult::Bound(Namespace(uri)) => {
            match NAMESPACES.iter().chain(STRICT).find(|(u, _)| u == uri) {
                Some((_, p)) => format!("{p}:{local}"),
                None => format!("?:{local}"),
            }
        }
        _ => local.to_string(),
    }
}

/// Parses a part into its root element. `part` names it in errors.
pub fn parse(file: &Path, part: &str, bytes: &[u8]) -> Result<Node, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        ImportError::file(
            file,
            format!("part `{part}` is not UTF-8 XML; the file is damaged"),
        )
    })?;
    let bad = |e: &dyn std::fmt::Display| {
        ImportError::file(
            file,
            format!("part `{part}` is not well-formed XML ({e}); the file is damaged or cut short"),
        )
    };
    let mut reader = NsReader::from_reader(text.as_bytes());
    reader.config_mut().expand_empty_elements = true;
    let mut stack: Vec<Node> = vec![Node::default()];
    let mut nodes = 0usize;
    let mut buf = Vec::new();
    loop {
        let (ns, event) = reader
            .read_resolved_event_into(&mut buf)
            .map_err(|e| bad(&e))?;
        match event {
            Event::Start(e) => {
                nodes += 1;
                if stack.len() > MAX_DEPTH || nodes > MAX_NODES {
                    return Err(ImportError::file(
                        file,
                        format!("part `{part}` is nested too deep or too large; refused"),
                    ));
                }
                let local = e.local_name();
                let name = resolved(&ns, local.as_ref());
                let mut attrs = Vec::new();
                for a in e.attributes() {
                    let a = a.map_err(|e| bad(&e))?;
                    let (ans, alocal) = reader.resolver().resolve_attribute(a.key);
                    let key = resolved(&ans, alocal.as_ref());
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|e| bad(&e))?
                        .into_owned();
                    attrs.push((key, value));
                }
                stack.push(Node {
                    name,
                    attrs,
                    children: Vec::new(),
                });
            }
            Event::End(_) => {
                let node = stack.pop().ok_or_else(|| bad(&"unbalanced end tag"))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Child::Element(node)),
                    None => return Err(bad(&"unbalanced end tag")),
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t),
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref().map_err(|e| bad(&e))?
                } else {
                    match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    }
                };
                let c = c.ok_or_else(|| bad(&format!("unknown entity `&{};`", &*r)))?;
                push_text(&mut stack, c.encode_utf8(&mut [0; 4]));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if stack.len() != 1 {
        return Err(bad(&"the XML ends before its elements are closed"));
    }
    let root = stack.pop().unwrap_or_default();
    root.children
        .into_iter()
        .find_map(|c| match c {
            Child::Element(n) => Some(n),
            Child::Text(_) => None,
        })
        .ok_or_else(|| bad(&"no root element"))
}

fn push_text(stack: &mut [Node], t: &str) {
    if let Some(top) = stack.last_mut() {
        if let Some(Child::Text(prev)) = top.children.last_mut() {
            prev.push_str(t);
        } else {
            top.children.push(Child::Text(t.to_string()));
        }
    }
}
