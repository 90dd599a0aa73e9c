//! Listings (a section, a tag) and their pagination. A listing is one sorted list of
//! article indices; each page of it is a slice of that list, never a copy.

use serde::Serialize;

/// A section or tag, in one language, with its articles in display order.
#[derive(Debug, Clone)]
pub struct Listing {
    /// The section slug or the tag's slug.
    pub key: String,
    pub name: String,
    pub lang: String,
    /// The first page's URL path, e.g. `/tin-tuc/`.
    pub url: String,
    /// Indices into [`super::Site::summaries`], in display order.
    pub items: Vec<usize>,
}

impl Listing {
    /// The pages of this listing, `per_page` items each (an empty listing has one page).
    pub fn pages(&self, per_page: usize) -> Paginator<'_> {
        Paginator {
            listing: self,
            per_page: per_page.max(1),
        }
    }
}

/// URL path of page `n` of the listing whose first page is `first`: `/tin-tuc/`, then
/// `/tin-tuc/trang/2/`.
pub fn page_url(first: &str, n: usize) -> String {
    if n == 1 {
        first.to_string()
    } else {
        format!("{first}trang/{n}/")
    }
}

/// Splits a listing into pages.
#[derive(Debug, Clone, Copy)]
pub struct Paginator<'a> {
    listing: &'a Listing,
    per_page: usize,
}

/// A link to another page of a listing.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PagerLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

impl<'a> Paginator<'a> {
    pub fn count(&self) -> usize {
        self.listing.items.len().div_ceil(self.per_page).max(1)
    }

    /// The items on page `n` (1-based).
    pub fn items(&self, n: usize) -> &'a [usize] {
        let start = (n - 1) * self.per_page;
        let end = (start + self.per_page).min(self.listing.items.len());
        &self.listing.items[start.min(end)..end]
    }

    /// URL path of page `n`: `/tin-tuc/` then `/tin-tuc/trang/2/`.
    pub fn url(&self, n: usize) -> String {
        page_url(&self.listing.url, n)
    }

    /// Links for the pager of page `n`: the first, the last and two either side.
    pub fn links(&self, n: usize) -> Vec<PagerLink> {
        let count = self.count();
        (1..=count)
            .filter(|&i| i == 1 || i == count || i.abs_diff(n) <= 2)
            .map(|i| PagerLink {
                number: i,
                url: self.url(i),
                current: i == n,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(n: usize) -> Listing {
        Listing {
            key: "tin-tuc".into(),
            name: "Tin tức".into(),
            lang: "vi".into(),
            url: "/tin-tuc/".into(),
            items: (0..n).collect(),
        }
    }

    #[test]
    fn pages_slice_the_list() {
        let l = listing(25);
        let p = l.pages(10);
        assert_eq!(p.count(), 3);
        assert_eq!(p.items(3), &[20, 21, 22, 23, 24]);
        assert_eq!(p.url(2), "/tin-tuc/trang/2/");
        assert!(std::ptr::eq(p.items(2).as_ptr(), l.items[10..].as_ptr()));
    }

    #[test]
    fn empty_listing_has_one_page() {
        let l = listing(0);
        assert_eq!(l.pages(10).count(), 1);
        assert!(l.pages(10).items(1).is_empty());
    }

    #[test]
    fn pager_links_window() {
        let l = listing(100);
        let nums: Vec<usize> = l.pages(10).links(5).iter().map(|l| l.number).collect();
        assert_eq!(nums, vec![1, 3, 4, 5, 6, 7, 10]);
    }
}
