//! What lists, feeds, the sitemap and search know about an article: a small owned record
//! kept for every article for the whole build.

use serde::Serialize;

use stp_content::{
    Article, DraftInfo, LegalDocument, Procedure, QaInfo, SectionKind, StaffInfo, slugify,
};

/// A tag as shown on a page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TagRef {
    pub name: String,
    pub url: String,
}

/// The typed facts that list pages show in their tables.
#[derive(Debug, Clone, Serialize, Default)]
pub struct KindMeta {
    pub document: Option<Box<LegalDocument>>,
    pub procedure: Option<Box<Procedure>>,
    pub qa: Option<Box<QaInfo>>,
    pub draft: Option<Box<DraftInfo>>,
    pub person: Option<Box<StaffInfo>>,
}

/// One article in a list.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub title: String,
    pub url: String,
    pub section: String,
    pub lang: String,
    pub kind: &'static str,
    /// The day the article was posted: the day of its valid `publish` step on the public
    /// site (ISO date), else its `date:` field (RFC 3339) in a preview, or empty.
    pub date: String,
    /// That day as dd/mm/yyyy, as Vietnamese readers write dates, or empty.
    pub date_display: String,
    pub summary: String,
    pub tags: Vec<TagRef>,
    pub featured: bool,
    pub weight: Option<i64>,
    pub state: Option<String>,
    pub meta: KindMeta,
}

impl Summary {
    /// The summary of `article`, whose source said `provenance`.
    pub fn of(article: &Article, provenance: &crate::Provenance) -> Summary {
        let f = &article.front;
        let state = provenance.state.clone();
        let posted = provenance
            .published
            .as_ref()
            .and_then(|p| chrono::NaiveDate::parse_from_str(p.at.get(..10)?, "%Y-%m-%d").ok());
        let (date, date_display) = match (posted, article.date) {
            (Some(day), _) => (day.to_string(), day.format("%d/%m/%Y").to_string()),
            (None, Some(d)) => (d.to_rfc3339(), display_date(&d)),
            (None, None) => (String::new(), String::new()),
        };
        let tag_base = if article.lang == "vi" {
            "/the/"
        } else {
            "/en/the/"
        };
        Summary {
            title: f.title.clone(),
            url: article.url_path(),
            section: article.section.clone(),
            lang: article.lang.clone(),
            kind: article.kind.as_str(),
            date,
            date_display,
            summary: f
                .summary
                .clone()
                .unwrap_or_else(|| first_paragraph(&article.body.text(), 200)),
            tags: f
                .tags
                .iter()
                .map(|t| TagRef {
                    name: t.clone(),
                    url: format!("{tag_base}{}/", slugify(t)),
                })
                .collect(),
            featured: f.featured,
            weight: f.weight,
            state,
            meta: KindMeta {
                document: f.document.clone(),
                procedure: f.procedure.clone(),
                qa: f.qa.clone(),
                draft: f.draft.clone(),
                person: f.person.clone(),
            },
        }
    }

    pub fn is(&self, kind: SectionKind) -> bool {
        self.kind == kind.as_str()
    }
}

/// `20/11/2026`.
pub fn display_date(d: &chrono::DateTime<chrono::FixedOffset>) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The first paragraph of Markdown as plain text, cut at a word boundary near `max` chars.
fn first_paragraph(body: &str, max: usize) -> String {
    let para = body
        .split("\n\n")
        .map(str::trim)
        .find(|p| {
            !p.is_empty() && !p.starts_with('#') && !p.starts_with('|') && !p.starts_with("```")
        })
        .unwrap_or("");
    let mut plain = String::with_capacity(para.len());
    let mut prev = ' ';
    let mut in_link_target = false;
    for c in para.chars() {
        match c {
            '(' if prev == ']' => in_link_target = true,
            ')' if in_link_target => in_link_target = false,
            _ if in_link_target => {}
            '*' | '_' | '`' | '[' | ']' | '>' => {}
            '\n' => plain.push(' '),
            _ => plain.push(c),
        }
        prev = c;
    }
    if plain.chars().count() <= max {
        return plain;
    }
    let cut: String = plain.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::first_paragraph;

    #[test]
    fn summary_is_plain_first_paragraph() {
        let body = "# Tiêu đề\n\nSở Tư pháp **tổ chức** hội nghị.\nDòng hai.\n\nĐoạn sau.";
        assert_eq!(
            first_paragraph(body, 200),
            "Sở Tư pháp tổ chức hội nghị. Dòng hai."
        );
        assert_eq!(first_paragraph("một hai ba bốn", 8), "một hai…");
        assert_eq!(
            first_paragraph("Xem [Luật](/van-ban/luat/) mới.", 200),
            "Xem Luật mới."
        );
    }
}
