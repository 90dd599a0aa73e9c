//! Royalties (nhuận bút, Điều 8): for each article used, coefficient of its kind × 10% of
//! the base salary in force on its publish date (Nghị định 18/2014 Điều 7), summed per
//! author and month.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDateTime};

use stp_workflow::deadlines::{ArticleKind, Royalties};

/// The author name used for articles that name none.
pub const NO_AUTHOR: &str = "(không ghi tác giả)";

/// One published article's royalty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoyaltyItem {
    pub author: String,
    pub title: String,
    pub kind: ArticleKind,
    pub published: NaiveDateTime,
    /// In hundredths.
    pub coefficient: u32,
    pub base_salary: u64,
    pub vnd: u64,
}

/// A published article, as royalties see it.
#[derive(Debug, Clone, Copy)]
pub struct UsedArticle<'a> {
    pub author: Option<&'a str>,
    pub title: &'a str,
    pub kind: Option<ArticleKind>,
    pub published: NaiveDateTime,
}

/// The royalty of each article that has a coefficient for its kind.
pub fn royalty_items(used: &[UsedArticle], royalties: &Royalties) -> Vec<RoyaltyItem> {
    let mut items: Vec<RoyaltyItem> = used
        .iter()
        .filter_map(|a| {
            let kind = a.kind?;
            let date = a.published.date();
            Some(RoyaltyItem {
                author: a.author.unwrap_or(NO_AUTHOR).to_string(),
                title: a.title.to_string(),
                kind,
                published: a.published,
                coefficient: *royalties.coefficients.get(&kind)?,
                base_salary: royalties.base_salary_on(date)?,
                vnd: royalties.royalty(kind, date)?,
            })
        })
        .collect();
    items.sort_by(|a, b| a.author.cmp(&b.author).then(a.published.cmp(&b.published)));
    items
}

/// Per author and month (`YYYY-MM`): the number of articles and the total in VND.
pub fn per_author_month(items: &[RoyaltyItem]) -> BTreeMap<(String, String), (u32, u64)> {
    let mut out: BTreeMap<(String, String), (u32, u64)> = BTreeMap::new();
    for i in items {
        let month = format!("{:04}-{:02}", i.published.year(), i.published.month());
        let e = out.entry((i.author.clone(), month)).or_insert((0, 0));
        e.0 += 1;
        e.1 += i.vnd;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_salary_changes_on_1_july_2026() {
        let mut r = Royalties::default();
        r.coefficients.insert(ArticleKind::News, 600);
        r.coefficients.insert(ArticleKind::Research, 2000);
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let used = [
            UsedArticle {
                author: Some("Lê B"),
                title: "x",
                kind: Some(ArticleKind::News),
                published: at("2026-06-30 16:00"),
            },
            UsedArticle {
                author: Some("Lê B"),
                title: "y",
                kind: Some(ArticleKind::News),
                published: at("2026-07-01 08:00"),
            },
            UsedArticle {
                author: None,
                title: "z",
                kind: Some(ArticleKind::Research),
                published: at("2026-07-02 08:00"),
            },
            UsedArticle {
                author: Some("Lê B"),
                title: "w",
                kind: Some(ArticleKind::Photo),
                published: at("2026-07-02 08:00"),
            },
        ];
        let items = royalty_items(&used, &r);
        assert_eq!(items.len(), 3, "no coefficient for photo, no royalty");
        let totals = per_author_month(&items);
        assert_eq!(totals[&("Lê B".into(), "2026-06".into())], (1, 1_404_000));
        assert_eq!(totals[&("Lê B".into(), "2026-07".into())], (1, 1_518_000));
        assert_eq!(
            totals[&(NO_AUTHOR.into(), "2026-07".into())],
            (1, 5_060_000)
        );
    }
}
