//! Render owns turning the site model into files: Markdown to safe HTML, the theme's
//! templates, feeds, sitemaps, the search index, and writing it all atomically. Pages
//! render in parallel over the immutable site model; each is written as soon as it is
//! rendered, so memory does not hold the whole site's HTML.

mod build;
pub mod check;
pub mod compress;
mod context;
mod feeds;
mod footnotes;
mod fragments;
pub mod headers;
mod incremental;
pub mod markdown;
pub mod memory;
mod metadata;
mod options;
mod output;
mod packing;
mod pages;
mod previous;
mod search;
mod sitemap;
mod theme;

use std::path::{Path, PathBuf};

pub use build::{BuildReport, Stages, build, load_site};
pub use feeds::xml_escape;
pub use incremental::{Incremental, Update};
pub use options::RenderOptions;
pub use output::{Staging, resolved, write_under};
pub use search::fold;
pub use theme::{DEFAULT_THEME, Theme};

use stp_content::ContentError;

/// Why a build failed. Nothing was written to the output folder.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{}", list_errors(.0))]
    Content(Vec<ContentError>),
    #[error(transparent)]
    Site(#[from] stp_site::SiteError),
    #[error("theme: {0}")]
    Theme(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Output(String),
}

impl From<ContentError> for RenderError {
    fn from(e: ContentError) -> Self {
        RenderError::Content(vec![e])
    }
}

impl RenderError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        RenderError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

fn list_errors(errors: &[ContentError]) -> String {
    let mut s = String::new();
    for (i, e) in errors.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(&e.to_string());
    }
    if errors.len() > 1 {
        s.push_str(&format!(
            "\n{} articles have errors; the build wrote nothing",
            errors.len()
        ));
    }
    s
}
