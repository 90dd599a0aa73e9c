//! Building the site model from parsed articles: summaries, sorted listings per section
//! and tag and language, and the checks that need the whole site (duplicate URLs).

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use stp_content::{Article, SectionKind, SiteConfig, slugify};

use super::facets::{Facet, facets_of};
use super::listing::Listing;
use super::summary::Summary;

/// Errors that need the whole site to see.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("{first} and {second} both want the URL {url}; give one of them another `slug:`")]
    DuplicateUrl {
        url: String,
        first: String,
        second: String,
    },
}

/// The whole site, ready to render. Articles and summaries share indices.
#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub articles: Vec<Article>,
    /// Shared, so that a page's template can hold one without copying it
    /// (`stp_render`'s lists and related articles read its fields as they are asked for).
    pub summaries: Vec<Arc<Summary>>,
    pub sections: Vec<Listing>,
    pub tags: Vec<Listing>,
    /// The legal-document sections' filters (`/van-ban/loai/nghi-dinh/`…), section by
    /// section and language by language as in `sections`.
    pub facets: Vec<Facet>,
    /// Every article of each language, newest first: the home page, feeds and sitemap.
    pub recent: BTreeMap<String, Vec<usize>>,
    /// Where each article came from: its state, its bundle files, its publication.
    pub provenance: Vec<Provenance>,
    /// The other-language version of each article.
    pub translations: Vec<Option<usize>>,
}

/// What the source said about an article besides its text.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    pub state: Option<String>,
    /// Repository-relative files beside a bundle article.
    pub files: Vec<std::path::PathBuf>,
    pub published: Option<stp_content::Published>,
}

impl Site {
    /// Builds the model from articles and what their source said about each.
    pub fn new(
        config: SiteConfig,
        mut paired: Vec<(Article, Provenance)>,
    ) -> Result<Site, SiteError> {
        paired.par_sort_by(|a, b| a.0.path.cmp(&b.0.path));
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (i, (a, _)) in paired.iter().enumerate() {
            let url = a.url_path();
            if let Some(first) = seen.insert(url.clone(), i) {
                return Err(SiteError::DuplicateUrl {
                    url,
                    first: paired[first].0.path.display().to_string(),
                    second: a.path.display().to_string(),
                });
            }
        }
        let (articles, provenance): (Vec<Article>, Vec<Provenance>) = paired.into_iter().unzip();
        let summaries: Vec<Arc<Summary>> = articles
            .par_iter()
            .zip(&provenance)
            .map(|(a, p)| Arc::new(Summary::of(a, p)))
            .collect();
        let mut by_place: std::collections::HashMap<(&str, &str, &str), usize> =
            std::collections::HashMap::new();
        for (i, a) in articles.iter().enumerate() {
            by_place.insert((a.section.as_str(), a.slug.as_str(), a.lang.as_str()), i);
        }
        let translations = articles
            .iter()
            .map(|a| {
                let other = if a.lang == "vi" { "en" } else { "vi" };
                by_place
                    .get(&(a.section.as_str(), a.slug.as_str(), other))
                    .copied()
            })
            .collect();

        let order = |items: &mut Vec<usize>| {
            items.sort_by(|&a, &b| display_order(&summaries[a], &summaries[b]));
        };

        // Each section of each language sorted on its own, in parallel (at 100,000
        // articles the model's sorts took most of a second on one thread).
        let places: Vec<(&String, &stp_content::Section)> = (config.languages.iter())
            .flat_map(|lang| config.sections.iter().map(move |section| (lang, section)))
            .collect();
        let sections: Vec<Listing> = places
            .into_par_iter()
            .map(|(lang, section)| {
                let mut items: Vec<usize> = (0..articles.len())
                    .filter(|&i| articles[i].section == section.slug && &articles[i].lang == lang)
                    .collect();
                order(&mut items);
                let english = lang != "vi";
                Listing {
                    key: section.slug.clone(),
                    name: if english {
                        section
                            .name_en
                            .clone()
                            .unwrap_or_else(|| section.name.clone())
                    } else {
                        section.name.clone()
                    },
                    lang: lang.clone(),
                    url: if english {
                        format!("/{lang}/{}/", section.slug)
                    } else {
                        format!("/{}/", section.slug)
                    },
                    items,
                }
            })
            .collect();

        let facets = sections
            .iter()
            .filter(|l| {
                config
                    .section(&l.key)
                    .is_some_and(|s| s.kind == SectionKind::LegalDocument)
            })
            .flat_map(|l| facets_of(l, &summaries))
            .collect();

        let tag_keys: Vec<Vec<String>> = articles
            .par_iter()
            .map(|a| a.front.tags.iter().map(|t| slugify(t)).collect())
            .collect();
        let mut tag_items: BTreeMap<(String, String), (String, Vec<usize>)> = BTreeMap::new();
        for (i, (a, keys)) in articles.iter().zip(tag_keys).enumerate() {
            for (t, key) in a.front.tags.iter().zip(keys) {
                let entry = tag_items
                    .entry((a.lang.clone(), key))
                    .or_insert_with(|| (t.clone(), Vec::new()));
                entry.1.push(i);
            }
        }
        let tags = tag_items
            .into_iter()
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|((lang, key), (name, mut items))| {
                order(&mut items);
                let url = if lang == "vi" {
                    format!("/the/{key}/")
                } else {
                    format!("/{lang}/the/{key}/")
                };
                Listing {
                    key,
                    name,
                    lang,
                    url,
                    items,
                }
            })
            .collect();

        let mut recent: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, a) in articles.iter().enumerate() {
            if a.kind != SectionKind::Page && a.kind != SectionKind::Staff {
                recent.entry(a.lang.clone()).or_default().push(i);
            }
        }
        for items in recent.values_mut() {
            items.par_sort_by(|&a, &b| newest_first(&summaries[a], &summaries[b]));
        }

        Ok(Site {
            config,
            articles,
            summaries,
            sections,
            tags,
            facets,
            recent,
            provenance,
            translations,
        })
    }

    /// Gives the articles back with their provenance, for a rebuild after a change.
    pub fn into_articles(self) -> Vec<(Article, Provenance)> {
        self.articles.into_iter().zip(self.provenance).collect()
    }

    /// The listing of `section` in `lang`.
    pub fn section(&self, slug: &str, lang: &str) -> Option<&Listing> {
        self.sections
            .iter()
            .find(|l| l.key == slug && l.lang == lang)
    }
}

/// Weighted items first (lowest weight first), then newest first, then by title.
fn display_order(a: &Summary, b: &Summary) -> std::cmp::Ordering {
    match (a.weight, b.weight) {
        (Some(x), Some(y)) if x != y => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        _ => newest_first(a, b),
    }
}

fn newest_first(a: &Summary, b: &Summary) -> std::cmp::Ordering {
    b.date
        .cmp(&a.date)
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.url.cmp(&b.url))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use stp_content::parse_article;

    fn article(config: &SiteConfig, path: &str, text: &str) -> (Article, Provenance) {
        let a = parse_article(Path::new(path), text.as_bytes(), config).unwrap();
        (a, Provenance::default())
    }

    #[test]
    fn duplicate_url_names_both_files() {
        let config = SiteConfig::parse(
            Path::new("site.toml"),
            include_str!("../../../examples/site/site.toml"),
        )
        .unwrap();
        let paired = vec![
            article(
                &config,
                "content/tin-tuc/z.md",
                "---\ntitle: Z\nslug: a\n---\n",
            ),
            article(&config, "content/tin-tuc/a.md", "---\ntitle: A\n---\n"),
            article(&config, "content/tin-tuc/b.md", "---\ntitle: B\n---\n"),
        ];
        let err = Site::new(config, paired).unwrap_err().to_string();
        assert_eq!(
            err,
            "content/tin-tuc/a.md and content/tin-tuc/z.md both want the URL /tin-tuc/a/; give one of them another `slug:`"
        );
    }

    #[test]
    fn summaries_follow_articles_in_path_order() {
        let config = SiteConfig::parse(
            Path::new("site.toml"),
            include_str!("../../../examples/site/site.toml"),
        )
        .unwrap();
        let paired = vec![
            article(&config, "content/tin-tuc/c.md", "---\ntitle: C\n---\n"),
            article(&config, "content/tin-tuc/a.md", "---\ntitle: A\n---\n"),
            article(&config, "content/tin-tuc/b.md", "---\ntitle: B\n---\n"),
        ];
        let site = Site::new(config, paired).unwrap();
        let titles: Vec<&str> = site.summaries.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["A", "B", "C"]);
        assert_eq!(site.articles[2].front.title, "C");
    }
}
