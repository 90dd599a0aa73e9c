//! Writing a [`Submission`] as an article bundle, all or nothing: everything goes into a
//! hidden temporary folder beside the target, the article is parsed back with the site's
//! own rules, and only then is the folder renamed into place. The sources (the `.eml` or
//! the document as received) go in `nguon/`, which the builder never publishes.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{ImportError, Submission};
use stp_content::{
    Attachment, FrontMatter, IntakeRecord, LegalDocument, Sender, SiteConfig, parse_article,
};

pub use stp_content::RECORD_DIR;

/// The front matter intake writes, in a fixed order, without empty fields.
#[derive(Serialize)]
struct Written<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    status: &'a str,
    /// Who wrote it (the royalties, Điều 8): the sender.
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    attachments: &'a [Attachment],
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a LegalDocument>,
    sender: &'a SenderOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    intake: Option<&'a IntakeRecord>,
}

#[derive(Serialize)]
struct SenderOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<&'a str>,
}

/// The text of `index.md`.
pub fn article_text(s: &Submission) -> String {
    let f: &FrontMatter = &s.front;
    let empty = Sender::default();
    let who = f.sender.as_deref().unwrap_or(&empty);
    let sender = SenderOut {
        organisation: who.organisation.as_deref(),
        name: who.name.as_deref(),
        title: who.title.as_deref(),
        email: who.email.as_deref(),
        phone: who.phone.as_deref(),
        address: who.address.as_deref(),
    };
    let written = Written {
        title: &f.title,
        date: f.date.as_deref(),
        status: f.status.as_deref().unwrap_or("submitted"),
        author: f.author.as_deref(),
        attachments: &f.attachments,
        document: f.document.as_deref(),
        sender: &sender,
        intake: f.intake.as_deref(),
    };
    let yaml = serde_saphyr::to_string(&written).unwrap_or_default();
    format!("---\n{yaml}---\n\n{}", s.body)
}

/// Writes the bundle under `root` and returns the article's repository-relative path
/// (`content/<section>/<slug>/index.md`). A slug already taken gets `-2`, `-3`….
pub fn write(root: &Path, config: &SiteConfig, s: &Submission) -> Result<PathBuf, ImportError> {
    let section_dir = root.join("content").join(&s.section);
    let mut slug = s.slug.clone();
    let mut n = 2;
    while section_dir.join(&slug).exists() || section_dir.join(format!("{slug}.md")).exists() {
        slug = format!("{}-{n}", s.slug);
        n += 1;
    }
    let rel = PathBuf::from("content")
        .join(&s.section)
        .join(&slug)
        .join("index.md");
    let text = article_text(s);
    // The article must be one the site accepts before anything is written.
    parse_article(&rel, text.as_bytes(), config).map_err(|e| {
        ImportError::file(
            &rel,
            format!(
                "would not be a valid article ({e}); this is a bug in intake, please report it"
            ),
        )
    })?;
    std::fs::create_dir_all(&section_dir)
        .map_err(|e| ImportError::file(&section_dir, e.to_string()))?;
    let tmp = section_dir.join(format!(".{slug}.stp-intake-{}", std::process::id()));
    let result = fill(&tmp, &text, s).and_then(|()| {
        std::fs::rename(&tmp, section_dir.join(&slug))
            .map_err(|e| ImportError::file(section_dir.join(&slug), e.to_string()))
    });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result.map(|()| rel)
}

fn fill(tmp: &Path, text: &str, s: &Submission) -> Result<(), ImportError> {
    let io = |p: &Path, e: std::io::Error| ImportError::file(p, e.to_string());
    std::fs::create_dir_all(tmp).map_err(|e| io(tmp, e))?;
    std::fs::write(tmp.join("index.md"), text).map_err(|e| io(tmp, e))?;
    for f in &s.files {
        stp_content::check_relative_path(Path::new("index.md"), 1, &f.name)
            .map_err(|e| ImportError::file(tmp, e.to_string()))?;
        let path = tmp.join(&f.name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        std::fs::write(&path, &f.bytes).map_err(|e| io(&path, e))?;
    }
    Ok(())
}
