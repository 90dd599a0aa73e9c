//! Content owns what an article *is*: the site settings (`site.toml`), the front-matter
//! schema of each section kind, slugs, the safety limits on files read from contributors,
//! and the Vietnamese text checks. It never touches git: callers hand it bytes and paths.

mod article;
mod body;
mod config;
pub mod date;
mod error;
pub mod legacy;
mod location;
mod naming;
mod paths;
mod schema;
mod site_files;
mod slug;
mod source;
pub mod text;
mod unfinished;
mod url;

pub use article::{Article, Attachment, FrontMatter, Image, parse_article};
pub use body::{Body, PACK_ABOVE};
pub use config::{Agency, MenuItem, Section, SectionKind, SiteConfig};
pub use error::{ContentError, FileError, SAID, Said};
pub use location::line_of_key;
pub use naming::articles_named;
pub use paths::{
    MAX_FILE_BYTES, RECORD_DIR, check_entry, check_inside, check_relative_path, read_limited,
};
pub use schema::{
    DraftInfo, IntakeRecord, LegalDocument, Procedure, QaInfo, ScheduleEntry, Sender, StaffInfo,
};
pub use site_files::{MAX_SITE_FILE_BYTES, SETTINGS_FILE, SITE_DIRS, SiteFiles};
pub use slug::slugify;
pub use source::{ContentSource, Published, SourceArticle, WorkingTree, read_each};
pub use unfinished::{PLACEHOLDER_BODY, Unfinished, unfinished};
pub use url::{active_extension, check_bundle_files, is_web_link, safe_url};
