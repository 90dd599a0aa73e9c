//! One article: YAML front matter between `---` lines, then Markdown. Parsing checks the
//! file's size and encoding, the front matter against its section's schema, and every
//! path the article names; errors carry the file, line and field.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::body::Body;
use super::config::{SectionKind, SiteConfig};
use super::date::parse_datetime;
use super::error::ContentError;
use super::location::line_of_key;
use super::paths::{MAX_FILE_BYTES, check_relative_path};
use super::schema::{
    DraftInfo, IntakeRecord, LegalDocument, Procedure, QaInfo, ScheduleEntry, Sender, StaffInfo,
};
use super::slug::slugify;
use super::text;
use super::url::{check_link, check_named_file};

/// Front matter larger than this is refused (it is metadata, not content).
const MAX_FRONT_MATTER: usize = 64 * 1024;

/// The front matter, common fields first, then the typed block of its section kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    /// Publication (or event) date: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or RFC 3339.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub updated: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub author: Option<String>,
    /// The contributing unit (for quotas, Điều 9.4).
    #[serde(default)]
    pub unit: Option<String>,
    /// The workflow state as last written by stp; informative only, never trusted.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub image: Option<Image>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Lower comes first in lists; otherwise newest first.
    #[serde(default)]
    pub weight: Option<i64>,
    /// Shown on the home page (featured procedures, notices).
    #[serde(default)]
    pub featured: bool,
    /// Not on the public site before this moment (Vietnam time; a date means its first
    /// minute), though published: a legal document that waits for its effective date.
    /// A scheduled rebuild puts it online; nobody signs at midnight.
    #[serde(default)]
    pub publish_at: Option<String>,
    /// Deadline kind for the workflow (`news`, `document`, `plan`, `statistics`, `answer`…);
    /// defaults to the section's.
    #[serde(default)]
    pub deadline_kind: Option<String>,
    /// When the deadline starts: the event, issue or approval (date or date-time).
    #[serde(default)]
    pub deadline_from: Option<String>,
    #[serde(default)]
    pub sender: Option<Box<Sender>>,
    /// How `stp intake` took the submission in (never published).
    #[serde(default)]
    pub intake: Option<Box<IntakeRecord>>,
    #[serde(default)]
    pub document: Option<Box<LegalDocument>>,
    #[serde(default)]
    pub procedure: Option<Box<Procedure>>,
    #[serde(default)]
    pub qa: Option<Box<QaInfo>>,
    #[serde(default)]
    pub draft: Option<Box<DraftInfo>>,
    #[serde(default)]
    pub schedule: Option<Vec<ScheduleEntry>>,
    #[serde(default)]
    pub person: Option<Box<StaffInfo>>,
}

/// A picture at the head of an article; `alt` is required (Thông tư 32/2017).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub src: String,
    pub alt: String,
}

/// A downloadable file beside the article.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub file: String,
    pub title: String,
}

/// A parsed, checked article.
#[derive(Debug, Clone)]
pub struct Article {
    /// Repository-relative path, `content/<section>/<slug>.md` or `.../<slug>/index.md`.
    pub path: PathBuf,
    pub section: String,
    pub kind: SectionKind,
    pub slug: String,
    /// `vi` or `en` (`<slug>.en.md` / `index.en.md`).
    pub lang: String,
    pub front: FrontMatter,
    /// The Markdown after the front matter, held compressed (`Body::text` gives it).
    pub body: Body,
    /// The line the body starts on, for errors in Markdown.
    pub body_line: usize,
    /// The folder holding the article's pictures and files (a bundle), if it is one.
    pub bundle_dir: Option<PathBuf>,
    pub date: Option<DateTime<FixedOffset>>,
}

impl Article {
    /// Whether the article is held back from the public site at `now` (Vietnam local
    /// time) by its `publish_at`.
    pub fn scheduled_after(&self, now: chrono::NaiveDateTime) -> bool {
        self.front
            .publish_at
            .as_deref()
            .and_then(super::date::parse_datetime)
            .is_some_and(|at| at.with_timezone(&super::date::vietnam()).naive_local() > now)
    }

    /// The page's URL path, e.g. `/tin-tuc/hoi-nghi/` or `/en/gioi-thieu/history/`.
    pub fn url_path(&self) -> String {
        if self.lang == "vi" {
            format!("/{}/{}/", self.section, self.slug)
        } else {
            format!("/{}/{}/{}/", self.lang, self.section, self.slug)
        }
    }

    /// Every file the article names, relative to its folder.
    pub fn named_files(&self) -> Vec<&str> {
        let f = &self.front;
        let mut out: Vec<&str> = f.attachments.iter().map(|a| a.file.as_str()).collect();
        out.extend(f.image.as_ref().map(|i| i.src.as_str()));
        out.extend(f.document.as_ref().map(|d| d.file.as_str()));
        out.extend(f.draft.as_ref().and_then(|d| d.file.as_deref()));
        out.retain(|p| !super::url::is_web_link(p));
        out
    }
}

/// Parses the article at repository-relative `path` from `bytes`.
pub fn parse_article(
    path: &Path,
    bytes: &[u8],
    config: &SiteConfig,
) -> Result<Article, ContentError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ContentError::file(
            path,
            format!(
                "is {:.1} MB, over the {} MB limit for an article; move large files to attachments",
                bytes.len() as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        )
        .said(
            "content-too-large",
            [
                ("size", format!("{:.1}", bytes.len() as f64 / 1_048_576.0)),
                ("limit", (MAX_FILE_BYTES / 1_048_576).to_string()),
            ],
        ));
    }
    let text = simdutf8::compat::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        ContentError::at(
            path,
            line,
            "is not valid UTF-8; save the file as UTF-8 (Unicode, TCVN 6909:2001)",
        )
        .said("content-not-utf8", [])
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (yaml, body, body_line) = split_front_matter(path, text)?;
    // Only legacy encodings stop a build (`stp check` reports text that is not NFC), so
    // this looks for nothing else.
    for (i, line) in text.lines().enumerate() {
        if let Some(encoding) = text::detect_legacy(line) {
            return Err(ContentError::at(
                path,
                i + 1,
                format!(
                    "text looks like legacy {encoding} encoding; convert it to Unicode (`stp check --fix`)"
                ),
            )
            .said("content-legacy", [("encoding", encoding.to_string())]));
        }
    }
    let front: FrontMatter = parse_yaml(path, yaml)?;
    let (section, slug, lang, bundle_dir) = locate(path, &front, yaml)?;
    let section_cfg = config.section(&section).ok_or_else(|| {
        ContentError::file(
            path,
            format!(
                "is in section `{section}`, which site.toml does not list; move it to one of: {}",
                config.section_slugs()
            ),
        )
        .said(
            "content-unknown-section",
            [
                ("section", section.clone()),
                ("sections", config.section_slugs()),
            ],
        )
    })?;
    let kind = section_cfg.kind;
    check_kind_fields(path, yaml, &front, kind)?;
    let date = match &front.date {
        Some(d) => Some(parse_datetime(d).ok_or_else(|| {
            ContentError::at(
                path,
                line_of_key(yaml, "date", 2),
                format!("date `{d}` is not a date; write YYYY-MM-DD or YYYY-MM-DD HH:MM"),
            )
            .said("content-bad-date", [("date", d.clone())])
        })?),
        None => None,
    };
    check_dates(path, yaml, &front)?;
    check_front_links(path, yaml, &front)?;
    if front.title.trim().is_empty() {
        return Err(ContentError::at(
            path,
            line_of_key(yaml, "title", 2),
            "title is empty; give the article a title",
        )
        .said("content-no-title", []));
    }
    let article = Article {
        path: path.to_path_buf(),
        section,
        kind,
        slug,
        lang,
        front,
        body: Body::plain(body),
        body_line,
        bundle_dir,
        date,
    };
    for file in article.named_files() {
        check_relative_path(path, line_of_value(yaml, "file", file), file)?;
    }
    Ok(article)
}

/// Every link and file name in the front matter follows the body's link rule
/// (`url::safe_url`); a named file is a plain name or an http(s) link, in a format a
/// browser runs no script from. Refused with the file, line and field.
fn check_front_links(path: &Path, yaml: &str, f: &FrontMatter) -> Result<(), ContentError> {
    if let Some(url) = f.procedure.as_ref().and_then(|p| p.portal_url.as_deref()) {
        let line = line_of_value(yaml, "portal_url", url);
        check_link(path, line, "procedure.portal_url", url)?;
    }
    let mut named: Vec<(&str, &str)> = f
        .attachments
        .iter()
        .map(|a| ("attachments", a.file.as_str()))
        .collect();
    named.extend(f.image.as_ref().map(|i| ("image.src", i.src.as_str())));
    named.extend(
        f.document
            .as_ref()
            .map(|d| ("document.file", d.file.as_str())),
    );
    named.extend(
        f.draft
            .as_ref()
            .and_then(|d| d.file.as_deref())
            .map(|file| ("draft.file", file)),
    );
    for (field, value) in named {
        let key = field.rsplit('.').next().unwrap_or(field);
        let key = if key == "attachments" { "file" } else { key };
        check_named_file(path, line_of_value(yaml, key, value), field, value)?;
    }
    Ok(())
}

/// The line of the first `key:` whose line holds `value` (a list may repeat the key), else
/// of the first `key:`.
fn line_of_value(yaml: &str, key: &str, value: &str) -> usize {
    yaml.lines()
        .position(|l| l.contains(key) && l.contains(value))
        .map(|i| i + 2)
        .unwrap_or_else(|| line_of_key(yaml, key, 2))
}

/// Splits `---\n<yaml>\n---\n<body>`; returns the YAML, the body and the body's first line.
fn split_front_matter<'a>(
    path: &Path,
    text: &'a str,
) -> Result<(&'a str, &'a str, usize), ContentError> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .ok_or_else(|| {
            ContentError::at(
                path,
                1,
                "has no front matter; start the file with a `---` line, the fields, and another `---` line",
            )
            .said("content-no-front-matter", [])
        })?;
    let end = rest
        .match_indices("\n---")
        .find(|(i, _)| {
            let after = &rest[i + 4..];
            after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n")
        })
        .map(|(i, _)| i)
        .ok_or_else(|| {
            ContentError::at(
                path,
                1,
                "front matter is not closed; add a `---` line after the last field",
            )
            .said("content-front-matter-open", [])
        })?;
    if end > MAX_FRONT_MATTER {
        return Err(ContentError::at(
            path,
            1,
            "front matter is over 64 KB; keep long text in the body",
        )
        .said("content-front-matter-large", []));
    }
    let yaml = &rest[..end + 1];
    let after = &rest[end + 4..];
    let body = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .unwrap_or(after);
    let body_line = yaml.lines().count() + 3;
    Ok((yaml, body, body_line))
}

/// Reads the front matter with serde-saphyr, whose budget is enforced inside the parser:
/// no anchors or aliases at all (front matter has no use for them, and they are how
/// "billion laughs" documents grow, whatever tags or flow style hide them), a shallow
/// depth, and bounded events, nodes and text, so that no input makes the parse slow.
fn parse_yaml(path: &Path, yaml: &str) -> Result<FrontMatter, ContentError> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_anchors: 0,
            max_aliases: 0,
            max_depth: 16,
            max_documents: 1,
            max_events: 100_000,
            max_nodes: 50_000,
            max_merge_keys: 0,
            max_total_scalar_bytes: MAX_FRONT_MATTER,
        },
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options(yaml, options).map_err(|e| {
        // Lines count from the first `---`, which the YAML does not include.
        let line = e
            .location()
            .map(|l| l.line() as usize + 1)
            .filter(|&l| l > 1)
            .unwrap_or(2);
        let (message, id, args) = match &e {
            serde_saphyr::Error::Budget { breach, .. } => budget_message(breach),
            other => yaml_message(first_line(&other.to_string())),
        };
        ContentError::at(path, line, message).said(id, args)
    })
}

/// What a YAML or field error in front matter says: serde's words for a field that is
/// unknown or missing (`unknown field `x`, expected one of …`, `missing field `x``) are
/// said as such; any other parser message is passed on after `front matter:`.
fn yaml_message(detail: &str) -> Worded {
    let message = format!("front matter: {detail}");
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    if let Some(rest) = detail.strip_prefix("unknown field ")
        && let Some(field) = quoted(rest)
    {
        let allowed = rest
            .split_once("expected one of ")
            .map_or(String::new(), |(_, a)| a.replace('`', ""));
        return (
            message,
            "content-unknown-field",
            vec![("field", field), ("allowed", allowed)],
        );
    }
    if let Some(rest) = detail.strip_prefix("missing field ")
        && let Some(field) = quoted(rest)
    {
        return (message, "content-missing-field", vec![("field", field)]);
    }
    let args = vec![("detail", detail.to_string())];
    (message, "content-front-matter", args)
}

fn budget_message(breach: &serde_saphyr::budget::BudgetBreach) -> Worded {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Anchors { .. } | B::Aliases { .. } | B::MergeKeys { .. } => (
            "YAML anchors and aliases (`&name`, `*name`) are not allowed in front matter; write the value out".to_string(),
            "content-yaml-alias",
            Vec::new(),
        ),
        other => (
            format!(
                "front matter is too deeply nested or too large ({other:?}); keep it to plain fields and move long text to the body"
            ),
            "content-yaml-budget",
            vec![("detail", format!("{other:?}"))],
        ),
    }
}

/// A refusal's English message, and its message id and arguments (`ContentError::said`).
type Worded = (String, &'static str, Vec<(&'static str, String)>);

/// The first line of a parser's message, without the position it repeats.
fn first_line(message: &str) -> &str {
    let line = message.lines().next().unwrap_or(message);
    line.split(" at line ").next().unwrap_or(line)
}

/// Section, slug, language and bundle folder, from the path (and `slug:`).
fn locate(
    path: &Path,
    front: &FrontMatter,
    yaml: &str,
) -> Result<(String, String, String, Option<PathBuf>), ContentError> {
    let parts: Vec<&str> = path.iter().map(|c| c.to_str().unwrap_or("")).collect();
    let bad = || {
        ContentError::file(
            path,
            "is not where articles live; put it at content/<section>/<slug>.md or content/<section>/<slug>/index.md",
        )
        .said("content-misplaced", [])
    };
    if parts.first() != Some(&"content") || parts.iter().any(|p| p.is_empty() || *p == "..") {
        return Err(bad());
    }
    let file = *parts.last().ok_or_else(bad)?;
    let (stem, lang) = match file.strip_suffix(".md").ok_or_else(bad)? {
        s if s.ends_with(".en") => (&s[..s.len() - 3], "en"),
        s => (s, "vi"),
    };
    let (section, file_slug, bundle) = match parts.len() {
        3 if stem != "index" => (parts[1], stem, None),
        4 if stem == "index" => (
            parts[1],
            parts[2],
            Some(path.parent().unwrap_or(path).to_path_buf()),
        ),
        _ => return Err(bad()),
    };
    let slug = match &front.slug {
        Some(s) => {
            let line = line_of_key(yaml, "slug", 2);
            check_relative_path(path, line, s)?;
            if slugify(s) != *s {
                return Err(ContentError::at(
                    path,
                    line,
                    format!(
                        "slug `{s}` must be lower-case ASCII words joined by `-`, e.g. `{}`",
                        slugify(s)
                    ),
                )
                .said(
                    "content-bad-slug",
                    [("slug", s.clone()), ("suggestion", slugify(s))],
                ));
            }
            s.clone()
        }
        None => {
            if slugify(file_slug) != file_slug {
                return Err(ContentError::file(
                    path,
                    format!(
                        "file name `{file_slug}` is not a plain slug; rename it to `{}`",
                        slugify(file_slug)
                    ),
                )
                .said(
                    "content-bad-file-name",
                    [
                        ("name", file_slug.to_string()),
                        ("suggestion", slugify(file_slug)),
                    ],
                ));
            }
            file_slug.to_string()
        }
    };
    Ok((section.to_string(), slug, lang.to_string(), bundle))
}

/// The typed block of the section's kind must be there, and no other kind's.
fn check_kind_fields(
    path: &Path,
    yaml: &str,
    front: &FrontMatter,
    kind: SectionKind,
) -> Result<(), ContentError> {
    let present = [
        (
            "document",
            front.document.is_some(),
            SectionKind::LegalDocument,
        ),
        (
            "procedure",
            front.procedure.is_some(),
            SectionKind::Procedure,
        ),
        ("qa", front.qa.is_some(), SectionKind::Qa),
        ("draft", front.draft.is_some(), SectionKind::Draft),
        ("schedule", front.schedule.is_some(), SectionKind::Schedule),
        ("person", front.person.is_some(), SectionKind::Staff),
    ];
    for (field, is_there, its_kind) in present {
        if is_there && its_kind != kind {
            return Err(ContentError::at(
                path,
                line_of_key(yaml, field, 2),
                format!(
                    "field `{field}` belongs to {} sections, but this section holds {}; remove it or move the article",
                    its_kind.as_str(),
                    kind.as_str()
                ),
            ));
        }
        if !is_there && its_kind == kind {
            return Err(ContentError::at(
                path,
                2,
                format!(
                    "a {} article needs a `{field}:` block; `stp new` writes one to fill in",
                    kind.as_str()
                ),
            ));
        }
    }
    Ok(())
}

fn check_dates(path: &Path, yaml: &str, f: &FrontMatter) -> Result<(), ContentError> {
    let mut dates: Vec<(&str, &str)> = Vec::new();
    if let Some(d) = &f.document {
        dates.push(("issued", &d.issued));
        dates.push(("effective", &d.effective));
        if let Some(e) = &d.expires {
            dates.push(("expires", e));
        }
    }
    if let Some(q) = &f.qa {
        dates.push(("asked", &q.asked));
    }
    if let Some(d) = &f.draft {
        dates.push(("comment_until", &d.comment_until));
    }
    for e in f.schedule.iter().flatten() {
        dates.push(("date", &e.date));
    }
    if let Some(u) = &f.updated {
        dates.push(("updated", u));
    }
    if let Some(u) = &f.deadline_from {
        dates.push(("deadline_from", u));
    }
    if let Some(p) = &f.publish_at {
        dates.push(("publish_at", p));
    }
    for (field, value) in dates {
        if parse_datetime(value).is_none() {
            let line = line_of_value(yaml, field, value);
            return Err(ContentError::at(
                path,
                line,
                format!("{field} `{value}` is not a date; write YYYY-MM-DD"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
