//! The legal-document sections' static filters: for each section of kind `legal_document`
//! and each language, one listing per document type, issuer, year of issue and field
//! (`/van-ban/loai/nghi-dinh/`, `/van-ban/co-quan/…/`, `/van-ban/nam/2026/`,
//! `/van-ban/linh-vuc/…/`), paginated like any list, so a reader without JavaScript can
//! narrow thousands of documents with links alone. Values are grouped by their slug
//! (Vietnamese folded), so spellings that differ only in case or marks are one filter.

use std::collections::BTreeMap;

use serde::Serialize;

use stp_content::slugify;

use super::listing::Listing;
use super::summary::Summary;

/// What a filter groups documents by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Type,
    Issuer,
    Year,
    Field,
}

impl Dimension {
    /// Every dimension, in the order the filter navigation shows them.
    pub const ALL: [Dimension; 4] = [
        Dimension::Type,
        Dimension::Issuer,
        Dimension::Year,
        Dimension::Field,
    ];

    /// The dimension's folder under the section: `loai`, `co-quan`, `nam`, `linh-vuc`.
    pub fn segment(self) -> &'static str {
        match self {
            Dimension::Type => "loai",
            Dimension::Issuer => "co-quan",
            Dimension::Year => "nam",
            Dimension::Field => "linh-vuc",
        }
    }

    /// The value of this dimension for a summary, when it is a legal document that has one.
    fn value(self, s: &Summary) -> Option<&str> {
        let d = s.meta.document.as_ref()?;
        let v = match self {
            Dimension::Type => d.doc_type.as_str(),
            Dimension::Issuer => d.issuer.as_str(),
            Dimension::Year => d.issued.get(..4)?,
            Dimension::Field => d.field.as_deref()?,
        };
        let v = v.trim();
        (!v.is_empty()).then_some(v)
    }
}

/// One filter value of one legal-document section in one language, with its documents.
#[derive(Debug, Clone)]
pub struct Facet {
    /// The section's slug (`van-ban`).
    pub section: String,
    pub dimension: Dimension,
    /// The value's slug (`nghi-dinh`, `2026`).
    pub slug: String,
    /// `name` is the value as first written (in the section's display order), `url` the
    /// first page (`/van-ban/loai/nghi-dinh/`), `items` the documents in the section's
    /// display order.
    pub listing: Listing,
}

/// The facets of `section` (a legal-document section's listing): dimensions in
/// [`Dimension::ALL`] order; types, issuers and fields by name, years newest first.
pub fn facets_of(section: &Listing, summaries: &[std::sync::Arc<Summary>]) -> Vec<Facet> {
    let mut out = Vec::new();
    for dimension in Dimension::ALL {
        // slug → (name, items), the items keeping the section's order.
        let mut groups: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
        for &i in &section.items {
            let Some(value) = dimension.value(&summaries[i]) else {
                continue;
            };
            let slug = slugify(value);
            if slug.is_empty() {
                continue;
            }
            groups
                .entry(slug)
                .or_insert_with(|| (value.to_string(), Vec::new()))
                .1
                .push(i);
        }
        // By slug: names in folded alphabetical order, years newest first.
        let mut values: Vec<(String, (String, Vec<usize>))> = groups.into_iter().collect();
        if dimension == Dimension::Year {
            values.reverse();
        }
        out.extend(values.into_iter().map(|(slug, (name, items))| Facet {
            section: section.key.clone(),
            dimension,
            listing: Listing {
                key: format!("{}/{}/{slug}", section.key, dimension.segment()),
                name,
                lang: section.lang.clone(),
                url: format!("{}{}/{slug}/", section.url, dimension.segment()),
                items,
            },
            slug,
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::KindMeta;
    use stp_content::LegalDocument;

    fn doc(title: &str, doc_type: &str, issuer: &str, issued: &str, field: &str) -> Summary {
        Summary {
            title: title.into(),
            url: format!("/van-ban/{}/", slugify(title)),
            section: "van-ban".into(),
            lang: "vi".into(),
            kind: "legal_document",
            date: String::new(),
            date_display: String::new(),
            summary: String::new(),
            tags: Vec::new(),
            featured: false,
            weight: None,
            state: None,
            meta: KindMeta {
                document: Some(Box::new(LegalDocument {
                    doc_type: doc_type.into(),
                    number: title.into(),
                    issuer: issuer.into(),
                    issued: issued.into(),
                    effective: issued.into(),
                    expires: None,
                    excerpt: title.into(),
                    file: "a.pdf".into(),
                    signer: None,
                    field: (!field.is_empty()).then(|| field.into()),
                })),
                ..KindMeta::default()
            },
        }
    }

    #[test]
    fn groups_by_folded_slug_in_display_order() {
        let summaries = vec![
            doc("A", "Nghị định", "Chính phủ", "2026-01-05", "Hộ tịch"),
            doc("B", "Quyết định", "UBND tỉnh Đồng Nai", "2025-03-01", ""),
            doc(
                "C",
                "NGHỊ ĐỊNH",
                "Chính phủ",
                "2024-07-01",
                "Lý lịch tư pháp",
            ),
            doc(
                "D",
                "Chỉ thị",
                "ubnd tỉnh đồng nai",
                "2026-02-02",
                "Hộ tịch",
            ),
        ];
        let section = Listing {
            key: "van-ban".into(),
            name: "Văn bản pháp luật".into(),
            lang: "vi".into(),
            url: "/van-ban/".into(),
            // The section's display order, which every facet keeps.
            items: vec![3, 0, 1, 2],
        };
        let summaries: Vec<_> = summaries.into_iter().map(std::sync::Arc::new).collect();
        let f = facets_of(&section, &summaries);
        let seen: Vec<(Dimension, &str, &str, &[usize])> = f
            .iter()
            .map(|f| {
                (
                    f.dimension,
                    f.slug.as_str(),
                    f.listing.name.as_str(),
                    f.listing.items.as_slice(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (Dimension::Type, "chi-thi", "Chỉ thị", &[3][..]),
                (Dimension::Type, "nghi-dinh", "Nghị định", &[0, 2][..]),
                (Dimension::Type, "quyet-dinh", "Quyết định", &[1][..]),
                (Dimension::Issuer, "chinh-phu", "Chính phủ", &[0, 2][..]),
                (
                    Dimension::Issuer,
                    "ubnd-tinh-dong-nai",
                    "ubnd tỉnh đồng nai",
                    &[3, 1][..]
                ),
                (Dimension::Year, "2026", "2026", &[3, 0][..]),
                (Dimension::Year, "2025", "2025", &[1][..]),
                (Dimension::Year, "2024", "2024", &[2][..]),
                (Dimension::Field, "ho-tich", "Hộ tịch", &[3, 0][..]),
                (
                    Dimension::Field,
                    "ly-lich-tu-phap",
                    "Lý lịch tư pháp",
                    &[2][..]
                ),
            ]
        );
        let nd = &f[1].listing;
        assert_eq!(nd.url, "/van-ban/loai/nghi-dinh/");
        assert_eq!(nd.key, "van-ban/loai/nghi-dinh");
        assert_eq!(
            nd.pages(1).url(2),
            "/van-ban/loai/nghi-dinh/trang/2/",
            "paginated as any list"
        );
    }

    #[test]
    fn english_facets_live_under_the_english_section() {
        let summaries = vec![doc("A", "Decree", "Government", "2026-01-05", "")];
        let section = Listing {
            key: "van-ban".into(),
            name: "Legal documents".into(),
            lang: "en".into(),
            url: "/en/van-ban/".into(),
            items: vec![0],
        };
        let summaries: Vec<_> = summaries.into_iter().map(std::sync::Arc::new).collect();
        let urls: Vec<String> = facets_of(&section, &summaries)
            .into_iter()
            .map(|f| f.listing.url)
            .collect();
        assert_eq!(
            urls,
            [
                "/en/van-ban/loai/decree/",
                "/en/van-ban/co-quan/government/",
                "/en/van-ban/nam/2026/"
            ]
        );
    }
}
