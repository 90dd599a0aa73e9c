//! Whether an article is finished enough to go to the board: every field its section kind
//! needs is filled, and no text `stp new` wrote as a placeholder is left. `stp check`
//! lists what is missing; the steps that may take new text (submit, review, verify)
//! refuse it. Parsing stays lenient so that an unfinished draft can sit in
//! the working tree and a preview still builds.

use crate::article::Article;
use crate::location::line_of_key;

/// The body `stp new` writes; an article still saying only this is not written yet.
pub const PLACEHOLDER_BODY: &str = "Nội dung bài viết.";

/// One thing missing from an article: the front-matter key (dotted for a typed block,
/// `body` for the text) and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    pub key: String,
    pub message: String,
}

impl Unfinished {
    /// The 1-based line of the key in the article's text (the body's first line for
    /// `body`).
    pub fn line(&self, text: &str) -> usize {
        let last = self.key.rsplit('.').next().unwrap_or(&self.key);
        if self.key == "body" {
            return body_line(text);
        }
        line_of_key(text, last, 1)
    }
}

/// What `article` still lacks, in front-matter order; empty when it is ready.
pub fn unfinished(article: &Article) -> Vec<Unfinished> {
    let f = &article.front;
    let mut out = Vec::new();
    let mut need = |key: &str, label: &str, value: &str| {
        if value.trim().is_empty() {
            out.push(Unfinished {
                key: key.to_string(),
                message: format!("{key} ({label}) is empty: fill it in"),
            });
        }
    };
    need("title", "tiêu đề", &f.title);
    if let Some(d) = &f.document {
        need("document.type", "loại văn bản", &d.doc_type);
        need("document.number", "số ký hiệu", &d.number);
        need("document.issuer", "cơ quan ban hành", &d.issuer);
        need("document.excerpt", "trích yếu", &d.excerpt);
        need("document.file", "tệp văn bản", &d.file);
    }
    if let Some(p) = &f.procedure {
        need("procedure.field", "lĩnh vực", &p.field);
        need(
            "procedure.processing_time",
            "thời hạn giải quyết",
            &p.processing_time,
        );
    }
    if let Some(q) = &f.qa {
        need("qa.question", "câu hỏi", &q.question);
        need("qa.asker", "người hỏi", &q.asker);
        need("qa.answered_by", "đơn vị trả lời", &q.answered_by);
    }
    if let Some(d) = &f.draft {
        need(
            "draft.drafting_body",
            "cơ quan chủ trì soạn thảo",
            d.drafting_body.as_deref().unwrap_or(""),
        );
    }
    for e in f.schedule.iter().flatten() {
        need("schedule.content", "nội dung", &e.content);
        need("schedule.leader", "lãnh đạo chủ trì", &e.leader);
    }
    if let Some(p) = &f.person {
        need("person.name", "họ và tên", &p.name);
        need("person.position", "chức vụ", &p.position);
    }
    let body = article.body.text();
    let body = body.trim();
    if body.is_empty() || body == PLACEHOLDER_BODY {
        out.push(Unfinished {
            key: "body".into(),
            message: format!(
                "the article has no text yet (only `{PLACEHOLDER_BODY}`, the placeholder of `stp new`): write it"
            ),
        });
    }
    out
}

/// The line the body starts on: after the closing `---` of the front matter.
fn body_line(text: &str) -> usize {
    text.lines()
        .enumerate()
        .skip(1)
        .find(|(_, l)| l.trim_end() == "---")
        .map_or(1, |(i, _)| i + 2)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::{SiteConfig, parse_article};

    fn config() -> SiteConfig {
        SiteConfig::parse(
            Path::new("site.toml"),
            include_str!("../../../examples/site/site.toml"),
        )
        .unwrap()
    }

    #[test]
    fn an_untouched_legal_document_lacks_its_number_issuer_excerpt_and_text() {
        let text = "---\ntitle: \"Quyết định\"\ndate: 2026-12-01\ndocument:\n  type: \"Quyết định\"\n  number: \"\"\n  issuer: \"\"\n  issued: 2026-12-01\n  effective: 2026-12-01\n  excerpt: \"\"\n  file: van-ban.pdf\n---\n\nNội dung bài viết.\n";
        let a = parse_article(
            Path::new("content/van-ban/qd.md"),
            text.as_bytes(),
            &config(),
        )
        .unwrap();
        let missing = unfinished(&a);
        let keys: Vec<&str> = missing.iter().map(|u| u.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "document.number",
                "document.issuer",
                "document.excerpt",
                "body"
            ]
        );
        assert_eq!(missing[0].line(text), 6);
        assert_eq!(missing[3].line(text), 13);
    }

    #[test]
    fn a_written_news_article_is_ready() {
        let text = "---\ntitle: \"Tin\"\ndate: 2026-12-01\n---\n\nSở Tư pháp tổ chức hội nghị.\n";
        let a = parse_article(
            Path::new("content/tin-tuc/tin.md"),
            text.as_bytes(),
            &config(),
        )
        .unwrap();
        assert_eq!(unfinished(&a), Vec::new());
    }
}
