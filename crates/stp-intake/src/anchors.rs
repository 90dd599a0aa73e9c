//! Links inside the document (`#name`, to a Word bookmark, an OpenOffice bookmark or
//! `Heading text|outline`) lead to the heading that holds their target, by the id the
//! renderer gives that heading (its text as a slug, `-2` for a second one); a link whose
//! target is no heading of the article (the title, a paragraph, nothing) keeps its text
//! without the link, and is flagged: the renderer's check refuses anchors that lead
//! nowhere.

use std::collections::{HashMap, HashSet};

use crate::document::{Block, Document, Inline, plain};
use stp_content::slugify;

/// Points the document's inner links at their headings; returns the flags for the
/// links that lead to no heading.
pub fn resolve(doc: &mut Document) -> Vec<String> {
    let mut ids = Ids::default();
    let mut targets: HashMap<String, String> = HashMap::new();
    for b in &doc.blocks {
        heading_ids(b, &mut ids, &mut targets);
    }
    let mut lost = Vec::new();
    for b in doc.blocks.iter_mut().chain(doc.notes.iter_mut().flatten()) {
        relink(b, &ids.used, &targets, &mut lost);
    }
    lost
}

/// The ids the renderer gives headings: `base`, then `base-2`, `base-3`.
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
}

impl Ids {
    fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

fn heading_ids(b: &Block, ids: &mut Ids, targets: &mut HashMap<String, String>) {
    match b {
        Block::Heading(_, inl) => {
            let text = plain(inl).trim().to_string();
            let base = slugify(&text);
            let id = ids.unique(if base.is_empty() { "muc" } else { &base });
            for i in inl {
                if let Inline::Anchor(name) = i {
                    targets.insert(name.clone(), id.clone());
                }
            }
            targets.insert(format!("{text}|outline"), id);
        }
        Block::List { items, .. } => items
            .iter()
            .flatten()
            .for_each(|b| heading_ids(b, ids, targets)),
        Block::Paragraph(_) | Block::Table(_) => {}
    }
}

fn relink(
    b: &mut Block,
    ids: &HashSet<String>,
    targets: &HashMap<String, String>,
    lost: &mut Vec<String>,
) {
    match b {
        Block::Heading(_, inl) | Block::Paragraph(inl) => relink_inlines(inl, ids, targets, lost),
        Block::List { items, .. } => items
            .iter_mut()
            .flatten()
            .for_each(|b| relink(b, ids, targets, lost)),
        Block::Table(rows) => rows
            .iter_mut()
            .flatten()
            .for_each(|c| relink_inlines(&mut c.inlines, ids, targets, lost)),
    }
}

fn relink_inlines(
    inl: &mut Vec<Inline>,
    ids: &HashSet<String>,
    targets: &HashMap<String, String>,
    lost: &mut Vec<String>,
) {
    let mut out = Vec::with_capacity(inl.len());
    for i in std::mem::take(inl) {
        let Inline::Link { href, runs } = i else {
            out.push(i);
            continue;
        };
        let Some(name) = href.strip_prefix('#') else {
            out.push(Inline::Link { href, runs });
            continue;
        };
        let id = targets
            .get(name)
            .cloned()
            .or_else(|| ids.contains(name).then(|| name.to_string()));
        match id {
            Some(id) => out.push(Inline::Link {
                href: format!("#{id}"),
                runs,
            }),
            None => {
                let text: String = runs.iter().map(|r| r.text.as_str()).collect();
                lost.push(format!(
                    "the link `{}` to `{href}` leads to no heading of the article, so it was kept as text without the link",
                    text.trim()
                ));
                out.extend(runs.into_iter().map(Inline::Run));
            }
        }
    }
    *inl = out;
}
