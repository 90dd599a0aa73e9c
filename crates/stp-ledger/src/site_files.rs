//! The site files: `site.toml`, `themes/` and `static/`, everything the public build reads
//! besides the live articles (and `workflow/`, the trust data, which has its own rule).
//! This module says which version of them a commit holds (the ids of the three entries at
//! the top of its tree, hashed into one version string that a site step signs), lists the
//! files that differ between two versions, and reads a version's files out of git through
//! the checked object reader, refusing symbolic links and submodules anywhere inside:
//! nothing a site file names can reach outside the repository.

use std::collections::BTreeMap;

use git2::{ObjectType, Oid};
use sha2::{Digest, Sha256};

use stp_content::{MAX_SITE_FILE_BYTES, SiteFiles};

use super::objects::{Objects, ReadError, entries};

/// The settings file.
pub const SETTINGS: &str = "site.toml";

/// The top-level names that are site files, in git's tree order.
pub const NAMES: [&str; 3] = [SETTINGS, "static", "themes"];

/// The three top-level entries of a commit's tree that make up the site files, as
/// `(mode, id)` pairs (a missing entry is `None`). Read for every commit of history, so
/// it holds no allocation: a mode is git's octal text read as a number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SiteIds {
    entries: [Option<(u32, Oid)>; 3],
}

/// Git's octal mode text as a number (`40000` → 0o40000); an unreadable mode is `u32::MAX`.
fn mode_number(text: &[u8]) -> u32 {
    text.iter()
        .try_fold(0u32, |n, b| match b {
            b'0'..=b'7' => n.checked_mul(8)?.checked_add(u32::from(b - b'0')),
            _ => None,
        })
        .unwrap_or(u32::MAX)
}

impl SiteIds {
    /// The site file entries of the raw root tree `root`.
    pub fn of_root(root: &[u8]) -> Option<SiteIds> {
        let mut out = SiteIds::default();
        for entry in entries(root) {
            let entry = entry?;
            if let Some(i) = NAMES.iter().position(|n| n.as_bytes() == entry.name) {
                out.entries[i] = Some((mode_number(entry.mode), entry.id()?));
            }
        }
        Some(out)
    }

    /// The version string a site step signs: SHA-256 (hex) of `name mode id` per entry.
    pub fn version(&self) -> String {
        let mut hash = Sha256::new();
        for (name, entry) in NAMES.iter().zip(&self.entries) {
            match entry {
                Some((mode, id)) => hash.update(format!("{name} {mode:o} {id}\n")),
                None => hash.update(format!("{name} -\n")),
            }
        }
        base16ct::lower::encode_string(&hash.finalize())
    }

    /// `(name, mode, id)` of each entry that is there.
    fn present(&self) -> impl Iterator<Item = (&'static str, u32, Oid)> + '_ {
        NAMES
            .iter()
            .zip(&self.entries)
            .filter_map(|(n, e)| e.map(|(m, id)| (*n, m, id)))
    }
}

/// The first 12 characters of a version, as shown to people.
pub fn short(version: &str) -> &str {
    &version[..12.min(version.len())]
}

/// The site file entries at the top of the tree `root`.
pub fn site_ids(objects: &Objects<'_>, root: Oid) -> Result<SiteIds, ReadError> {
    let data = objects.read(root, ObjectType::Tree)?;
    SiteIds::of_root(&data).ok_or(ReadError::Malformed(root))
}

/// Why a version of the site files cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SiteFilesError {
    #[error("{0}")]
    Read(String),
    #[error(
        "{path} is a symbolic link; site files are read from git and may not point anywhere else"
    )]
    Link { path: String },
    #[error("{path} is a submodule; site files must be committed as files")]
    Submodule { path: String },
    #[error("{path} is {size} bytes, more than the {limit} bytes a site file may have")]
    TooBig { path: String, size: u64, limit: u64 },
    #[error("{path} is not a file")]
    NotAFile { path: String },
}

impl From<ReadError> for SiteFilesError {
    fn from(e: ReadError) -> Self {
        SiteFilesError::Read(e.to_string())
    }
}

/// Every file of the site files in the tree `root`, as `path → blob id` (repository-relative
/// paths). A symbolic link or a submodule anywhere is refused.
pub fn list(objects: &Objects<'_>, root: Oid) -> Result<BTreeMap<String, Oid>, SiteFilesError> {
    let ids = site_ids(objects, root)?;
    let mut out = BTreeMap::new();
    for (name, mode, id) in ids.present() {
        walk(objects, name, mode, id, &mut out)?;
    }
    Ok(out)
}

fn walk(
    objects: &Objects<'_>,
    path: &str,
    mode: u32,
    id: Oid,
    out: &mut BTreeMap<String, Oid>,
) -> Result<(), SiteFilesError> {
    match mode {
        0o40000 => {
            let data = objects.read(id, ObjectType::Tree)?;
            for entry in entries(&data) {
                let entry = entry.ok_or(ReadError::Malformed(id))?;
                let (Some(name), Some(child)) = (entry.name_str(), entry.id()) else {
                    return Err(ReadError::Malformed(id).into());
                };
                let mode = mode_number(entry.mode);
                walk(objects, &format!("{path}/{name}"), mode, child, out)?;
            }
            Ok(())
        }
        0o100644 | 0o100755 => {
            out.insert(path.to_string(), id);
            Ok(())
        }
        0o120000 => Err(SiteFilesError::Link { path: path.into() }),
        0o160000 => Err(SiteFilesError::Submodule { path: path.into() }),
        _ => Err(SiteFilesError::NotAFile { path: path.into() }),
    }
}

/// The paths that differ between the site files of two trees (added, removed or changed),
/// sorted. A tree that cannot be listed counts as "everything differs" for its names.
pub fn changed_paths(objects: &Objects<'_>, old: Option<Oid>, new: Oid) -> Vec<String> {
    let listed = |root: Option<Oid>| -> BTreeMap<String, Oid> {
        root.and_then(|r| list(objects, r).ok()).unwrap_or_default()
    };
    let (a, b) = (listed(old), listed(Some(new)));
    let mut out: Vec<String> = a
        .iter()
        .filter(|(p, id)| b.get(*p) != Some(id))
        .map(|(p, _)| p.clone())
        .chain(b.keys().filter(|p| !a.contains_key(*p)).cloned())
        .collect();
    if out.is_empty() {
        // A change that lists no file: a link or submodule put in place of a folder.
        let ids = |root: Option<Oid>| root.and_then(|r| site_ids(objects, r).ok());
        let (x, y) = (
            ids(old).unwrap_or_default(),
            ids(Some(new)).unwrap_or_default(),
        );
        for (i, name) in NAMES.iter().enumerate() {
            if x.entries[i] != y.entries[i] {
                out.push(name.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Reads every site file of the tree `root`, each checked against its id and its size
/// checked before it is read.
pub fn read(objects: &Objects<'_>, root: Oid) -> Result<SiteFiles, SiteFilesError> {
    let mut files = BTreeMap::new();
    for (path, id) in list(objects, root)? {
        if let Ok(size) = objects.size(id).map(|s| s as u64)
            && size > MAX_SITE_FILE_BYTES
        {
            return Err(SiteFilesError::TooBig {
                path,
                size,
                limit: MAX_SITE_FILE_BYTES,
            });
        }
        let bytes = objects.read(id, ObjectType::Blob)?;
        files.insert(path, bytes);
    }
    Ok(SiteFiles { files })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(mode: &str, name: &str, id: u8) -> Vec<u8> {
        let mut out = format!("{mode} {name}\0").into_bytes();
        out.extend([id; 20]);
        out
    }

    #[test]
    fn the_version_changes_with_any_site_entry_and_no_other() {
        let root = |settings: u8, other: u8| {
            let mut t = entry("40000", "content", other);
            t.extend(entry("100644", "site.toml", settings));
            t.extend(entry("40000", "static", 3));
            t.extend(entry("40000", "themes", 4));
            SiteIds::of_root(&t).unwrap()
        };
        assert_eq!(
            root(1, 7).version(),
            root(1, 8).version(),
            "content is not a site file"
        );
        assert_ne!(root(1, 7).version(), root(2, 7).version());
        let mut link = entry("40000", "content", 7);
        link.extend(entry("100644", "site.toml", 1));
        link.extend(entry("120000", "static", 3));
        link.extend(entry("40000", "themes", 4));
        assert_ne!(
            SiteIds::of_root(&link).unwrap().version(),
            root(1, 7).version(),
            "a link in place of a folder is another version"
        );
    }
}
