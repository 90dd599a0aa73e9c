//! The home page of each language and the HTML sitemap (Thông tư 32/2017 Điều 16: an HTML
//! sitemap beside the XML one). The home page shows the latest news, notices, the latest
//! articles of the article sections (legal dissemination, guidance, research), this
//! week's leadership schedule, the agency's contacts, featured procedures and recent Q&A;
//! in a language with few articles of its own (the English part, Điều 4.1) it also shows
//! the introduction pages and the sections that are published in Vietnamese only.
//! The sitemap's tags are split over numbered pages (`/so-do-trang/trang/2/`) of
//! [`SITEMAP_TAGS_PER_PAGE`] each, so a site with thousands of tags keeps every page
//! within the page-weight budget; sections and access keys lead the first page.

use minijinja::{Value, context};

use stp_content::SectionKind;
use stp_site::{Listing, Site, Summary};

use super::super::RenderError;
use super::{Renderer, dir_prefix, prefix, ser};

/// The most tags one page of the HTML sitemap lists (about 100 bytes of HTML each).
pub const SITEMAP_TAGS_PER_PAGE: usize = 300;

/// The tags of `lang` as a listing whose pages are those of the HTML sitemap.
fn sitemap_listing(site: &Site, lang: &str) -> Listing {
    let tags = site.tags.iter().filter(|l| l.lang == lang).count();
    Listing {
        key: "so-do-trang".into(),
        name: String::new(),
        lang: lang.to_string(),
        url: format!("{}/so-do-trang/", prefix(lang)),
        items: (0..tags).collect(),
    }
}

/// How many pages the HTML sitemap of `lang` has.
pub fn sitemap_pages(site: &Site, lang: &str) -> usize {
    sitemap_listing(site, lang)
        .pages(SITEMAP_TAGS_PER_PAGE)
        .count()
}

impl Renderer<'_> {
    pub(super) fn home(&self, lang: &str) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
        let site = self.site;
        let recent = site.recent.get(lang).map(Vec::as_slice).unwrap_or(&[]);
        let of_kind = |kinds: &[SectionKind], n: usize| -> Vec<&Summary> {
            recent
                .iter()
                .map(|&i| &*site.summaries[i])
                .filter(|s| kinds.iter().any(|k| s.is(*k)))
                .take(n)
                .collect()
        };
        let notices: Vec<&Summary> = recent
            .iter()
            .map(|&i| &*site.summaries[i])
            .filter(|s| s.featured && !s.is(SectionKind::Procedure))
            .take(5)
            .collect();
        let procedures: Vec<&Summary> = site
            .summaries
            .iter()
            .map(|s| &**s)
            .filter(|s| s.lang == lang && s.is(SectionKind::Procedure) && s.featured)
            .take(6)
            .collect();
        // This week's schedule: the one with an entry in the week of the build, else the
        // newest.
        let schedules: Vec<usize> = recent
            .iter()
            .copied()
            .filter(|&i| site.articles[i].kind == SectionKind::Schedule)
            .collect();
        let this_week = schedules.iter().copied().find(|&i| {
            site.articles[i]
                .front
                .schedule
                .iter()
                .flatten()
                .any(|e| same_week(&e.date, &self.today))
        });
        let schedule = this_week
            .or_else(|| schedules.first().copied())
            .map(|i| {
                let a = &site.articles[i];
                context! { title => &a.front.title, url => a.url_path(), entries => ser(&a.front.schedule) }
            });
        let url = format!("{}/", prefix(lang));
        let menu = self.menus.on(lang, None, &[&url]);
        let ctx = context! { ..self.base(lang), ..context! {
            page => context! { title => self.string(lang, "home"), url => &url, kind => "home" },
            menu => menu.value,
            menu_key => menu.key,
            news => ser(of_kind(&[SectionKind::News], 6)),
            articles => ser(of_kind(&[SectionKind::Article], 6)),
            notices => ser(notices),
            documents => ser(of_kind(&[SectionKind::LegalDocument], 5)),
            procedures => ser(procedures),
            questions => ser(of_kind(&[SectionKind::Qa], 5)),
            drafts => ser(of_kind(&[SectionKind::Draft], 3)),
            schedule => schedule,
            pages => ser(self.standing_pages(lang)),
            elsewhere => self.sections_elsewhere(lang),
            today => &self.today,
        }};
        Ok(vec![(
            format!("{}index.html", dir_prefix(lang)),
            self.html("home.html", ctx)?,
        )])
    }

    pub(super) fn html_sitemap(&self, lang: &str) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
        let site = self.site;
        let sections: Vec<Value> = site
            .sections
            .iter()
            .filter(|l| l.lang == lang)
            .filter(|l| lang == site.config.default_language || !l.items.is_empty())
            .map(|l| {
                let pages: Vec<&Summary> = l
                    .items
                    .iter()
                    .map(|&i| &*site.summaries[i])
                    .filter(|s| s.is(SectionKind::Page))
                    .collect();
                context! { name => &l.name, url => &l.url, total => l.items.len(), pages => ser(pages) }
            })
            .collect();
        let tags: Vec<Value> = site
            .tags
            .iter()
            .filter(|l| l.lang == lang)
            .map(|l| context! { name => &l.name, url => &l.url, total => l.items.len() })
            .collect();
        let listing = sitemap_listing(site, lang);
        let pages = listing.pages(SITEMAP_TAGS_PER_PAGE);
        let elsewhere = self.sections_elsewhere(lang);
        let mut out = Vec::with_capacity(pages.count());
        for n in 1..=pages.count() {
            let url = pages.url(n);
            let shown: Vec<Value> = pages.items(n).iter().map(|&i| tags[i].clone()).collect();
            let menu = self.menus.on(lang, None, &[&url]);
            let ctx = context! { ..self.base(lang), ..context! {
                page => context! { title => self.string(lang, "sitemap"), url => &url, kind => "sitemap", number => n, count => pages.count() },
                menu => menu.value,
                menu_key => menu.key,
                sections => if n == 1 { sections.clone() } else { Vec::new() },
                elsewhere => if n == 1 { elsewhere.clone() } else { Vec::new() },
                tags => shown,
                pager => ser(if pages.count() > 1 { pages.links(n) } else { Vec::new() }),
            }};
            out.push((
                format!("{}index.html", url.trim_start_matches('/')),
                self.html("sitemap.html", ctx)?,
            ));
        }
        Ok(out)
    }

    /// The standing pages (introduction, contacts) of `lang`, in menu order.
    fn standing_pages(&self, lang: &str) -> Vec<&Summary> {
        let site = self.site;
        site.sections
            .iter()
            .filter(|l| l.lang == lang)
            .filter(|l| {
                site.config
                    .section(&l.key)
                    .is_some_and(|s| s.kind == SectionKind::Page)
            })
            .flat_map(|l| l.items.iter().map(|&i| &*site.summaries[i]))
            .collect()
    }

    /// In a language other than the default one: the menu sections that have no articles
    /// in it but do in the default language, named in `lang`, linking to the default
    /// language's section. Empty for the default language.
    fn sections_elsewhere(&self, lang: &str) -> Vec<Value> {
        let site = self.site;
        let default = &site.config.default_language;
        if lang == default {
            return Vec::new();
        }
        site.config
            .sections
            .iter()
            .filter(|s| s.in_menu)
            .filter(|s| {
                site.section(&s.slug, lang)
                    .is_some_and(|l| l.items.is_empty())
            })
            .filter_map(|s| {
                let there = site.section(&s.slug, default)?;
                let name = site.section(&s.slug, lang).map(|l| l.name.as_str())?;
                (!there.items.is_empty()).then(|| {
                    context! { name => name, url => &there.url, total => there.items.len() }
                })
            })
            .collect()
    }
}

/// Whether two `YYYY-MM-DD` dates fall in the same ISO week (Monday to Sunday).
fn same_week(a: &str, b: &str) -> bool {
    use chrono::{Datelike, NaiveDate};
    let week = |d: &str| {
        NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d")
            .ok()
            .map(|d| d.iso_week())
    };
    matches!((week(a), week(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::same_week;

    #[test]
    fn weeks_run_monday_to_sunday() {
        assert!(same_week("2026-11-23", "2026-11-29"));
        assert!(!same_week("2026-11-29", "2026-11-30"));
        assert!(same_week("2026-12-31", "2027-01-01"), "ISO week 53 of 2026");
        assert!(!same_week("Sáng", "2026-11-29"));
    }
}
