//! Intake of submissions (Điều 9.1, 11.1): e-mail messages (`.eml`, Maildir folders),
//! Word and OpenOffice documents and pictures become one in-memory [`Submission`] (front
//! matter with the sender, a Markdown body, the pictures and files) that
//! [`bundle::write`] puts into `content/<section>/<slug>/` in one rename, with the
//! source kept in the bundle's `nguon/` folder. Nothing is written for a refusal.
//! See docs/intake.md.

mod anchors;
mod archive;
pub mod bundle;
pub mod document;
pub mod docx;
pub mod eml;
pub mod images;
mod legal;
pub mod maildir;
mod markdown;
mod numbering;
pub mod odt;
pub mod pdf_signature;
mod sender;
mod submission;
mod xml;

use std::path::{Path, PathBuf};

pub use bundle::{RECORD_DIR, write};
pub use submission::{BundleFile, Submission, assemble, assemble_from};

/// Any single XML part of a document larger than this is refused.
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

/// A submission refused, naming the file it is about and what to do (the readers' shared
/// error, without a line).
pub type ImportError = stp_content::FileError;

/// Limits from `site.toml`.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// `max_attachment_bytes`: any one attachment or embedded picture.
    pub max_attachment_bytes: u64,
}

/// One submission's inputs as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One e-mail message (an `.eml` file, or a message in a Maildir).
    Mail(PathBuf),
    /// Documents, pictures and files handed over directly (USB, CD: Điều 9.1).
    Files(Vec<PathBuf>),
}

/// Groups command-line paths into submissions: each `.eml` and each Maildir message is
/// one; all other files together are one.
pub fn inputs(paths: &[PathBuf]) -> Result<Vec<Input>, ImportError> {
    let mut out = Vec::new();
    let mut loose = Vec::new();
    for p in paths {
        if p.is_dir() {
            if !maildir::is_maildir(p) {
                return Err(ImportError::file(
                    p,
                    "is a folder but not a Maildir (no cur/ or new/ inside); give the .eml files or documents instead",
                ));
            }
            out.extend(maildir::messages(p)?.into_iter().map(Input::Mail));
        } else if extension(p) == "eml" {
            out.push(Input::Mail(p.clone()));
        } else {
            loose.push(p.clone());
        }
    }
    if !loose.is_empty() {
        out.push(Input::Files(loose));
    }
    Ok(out)
}

/// A file's extension, lower case.
pub fn extension(p: &Path) -> String {
    p.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}
