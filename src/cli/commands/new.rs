//! `stp new SECTION TITLE`: a draft article with the front matter its section needs.

use std::path::PathBuf;

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::repo::find_root;
use crate::content::{SectionKind, SiteConfig, slugify};

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The section's slug, e.g. `tin-tuc` (see site.toml).
    pub section: String,
    /// The article's title, in Vietnamese.
    pub title: String,
    /// Make a bundle (a folder with index.md) for pictures and attachments.
    #[arg(long)]
    pub bundle: bool,
}

pub fn run(repo: Option<PathBuf>, args: NewArgs) -> CliResult {
    let root = find_root(repo)?;
    let config = SiteConfig::load(&root.join("site.toml"))?;
    let section = config.section(&args.section).ok_or_else(|| {
        CliError::failed(t!("new-no-section", section = &args.section))
            .hint(t!("new-no-section-hint", sections = config.section_slugs()))
    })?;
    let slug = slugify(&args.title);
    if slug.is_empty() {
        return Err(CliError::usage(t!("new-empty-slug")));
    }
    let kind = section.kind;
    let bundle = args.bundle || matches!(kind, SectionKind::LegalDocument);
    let rel = if bundle {
        PathBuf::from(format!("content/{}/{slug}/index.md", section.slug))
    } else {
        PathBuf::from(format!("content/{}/{slug}.md", section.slug))
    };
    let path = root.join(&rel);
    if path.exists() || path.with_extension("").join("index.md").exists() {
        return Err(
            CliError::failed(t!("new-exists", article = rel.display().to_string()))
                .hint(t!("new-exists-hint")),
        );
    }
    let today = chrono::Utc::now()
        .with_timezone(&crate::content::date::vietnam())
        .format("%Y-%m-%d")
        .to_string();
    let text = template(&args.title, &today, kind);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&path, text)?;
    println!("{}", rel.display());
    Ok(())
}

/// The front matter a new article of `kind` starts with.
pub fn template(title: &str, today: &str, kind: SectionKind) -> String {
    let title = title.replace('"', "\\\"");
    let mut s = format!(
        "---\ntitle: \"{title}\"\ndate: {today}\nsummary: \"\"\ntags: []\nauthor: \"\"\nunit: \"\"\nstatus: draft\n"
    );
    let block = match kind {
        SectionKind::LegalDocument => {
            "document:\n  type: \"Quyết định\"\n  number: \"\"\n  issuer: \"\"\n  issued: TODAY\n  effective: TODAY\n  excerpt: \"\"\n  file: van-ban.pdf\n"
        }
        SectionKind::Procedure => {
            "procedure:\n  field: \"\"\n  service_level: \"toàn trình\"\n  processing_time: \"\"\n  fees: \"Không\"\n  portal_url: \"https://dichvucong.gov.vn\"\n"
        }
        SectionKind::Qa => {
            "qa:\n  question: \"\"\n  asker: \"\"\n  asked: TODAY\n  answered_by: \"\"\n  consult_ministry: false\n"
        }
        SectionKind::Draft => "draft:\n  comment_until: TODAY\n  drafting_body: \"\"\n",
        SectionKind::Schedule => {
            "schedule:\n  - date: TODAY\n    time: \"08:00\"\n    content: \"\"\n    leader: \"\"\n    location: \"\"\n"
        }
        SectionKind::Staff => {
            "person:\n  name: \"\"\n  position: \"\"\n  unit: \"\"\n  phone: \"\"\n  email: \"\"\n"
        }
        SectionKind::Article | SectionKind::News | SectionKind::Page => "",
    };
    s.push_str(&block.replace("TODAY", today));
    s.push_str("---\n\n");
    s.push_str(crate::content::PLACEHOLDER_BODY);
    s.push('\n');
    s
}
