//! The filter navigation of a legal-document section's pages: links to every filter page
//! of the section in the page's language (type, issuer, year, field), each with its count
//! of documents, the page's own filter marked current. Plain links, so it works without
//! JavaScript and from the keyboard.

use serde::Serialize;

use stp_site::{Dimension, Facet, Site};

/// The theme string naming a dimension (`i18n.toml`).
pub(super) fn label_key(d: Dimension) -> &'static str {
    match d {
        Dimension::Type => "doc_type",
        Dimension::Issuer => "doc_issuer",
        Dimension::Year => "year",
        Dimension::Field => "doc_field",
    }
}

/// The navigation as the template gets it.
#[derive(Serialize)]
pub(super) struct Filters<'s> {
    /// The section's first page, and its count: "all documents".
    pub all: &'s str,
    pub total: usize,
    /// Whether the page is the section's own (no filter chosen).
    pub all_current: bool,
    pub groups: Vec<Group<'s>>,
}

/// One dimension's choices.
#[derive(Serialize)]
pub(super) struct Group<'s> {
    /// The theme string naming it.
    pub label: &'static str,
    pub segment: &'static str,
    /// The page's own filter is in this group: the group starts open.
    pub open: bool,
    pub values: Vec<Value<'s>>,
}

#[derive(Serialize)]
pub(super) struct Value<'s> {
    pub name: &'s str,
    pub url: &'s str,
    pub count: usize,
    pub current: bool,
}

impl<'s> Filters<'s> {
    /// The navigation of `section` in `lang` (whose first page is `section_url`), on the
    /// page of `current` (none on the section's own pages). `None` when the section has no
    /// filters (no documents).
    pub(super) fn of(
        site: &'s Site,
        section: &str,
        lang: &str,
        section_url: &'s str,
        current: Option<&Facet>,
    ) -> Option<Filters<'s>> {
        let mine: Vec<&'s Facet> = site
            .facets
            .iter()
            .filter(|f| f.section == section && f.listing.lang == lang)
            .collect();
        if mine.is_empty() {
            return None;
        }
        let is_current =
            |f: &Facet| current.is_some_and(|c| c.dimension == f.dimension && c.slug == f.slug);
        let groups = Dimension::ALL
            .iter()
            .map(|&d| {
                let values: Vec<Value<'s>> = mine
                    .iter()
                    .filter(|f| f.dimension == d)
                    .map(|f| Value {
                        name: &f.listing.name,
                        url: &f.listing.url,
                        count: f.listing.items.len(),
                        current: is_current(f),
                    })
                    .collect();
                Group {
                    label: label_key(d),
                    segment: d.segment(),
                    open: current.is_some_and(|c| c.dimension == d),
                    values,
                }
            })
            .filter(|g| !g.values.is_empty())
            .collect();
        Some(Filters {
            all: section_url,
            total: site.section(section, lang).map_or(0, |l| l.items.len()),
            all_current: current.is_none(),
            groups,
        })
    }
}
