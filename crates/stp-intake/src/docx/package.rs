//! The Word package as its relationships lay it out: `_rels/.rels` names the main
//! document part (not always `word/document.xml`) and the properties; each part's own
//! `_rels/<name>.rels` names what it uses (styles, numbering, notes, pictures, links),
//! with targets relative to that part's folder or, starting with `/`, to the package.

use std::collections::HashMap;
use std::path::Path;

use crate::ImportError;
use crate::archive::{Archive, resolve};
use crate::xml::Node;

/// One relationship: where it points and whether that is outside the package.
#[derive(Debug, Clone)]
struct Rel {
    target: String,
    external: bool,
    kind: String,
}

/// A part's relationships, with the folder its targets are relative to.
#[derive(Debug, Clone, Default)]
pub(super) struct Rels {
    dir: String,
    by_id: HashMap<String, Rel>,
}

/// The parts of a package that the reader uses.
pub(super) struct Package {
    pub main: String,
    pub main_rels: Rels,
    pub core: Option<String>,
    pub app: Option<String>,
}

impl Package {
    /// Finds the main part through `_rels/.rels`; a package without it is read from
    /// `word/document.xml`.
    pub fn open(archive: &mut Archive, file: &Path) -> Result<Package, ImportError> {
        let root = Rels::of_part(archive, "")?;
        let main = root
            .part_of_kind(file, "/officeDocument")?
            .unwrap_or_else(|| "word/document.xml".to_string());
        if !archive.has(&main) {
            return Err(ImportError::file(
                file,
                format!(
                    "is not a Word document (it has no main part `{main}`); save it as .docx from Word or LibreOffice"
                ),
            ));
        }
        let main_rels = Rels::of_part(archive, &main)?;
        let or_default = |found: Option<String>, default: &str| {
            found.or_else(|| archive.has(default).then(|| default.to_string()))
        };
        let core = root.part_of_kind(file, "/core-properties")?;
        let app = root.part_of_kind(file, "/extended-properties")?;
        Ok(Package {
            core: or_default(core, "docProps/core.xml"),
            app: or_default(app, "docProps/app.xml"),
            main,
            main_rels,
        })
    }
}

impl Rels {
    /// The relationships of `part` (`""` for the package's own), empty when it has none.
    pub fn of_part(archive: &mut Archive, part: &str) -> Result<Rels, ImportError> {
        let (dir, name) = match part.rsplit_once('/') {
            Some((dir, name)) => (dir, name),
            None => ("", part),
        };
        let rels_part = if dir.is_empty() {
            format!("_rels/{name}.rels")
        } else {
            format!("{dir}/_rels/{name}.rels")
        };
        let by_id = match archive.xml(&rels_part)? {
            Some(n) => relationships(&n),
            None => HashMap::new(),
        };
        Ok(Rels {
            dir: dir.to_string(),
            by_id,
        })
    }

    /// A link's address: the target as written, for a relationship outside the package.
    pub fn href(&self, id: &str) -> Option<String> {
        self.by_id.get(id).map(|r| r.target.clone())
    }

    /// The package part a relationship names (`None` if it has no such id), refused
    /// when it points outside the package.
    pub fn part(&self, file: &Path, id: &str) -> Result<Option<(String, bool)>, ImportError> {
        let Some(rel) = self.by_id.get(id) else {
            return Ok(None);
        };
        if rel.external {
            return Ok(Some((rel.target.clone(), true)));
        }
        Ok(Some((self.resolve(file, &rel.target)?, false)))
    }

    /// The first part related by a relationship type ending in `kind` (`/styles`).
    pub fn part_of_kind(&self, file: &Path, kind: &str) -> Result<Option<String>, ImportError> {
        let mut rels: Vec<(&String, &Rel)> = self
            .by_id
            .iter()
            .filter(|(_, r)| r.kind.ends_with(kind) && !r.external)
            .collect();
        rels.sort_by_key(|(id, _)| *id);
        match rels.first() {
            Some((_, rel)) => self.resolve(file, &rel.target).map(Some),
            None => Ok(None),
        }
    }

    fn resolve(&self, file: &Path, target: &str) -> Result<String, ImportError> {
        match target.strip_prefix('/') {
            Some(from_root) => resolve(file, "", from_root),
            None => resolve(file, &self.dir, target),
        }
    }
}

fn relationships(n: &Node) -> HashMap<String, Rel> {
    n.elements()
        .filter(|e| e.name == "rel:Relationship")
        .filter_map(|e| {
            let id = e.attr("Id")?.to_string();
            let rel = Rel {
                target: e.attr("Target")?.to_string(),
                external: e.attr("TargetMode") == Some("External"),
                kind: e.attr("Type").unwrap_or("").to_string(),
            };
            Some((id, rel))
        })
        .collect()
}
