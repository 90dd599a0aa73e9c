//! The site model: every parsed article with its summary, the section and tag listings
//! (one sorted list of indices each, which pages slice rather than copy), and the
//! navigation the theme needs. Built once from parsed articles, then only read.

mod facets;
mod listing;
mod model;
mod summary;

pub use facets::{Dimension, Facet, facets_of};
pub use listing::{Listing, PagerLink, Paginator, page_url};
pub use model::{Provenance, Site, SiteError};
pub use summary::{KindMeta, Summary, TagRef, display_date};
