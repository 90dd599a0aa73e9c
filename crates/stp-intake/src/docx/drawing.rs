//! Drawings: pictures (`a:blip` in a `w:drawing`, `v:imagedata` in VML and in
//! embedded objects' previews) with the description the document gives them, and text
//! boxes and shapes (`w:txbxContent`), whose paragraphs are read after the paragraph
//! that anchors them. Of an `mc:AlternateContent`, one branch is read: the first
//! `mc:Choice` in a form this reader knows, else the `mc:Fallback`. A chart or SmartArt
//! diagram is flagged as left out.

use crate::ImportError;
use crate::document::{Inline, Picture};
use crate::xml::Node;

use super::Reader;

/// The `Requires` of an `mc:Choice` this reader can read: drawings, shapes, groups.
const KNOWN: &[&str] = &[
    "wps", "wpg", "wpc", "wpi", "wp14", "w14", "w15", "a14", "v", "o",
];

impl Reader<'_> {
    /// Reads what a drawing holds; `alt` is the description of the drawing around.
    pub(super) fn drawing(
        &mut self,
        n: &Node,
        alt: Option<&str>,
        out: &mut Vec<Inline>,
    ) -> Result<(), ImportError> {
        match n.name.as_str() {
            "w:txbxContent" => {
                let outer = std::mem::take(&mut self.floating);
                let fields = std::mem::take(&mut self.fields);
                let blocks = self.blocks(n);
                self.fields = fields;
                self.floating = outer;
                self.floating.extend(blocks?);
                Ok(())
            }
            "mc:AlternateContent" => match branch(n) {
                Some(b) => self.drawing(b, alt, out),
                None => Ok(()),
            },
            "w:drawing" => {
                let doc_pr = n.find("wp:docPr");
                let alt = doc_pr
                    .and_then(|d| d.attr("descr").or(d.attr("title")))
                    .or(alt);
                let uri = n.find("a:graphicData").and_then(|g| g.attr("uri"));
                if let Some(kind) = uri.and_then(unread_graphic) {
                    let name = doc_pr.and_then(|d| d.attr("name")).unwrap_or("");
                    self.doc.losses.push(format!(
                        "{kind} `{name}` was left out (it is not a picture); ask the sender for it as a picture"
                    ));
                }
                self.children(n, alt, out)
            }
            "a:blip" => {
                if n.attr("r:link").is_some() && n.attr("r:embed").is_none() {
                    return Err(ImportError::file(
                        self.file,
                        "links a picture kept outside the document; insert the picture into the document instead",
                    ));
                }
                match n.attr("r:embed") {
                    Some(rel) => self.picture(rel, alt, out),
                    None => Ok(()),
                }
            }
            "v:imagedata" => match n.attr("r:id") {
                Some(rel) => self.picture(rel, n.attr("o:title").or(alt), out),
                None => Ok(()),
            },
            "v:shape" | "v:rect" | "v:roundrect" => self.children(n, n.attr("alt").or(alt), out),
            _ => self.children(n, alt, out),
        }
    }

    fn children(
        &mut self,
        n: &Node,
        alt: Option<&str>,
        out: &mut Vec<Inline>,
    ) -> Result<(), ImportError> {
        for c in n.elements() {
            self.drawing(c, alt, out)?;
        }
        Ok(())
    }

    fn picture(
        &mut self,
        rel: &str,
        alt: Option<&str>,
        out: &mut Vec<Inline>,
    ) -> Result<(), ImportError> {
        let (part, external) = self.rels.part(self.file, rel)?.ok_or_else(|| {
            ImportError::file(self.file, format!("a picture names relationship `{rel}`, which the document does not have; the file is damaged"))
        })?;
        if external {
            return Err(ImportError::file(
                self.file,
                format!(
                    "links a picture at `{part}`, outside the document; insert the picture into the document instead"
                ),
            ));
        }
        let index = match self.doc.pictures.iter().position(|p| p.part == part) {
            Some(i) => i,
            None => {
                let bytes = self.archive.read(&part, self.limits.max_attachment_bytes)?;
                self.doc.pictures.push(Picture {
                    part,
                    bytes,
                    alt: alt.filter(|a| !a.trim().is_empty()).map(str::to_string),
                });
                self.doc.pictures.len() - 1
            }
        };
        out.push(Inline::Picture(index));
        Ok(())
    }
}

/// What a drawing is when it is one this reader cannot show, by its
/// `a:graphicData` `uri`: a chart or a SmartArt diagram.
fn unread_graphic(uri: &str) -> Option<&'static str> {
    if uri.ends_with("/chart") || uri.ends_with("/chartex") {
        Some("a chart")
    } else if uri.ends_with("/diagram") {
        Some("a SmartArt diagram")
    } else {
        None
    }
}

/// The branch of an `mc:AlternateContent` to read.
fn branch(n: &Node) -> Option<&Node> {
    n.elements()
        .find(|c| {
            c.name == "mc:Choice"
                && c.attr("Requires")
                    .is_some_and(|r| r.split_whitespace().all(|p| KNOWN.contains(&p)))
        })
        .or_else(|| n.child("mc:Fallback"))
}
