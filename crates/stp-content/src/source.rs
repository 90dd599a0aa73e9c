//! The one interface between "which articles may be built" and the builder. The working
//! tree (for previews and checks) and the ledger's live set (for the public site) both
//! hand the builder a list of [`SourceArticle`]s and copy the files beside them.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::error::{ContentError, FileError};
use super::paths::{MAX_FILE_BYTES, check_entry, check_inside, read_limited};

/// An article as a source gives it: its bytes, and what the workflow says about it.
#[derive(Debug, Clone)]
pub struct SourceArticle {
    /// Repository-relative path, `content/...`.
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    /// The workflow state, shown on the preview banner; `None` when unknown.
    pub state: Option<String>,
    /// Files beside a bundle article (`index.md`), repository-relative.
    pub files: Vec<PathBuf>,
    /// Who published this version and when (RFC 3339), for the live set.
    pub published: Option<Published>,
}

/// The signed publication of an article version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub by: String,
    pub at: String,
}

/// Where articles come from.
pub trait ContentSource: Sync {
    /// Reads every article the build may include and hands each to `each` as soon as it
    /// is read, in parallel, with its place in path order: a caller that keeps less than
    /// the bytes (the builder keeps the parsed article) never holds every article's bytes
    /// at once. A file that cannot be read makes the whole reading fail (the first such
    /// error in path order is returned), whatever was handed on before it.
    fn each_article(
        &self,
        each: &(dyn Fn(usize, SourceArticle) + Sync),
    ) -> Result<(), ContentError>;

    /// The bytes of a file beside an article (repository-relative path).
    fn read_file(&self, path: &Path) -> Result<Vec<u8>, ContentError>;
    /// Whether the pages are the public site (false: a preview of the working tree).
    fn is_public(&self) -> bool;
    /// The site files (settings, themes, static files) that go with these articles: the
    /// approved version for the public site, the working tree's for a preview.
    /// Shared, so that a source holding them hands them over without a copy.
    fn site_files(&self) -> Result<std::sync::Arc<super::SiteFiles>, ContentError>;
}

/// What `each` makes of every article of `source`, in path order, each made as soon as
/// the article is read (`ContentSource::each_article`).
pub fn read_each<T: Send>(
    source: &dyn ContentSource,
    each: impl Fn(SourceArticle) -> T + Sync,
) -> Result<Vec<T>, ContentError> {
    let made = std::sync::Mutex::new(Vec::new());
    source.each_article(&|i, article| {
        let one = each(article);
        made.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((i, one));
    })?;
    let mut made = made
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    made.sort_unstable_by_key(|(i, _)| *i);
    Ok(made.into_iter().map(|(_, one)| one).collect())
}

/// The articles as they are in the working tree, whatever their state.
pub struct WorkingTree {
    pub root: PathBuf,
    /// The largest attachment accepted.
    pub max_file_bytes: u64,
}

impl WorkingTree {
    pub fn new(root: &Path, max_file_bytes: u64) -> Self {
        WorkingTree {
            root: root.to_path_buf(),
            max_file_bytes,
        }
    }

    /// Repository-relative paths of every article file under `content/`, sorted.
    pub fn article_paths(&self) -> Result<Vec<PathBuf>, ContentError> {
        Ok(self.markdown_files()?.0)
    }

    /// Markdown files inside a bundle that are not its article (`index.md`,
    /// `index.en.md`): an attachment named `ghi-chu.md`, say. They are neither built nor
    /// published (as in the live set), and `stp check` names them.
    pub fn stray_markdown(&self) -> Result<Vec<PathBuf>, ContentError> {
        Ok(self.markdown_files()?.1)
    }

    /// The articles, and the Markdown files inside bundles that are not articles.
    fn markdown_files(&self) -> Result<(Vec<PathBuf>, Vec<PathBuf>), ContentError> {
        let content = self.root.join("content");
        if !content.is_dir() {
            return Ok((Vec::new(), Vec::new()));
        }
        check_inside(&self.root, &content).map_err(|e| relative(e, &self.root))?;
        let mut out = Vec::new();
        let mut strays = Vec::new();
        for entry in WalkDir::new(&content).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                ContentError::file(
                    e.path().unwrap_or(&content).to_path_buf(),
                    format!("cannot be read: {e}"),
                )
            })?;
            check_entry(&entry).map_err(|e| relative(e, &self.root))?;
            let name = entry.file_name().to_string_lossy();
            if !name.ends_with(".md") || name.starts_with('.') {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(&self.root)
                .unwrap_or(entry.path())
                .to_path_buf();
            if self.inside_bundle(&rel) {
                strays.push(rel);
            } else {
                out.push(rel);
            }
        }
        Ok((out, strays))
    }

    /// Whether `rel` (`content/<section>/<slug>/…/<name>.md`) lies in a bundle folder and
    /// is not the bundle's article.
    pub fn inside_bundle(&self, rel: &Path) -> bool {
        let parts: Vec<_> = rel.components().collect();
        if parts.len() < 4 {
            return false;
        }
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if parts.len() == 4 && (name == "index.md" || name == "index.en.md") {
            return false;
        }
        let bundle: PathBuf = parts[..3].iter().collect();
        ["index.md", "index.en.md"]
            .iter()
            .any(|n| self.root.join(&bundle).join(n).is_file())
    }

    /// The files beside `article` when it is a bundle's `index.md`, repository-relative.
    pub fn bundle_files(&self, article: &Path) -> Result<Vec<PathBuf>, ContentError> {
        let name = article.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.starts_with("index.") {
            return Ok(Vec::new());
        }
        let dir = self.root.join(article.parent().unwrap_or(Path::new("")));
        let mut files = Vec::new();
        // `nguon/` keeps a submission as received (with the sender's details): it is
        // part of the record, never of the site. The builder enforces that for every
        // source (render::build); the working tree does not even walk it.
        let walk = WalkDir::new(&dir).min_depth(1).sort_by_file_name();
        let walk = walk.into_iter().filter_entry(|e| {
            !(e.depth() == 1 && e.file_type().is_dir() && e.file_name() == super::paths::RECORD_DIR)
        });
        for entry in walk {
            let entry =
                entry.map_err(|e| ContentError::file(&dir, format!("cannot be read: {e}")))?;
            check_entry(&entry).map_err(|e| relative(e, &self.root))?;
            if entry.file_type().is_dir() {
                continue;
            }
            let n = entry.file_name().to_string_lossy();
            if n.ends_with(".md") || n.starts_with('.') {
                continue;
            }
            files.push(
                entry
                    .path()
                    .strip_prefix(&self.root)
                    .unwrap_or(entry.path())
                    .to_path_buf(),
            );
        }
        Ok(files)
    }
}

impl ContentSource for WorkingTree {
    fn each_article(
        &self,
        each: &(dyn Fn(usize, SourceArticle) + Sync),
    ) -> Result<(), ContentError> {
        // Read in parallel; the first error in path order is the one reported.
        let read: Vec<Result<(), ContentError>> = self
            .article_paths()?
            .into_par_iter()
            .enumerate()
            .map(|(i, path)| {
                let bytes = read_limited(&self.root.join(&path), MAX_FILE_BYTES)
                    .map_err(|e| relative(e, &self.root))?;
                let files = self.bundle_files(&path)?;
                each(
                    i,
                    SourceArticle {
                        path,
                        bytes,
                        state: None,
                        files,
                        published: None,
                    },
                );
                Ok(())
            })
            .collect();
        read.into_iter().collect()
    }

    fn read_file(&self, path: &Path) -> Result<Vec<u8>, ContentError> {
        read_limited(&self.root.join(path), self.max_file_bytes)
            .map_err(|e| relative(e, &self.root))
    }

    fn is_public(&self) -> bool {
        false
    }

    fn site_files(&self) -> Result<std::sync::Arc<super::SiteFiles>, ContentError> {
        super::SiteFiles::from_working_tree(&self.root).map(std::sync::Arc::new)
    }
}

/// Rewrites an error about an absolute path to name the repository-relative one.
pub(super) fn relative(err: ContentError, root: &Path) -> ContentError {
    match err {
        ContentError::At(e) if e.line.is_none() => ContentError::At(FileError {
            file: e
                .file
                .strip_prefix(root)
                .map(Path::to_path_buf)
                .unwrap_or(e.file),
            ..e
        }),
        ContentError::Io { file, source } => ContentError::Io {
            file: file
                .strip_prefix(root)
                .map(Path::to_path_buf)
                .unwrap_or(file),
            source,
        },
        other => other,
    }
}
