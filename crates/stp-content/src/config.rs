//! `site.toml`: the site's settings, read strictly. An unknown key is an error that names
//! its line, so a typo never silently changes the site.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::ContentError;
use super::location::line_of_offset;

/// The whole of `site.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub title_en: Option<String>,
    pub base_url: String,
    #[serde(default = "default_language")]
    pub default_language: String,
    #[serde(default = "default_languages")]
    pub languages: Vec<String>,
    #[serde(default = "default_page_size")]
    pub page_size: usize,
    #[serde(default = "default_theme")]
    pub theme: String,
    pub agency: Agency,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub menu: Vec<MenuItem>,
    #[serde(default = "default_true")]
    pub feeds: bool,
    /// Attachments larger than this are refused (bytes).
    #[serde(default = "default_max_attachment")]
    pub max_attachment_bytes: u64,
    /// Write a gzip and a brotli variant beside every text file of the build (as
    /// `stp build --compress` does), for a web server that serves them as they are.
    #[serde(default)]
    pub compress: bool,
}

/// The agency and the board's contacts (Điều 6.5, 6.6; Thông tư 32/2017 Điều 16).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub parent_en: Option<String>,
    pub address: String,
    #[serde(default)]
    pub address_en: Option<String>,
    pub phone: String,
    #[serde(default)]
    pub fax: Option<String>,
    pub email: String,
    /// The editorial board's mailbox (Điều 6.6).
    pub board_email: String,
    /// The person responsible for the site, shown in the footer.
    pub responsible: String,
    #[serde(default)]
    pub responsible_en: Option<String>,
    #[serde(default)]
    pub license: Option<String>,
}

/// One section of the site (Điều 5).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The folder under `content/` and the URL path: plain ASCII, e.g. `tin-tuc`.
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub kind: SectionKind,
    #[serde(default)]
    pub description: Option<String>,
    /// Shown in the main menu.
    #[serde(default = "default_true")]
    pub in_menu: bool,
}

/// What the articles of a section carry beyond the common fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Plain articles (dissemination, research, guidance, plans…).
    Article,
    /// News and events.
    News,
    /// Standing pages (introduction, contacts).
    Page,
    /// Legal, direction and administration documents.
    LegalDocument,
    /// Administrative procedures and online public services.
    Procedure,
    /// Legal questions and answers.
    Qa,
    /// Draft legal documents open for comment.
    Draft,
    /// The leadership's weekly work schedule.
    Schedule,
    /// The staff directory.
    Staff,
}

impl SectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Article => "article",
            SectionKind::News => "news",
            SectionKind::Page => "page",
            SectionKind::LegalDocument => "legal_document",
            SectionKind::Procedure => "procedure",
            SectionKind::Qa => "qa",
            SectionKind::Draft => "draft",
            SectionKind::Schedule => "schedule",
            SectionKind::Staff => "staff",
        }
    }
}

/// A menu entry that is not a section (the sitemap, contacts in English…).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub url: String,
}

fn default_language() -> String {
    "vi".into()
}
fn default_languages() -> Vec<String> {
    vec!["vi".into(), "en".into()]
}
fn default_page_size() -> usize {
    10
}
fn default_theme() -> String {
    "default".into()
}
fn default_true() -> bool {
    true
}
fn default_max_attachment() -> u64 {
    20 * 1024 * 1024
}

/// The largest `site.toml` read.
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

impl SiteConfig {
    /// Reads and checks `site.toml`.
    pub fn load(path: &Path) -> Result<SiteConfig, ContentError> {
        Self::from_bytes(path, &super::paths::read_limited(path, MAX_SETTINGS_BYTES)?)
    }

    /// Checks `site.toml` as read (from a file or from git); `path` is only used in errors.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<SiteConfig, ContentError> {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| ContentError::file(path, "is not UTF-8 text; save it as UTF-8"))?;
        Self::parse(path, text)
    }

    /// Parses `site.toml` text; `path` is only used in errors.
    pub fn parse(path: &Path, text: &str) -> Result<SiteConfig, ContentError> {
        let config: SiteConfig = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of_offset(text, s.start)).unwrap_or(1);
            ContentError::at(path, line, e.message().trim().to_string())
        })?;
        config.validate(path, text)?;
        Ok(config)
    }

    fn validate(&self, path: &Path, text: &str) -> Result<(), ContentError> {
        let line_of = |needle: &str| {
            text.find(needle)
                .map(|o| line_of_offset(text, o))
                .unwrap_or(1)
        };
        if self.page_size == 0 {
            return Err(ContentError::at(
                path,
                line_of("page_size"),
                "page_size must be at least 1",
            ));
        }
        if !self.base_url.starts_with("http://") && !self.base_url.starts_with("https://") {
            return Err(ContentError::at(
                path,
                line_of("base_url"),
                "base_url must start with https:// (or http://)",
            ));
        }
        // A theme is a folder under themes/, named plainly: never a path that leaves it.
        let theme = &self.theme;
        if theme.is_empty()
            || theme.starts_with('.')
            || !theme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        {
            return Err(ContentError::at(
                path,
                super::location::line_of_key(text, "theme", 1),
                format!(
                    "theme `{theme}` is not a plain folder name; name a folder under themes/ (letters, digits, `-`, `_`), e.g. `default`"
                ),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for s in &self.sections {
            let line = line_of(&format!("\"{}\"", s.slug));
            if s.slug.is_empty()
                || !s
                    .slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                return Err(ContentError::at(
                    path,
                    line,
                    format!(
                        "section slug `{}` must be lower-case ASCII letters, digits and `-`",
                        s.slug
                    ),
                ));
            }
            if !seen.insert(s.slug.as_str()) {
                return Err(ContentError::at(
                    path,
                    line,
                    format!("section `{}` is listed twice", s.slug),
                ));
            }
            if RESERVED.contains(&s.slug.as_str()) {
                return Err(ContentError::at(
                    path,
                    line,
                    format!("section slug `{}` is reserved by stp", s.slug),
                ));
            }
        }
        Ok(())
    }

    /// Every section as `slug (Name)`, comma-separated: what an error lists as the valid
    /// choices.
    pub fn section_slugs(&self) -> String {
        self.sections
            .iter()
            .map(|s| format!("{} ({})", s.slug, s.name))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn section(&self, slug: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.slug == slug)
    }

    /// The base URL without a trailing slash.
    pub fn base(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }
}

/// URL paths the builder itself uses.
const RESERVED: &[&str] = &["en", "the", "assets", "tim-kiem", "so-do-trang", "feeds"];

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
title = "Sở Tư pháp"
base_url = "https://example.gov.vn"
[agency]
name = "Sở Tư pháp tỉnh Bình Phước"
address = "Đồng Xoài"
phone = "0271"
email = "stp@example.gov.vn"
board_email = "bbt@example.gov.vn"
responsible = "Nguyễn Văn A"
[[sections]]
slug = "tin-tuc"
name = "Tin tức"
kind = "news"
"#;

    #[test]
    fn parses_minimal() {
        let c = SiteConfig::parse(Path::new("site.toml"), MINIMAL).unwrap();
        assert_eq!(c.sections[0].kind, SectionKind::News);
        assert_eq!(c.page_size, 10);
    }

    #[test]
    fn unknown_key_names_its_line() {
        let text = MINIMAL.replace("title = \"Sở Tư pháp\"", "title = \"x\"\ntitel = \"y\"");
        let err = SiteConfig::parse(Path::new("site.toml"), &text).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("site.toml:3:"), "{msg}");
        assert!(msg.contains("titel"), "{msg}");
    }

    #[test]
    fn bad_section_slug_refused() {
        let text = MINIMAL.replace("slug = \"tin-tuc\"", "slug = \"Tin Tức\"");
        let err = SiteConfig::parse(Path::new("site.toml"), &text).unwrap_err();
        assert!(err.to_string().contains("lower-case ASCII"), "{err}");
    }

    #[test]
    fn theme_that_is_a_path_refused_with_its_line() {
        for bad in ["../../elsewhere", "/etc", "a/b", "..", "a\\b", ""] {
            let text = MINIMAL.replace("[agency]", &format!("theme = {bad:?}\n[agency]"));
            let err = SiteConfig::parse(Path::new("site.toml"), &text).unwrap_err();
            let msg = err.to_string();
            assert!(msg.contains("is not a plain folder name"), "{bad}: {msg}");
            let line = text.lines().position(|l| l.starts_with("theme")).unwrap() + 1;
            assert!(
                msg.starts_with(&format!("site.toml:{line}:")),
                "{bad}: {msg}"
            );
        }
        let text = MINIMAL.replace("[agency]", "theme = \"so-tu-phap_2\"\n[agency]");
        assert!(SiteConfig::parse(Path::new("site.toml"), &text).is_ok());
    }
}
