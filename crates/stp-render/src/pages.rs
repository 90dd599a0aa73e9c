//! Every page the site has, as a list of independent jobs (an article, one page of a
//! listing, a home page, a feed…) that render in parallel against the shared site model.

use rayon::prelude::*;
use std::sync::Arc;

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use stp_content::SectionKind;
use stp_site::{Facet, Listing, Site, Summary};

use super::RenderError;
use super::context::{Menus, base, positions_key};
use super::markdown;
use super::options::RenderOptions;
use super::theme::Theme;
use super::{feeds, search, sitemap};
use summary_value::summaries_value;

mod filters;
mod home;
mod summary_value;

pub use home::sitemap_pages;

/// How many other articles of its section an article page links in its sidebar.
pub(crate) const RELATED_ITEMS: usize = 5;

/// One unit of rendering work.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Job {
    Article(usize),
    SectionPage {
        listing: usize,
        page: usize,
    },
    TagPage {
        listing: usize,
        page: usize,
    },
    /// A page of one legal-document filter (`/van-ban/loai/nghi-dinh/`), an index into
    /// [`Site::facets`].
    FacetPage {
        facet: usize,
        page: usize,
    },
    Home(String),
    Search(String),
    HtmlSitemap(String),
    NotFound,
    Feeds(String),
    SitemapXml,
    Robots,
}

/// Renders jobs; shared read-only by all threads.
pub struct Renderer<'a> {
    pub site: &'a Site,
    theme: &'a Theme,
    preview: bool,
    bases: Vec<(String, Value)>,
    menus: Menus,
    today: String,
    /// Print how long the search index took (`STP_TIMINGS`).
    timings: bool,
}

/// An attachment link on an article page.
#[derive(Serialize)]
struct FileLink {
    title: String,
    url: String,
    ext: String,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, theme: &'a Theme, preview: bool, options: &RenderOptions) -> Self {
        let bases = site
            .config
            .languages
            .iter()
            .map(|l| (l.clone(), base(site, theme, l, preview)))
            .collect();
        Renderer {
            site,
            theme,
            preview,
            bases,
            menus: Menus::new(site),
            today: options.today().format("%Y-%m-%d").to_string(),
            timings: options.timings,
        }
    }

    fn base(&self, lang: &str) -> Value {
        self.bases
            .iter()
            .find(|(l, _)| l == lang)
            .or_else(|| self.bases.first())
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    fn page_size(&self) -> usize {
        self.site.config.page_size
    }

    /// Every job of the site.
    pub fn jobs(&self) -> Vec<Job> {
        let site = self.site;
        let mut jobs: Vec<Job> = (0..site.articles.len()).map(Job::Article).collect();
        for (i, l) in site.sections.iter().enumerate() {
            let pages = if self.unpaginated(l) {
                1
            } else {
                l.pages(self.page_size()).count()
            };
            jobs.extend((1..=pages).map(|page| Job::SectionPage { listing: i, page }));
        }
        for (i, l) in site.tags.iter().enumerate() {
            let pages = l.pages(self.page_size()).count();
            jobs.extend((1..=pages).map(|page| Job::TagPage { listing: i, page }));
        }
        for (i, f) in site.facets.iter().enumerate() {
            let pages = f.listing.pages(self.page_size()).count();
            jobs.extend((1..=pages).map(|page| Job::FacetPage { facet: i, page }));
        }
        jobs.extend(self.summary_jobs());
        jobs.extend([Job::NotFound, Job::Robots]);
        // The search indexes first: the longest jobs, they then run beside the pages
        // rather than alone after them.
        jobs.sort_by_key(|j| !matches!(j, Job::Search(_)));
        jobs
    }

    /// The pages that show every article's summary: home pages, search indexes, HTML
    /// sitemaps, feeds and sitemap.xml.
    pub fn summary_jobs(&self) -> Vec<Job> {
        let config = &self.site.config;
        let mut jobs = Vec::new();
        for lang in &config.languages {
            jobs.push(Job::Home(lang.clone()));
            jobs.push(Job::Search(lang.clone()));
            jobs.push(Job::HtmlSitemap(lang.clone()));
            if config.feeds {
                jobs.push(Job::Feeds(lang.clone()));
            }
        }
        jobs.push(Job::SitemapXml);
        jobs
    }

    fn unpaginated(&self, l: &Listing) -> bool {
        unpaginated(&self.site.config, l)
    }

    /// The files a job writes: (path in the build, bytes).
    pub fn render(&self, job: &Job) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
        let files = std::sync::Mutex::new(Vec::new());
        self.render_each(job, &|rel, bytes| {
            files
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((rel, bytes));
            Ok(())
        })?;
        let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
        // A search index hands its fragments out from several threads.
        files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
    }

    /// Hands each file a job writes to `put` as it is made: the search index's fragments
    /// a few at a time, from several threads, so that they are never all held at once in
    /// full.
    pub fn render_each(
        &self,
        job: &Job,
        put: &(dyn Fn(String, Vec<u8>) -> Result<(), RenderError> + Sync),
    ) -> Result<(), RenderError> {
        if let Job::Search(lang) = job {
            return self.search(lang, put);
        }
        for (rel, bytes) in self.render_one(job)? {
            put(rel, bytes)?;
        }
        Ok(())
    }

    fn render_one(&self, job: &Job) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
        match job {
            Job::Article(i) => self.article(*i),
            Job::SectionPage { listing, page } => {
                let l = &self.site.sections[*listing];
                self.listing(l, *page, ListOf::Section)
            }
            Job::TagPage { listing, page } => {
                let l = &self.site.tags[*listing];
                self.listing(l, *page, ListOf::Tag)
            }
            Job::FacetPage { facet, page } => {
                let f = &self.site.facets[*facet];
                self.listing(&f.listing, *page, ListOf::Facet(f))
            }
            Job::Home(lang) => self.home(lang),
            // Made by `render_each`, which streams the index's fragments.
            Job::Search(_) => self.render(job),
            Job::HtmlSitemap(lang) => self.html_sitemap(lang),
            Job::NotFound => {
                let lang = self.site.config.default_language.clone();
                let menu = self.menus.on(&lang, None, &["/404.html"]);
                let ctx = context! { ..self.base(&lang), ..context! {
                    page => context! { title => self.string(&lang, "not_found"), url => "/404.html", kind => "not-found" },
                    menu => menu.value,
                    menu_key => menu.key,
                }};
                Ok(vec![("404.html".into(), self.html("404.html", ctx)?)])
            }
            Job::Feeds(lang) => Ok(self.feeds(lang)),
            Job::SitemapXml => Ok(self.sitemap_files()),
            Job::Robots => Ok(vec![(
                "robots.txt".into(),
                sitemap::robots(self.site.config.base(), self.preview),
            )]),
        }
    }

    /// The search page of `lang` and its index's fragments.
    fn search(
        &self,
        lang: &str,
        put: &(dyn Fn(String, Vec<u8>) -> Result<(), RenderError> + Sync),
    ) -> Result<(), RenderError> {
        let started = std::time::Instant::now();
        let dir = format!("{}tim-kiem/", dir_prefix(lang));
        let index = search::index(self.site, lang, &|path, bytes| {
            put(format!("{dir}{path}"), bytes)
        })?;
        if self.timings {
            eprintln!(
                "search index {lang}: {} ms, {} articles, {} term shards, {} fragments, {} bytes",
                started.elapsed().as_millis(),
                index.docs,
                index.shards(),
                index.file_count(),
                index.bytes(),
            );
        }
        let base = format!("{}/tim-kiem/", prefix(lang));
        let menu = self.menus.on(lang, None, &[&base]);
        let ctx = context! { ..self.base(lang), ..context! {
            page => context! { title => self.string(lang, "search"), url => base.clone(), kind => "search" },
            menu => menu.value,
            menu_key => menu.key,
            index => context! {
                base,
                shard_digests => index.shard_digests.clone(),
                group_digests => index.group_digests.clone(),
                group => search::GROUP,
                docs => index.docs,
                chunk => index.chunk,
            },
        }};
        put(format!("{dir}index.html"), self.html("search.html", ctx)?)?;
        // The term shards, written by both threads: at 10,000 articles this is the end of
        // the build, when nothing else is left to do.
        let shards: Vec<(String, Vec<u8>)> = index.files().collect();
        shards
            .into_par_iter()
            .try_for_each(|(path, bytes)| put(format!("{dir}{path}"), bytes))
    }

    fn string(&self, lang: &str, key: &str) -> String {
        self.theme
            .strings
            .get(lang)
            .and_then(|m| m.get(key))
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    fn html(&self, template: &str, ctx: Value) -> Result<Vec<u8>, RenderError> {
        Ok(self.theme.render(template, ctx)?.into_bytes())
    }

    fn article(&self, i: usize) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
        let site = self.site;
        let a = &site.articles[i];
        let s = &site.summaries[i];
        let body = markdown::render_in(&a.body.text(), &a.lang);
        let section = site.section(&a.section, &a.lang);
        let file_base = format!("/{}/{}/", a.section, a.slug);
        let file_url = |f: &str| {
            if stp_content::is_web_link(f) {
                f.to_string()
            } else {
                format!("{file_base}{f}")
            }
        };
        let f = &a.front;
        let mut files: Vec<FileLink> = Vec::new();
        if let Some(d) = &f.document {
            files.push(link(&d.number, file_url(&d.file)));
        }
        if let Some(file) = f.draft.as_ref().and_then(|d| d.file.as_ref()) {
            files.push(link(&f.title, file_url(file)));
        }
        files.extend(
            f.attachments
                .iter()
                .map(|at| link(&at.title, file_url(&at.file))),
        );
        // The summary picture leads the page unless the body shows the same picture.
        let lead_image = f.image.as_ref().filter(|im| {
            let lead = file_url(im.src.trim_start_matches("./"));
            // A body link is relative to the article's folder, or an absolute site path.
            !body.links.iter().any(|l| {
                let l = l.trim_start_matches("./");
                l == lead || file_url(l) == lead
            })
        });
        let translation = site.translations[i].map(|t| site.summaries[t].url.clone());
        // The newest others of the same section, for the sidebar.
        let related: Vec<usize> = section
            .map(|l| {
                (l.items.iter().copied())
                    .filter(|&j| j != i)
                    .take(RELATED_ITEMS)
                    .collect()
            })
            .unwrap_or_default();
        // Which articles the sidebar lists: the same for every article of a section but
        // its newest few, a key for the sidebar's `fragment`.
        let related_key = positions_key(&related);
        let related: Vec<&Arc<Summary>> = related.iter().map(|&j| &site.summaries[j]).collect();
        let published = site.provenance[i]
            .published
            .as_ref()
            .map(|p| context! { by => &p.by, at => &p.at });
        let draft_closed = f
            .draft
            .as_ref()
            .map(|d| d.comment_until.as_str() < self.today.as_str())
            .unwrap_or(false);
        let menu = self
            .menus
            .on(&a.lang, section.map(|l| l.key.as_str()), &[&s.url]);
        let ctx = context! { ..self.base(&a.lang), ..context! {
            page => context! {
                title => &s.title,
                url => &s.url,
                kind => s.kind,
                date => &s.date,
                date_display => &s.date_display,
                updated => &f.updated,
                summary => &s.summary,
                lead => &f.summary,
                description => &s.summary,
                tags => ser(&s.tags),
                author => &f.author,
                unit => &f.unit,
                state => &s.state,
                html => Value::from_safe_string(body.html),
                headings => ser(body.headings),
                meta => ser(&s.meta),
                schedule => ser(&f.schedule),
                image => lead_image.map(|im| context! { url => file_url(&im.src), alt => &im.alt }),
                files => ser(files),
                translation => translation,
                published => published,
                draft_closed => draft_closed,
            },
            section => section.map(|l| context! { name => &l.name, url => &l.url, key => &l.key }),
            menu => menu.value,
            menu_key => menu.key,
            related => summaries_value(related),
            related_key => related_key,
            today => &self.today,
        }};
        let path = format!("{}index.html", s.url.trim_start_matches('/'));
        Ok(vec![(path, self.html("article.html", ctx)?)])
    }

    /// The same listing in the other language, when it has articles there (the language
    /// switch otherwise leads to that language's home page). The second value is the
    /// default language's listing when this one, in another language, is empty: its page
    /// then points the reader there.
    fn listing_translation(&self, l: &Listing, of: ListOf) -> (Option<String>, Option<String>) {
        let is_section = matches!(of, ListOf::Section);
        let default = &self.site.config.default_language;
        let other = self
            .site
            .config
            .languages
            .iter()
            .find(|x| **x != l.lang)
            .unwrap_or(default);
        let with_items = |lang: &str| {
            is_section
                .then(|| self.site.section(&l.key, lang))
                .flatten()
                .filter(|o| !o.items.is_empty())
                .map(|o| o.url.clone())
        };
        if let ListOf::Facet(f) = of {
            let there = self.site.facets.iter().find(|o| {
                o.listing.lang == *other
                    && o.section == f.section
                    && o.dimension == f.dimension
                    && o.slug == f.slug
            });
            return (there.map(|o| o.listing.url.clone()), None);
        }
        let in_default = if l.items.is_empty() && l.lang != *default {
            with_items(default)
        } else {
            None
        };
        (with_items(other), in_default)
    }

    fn listing(
        &self,
        l: &Listing,
        n: usize,
        of: ListOf,
    ) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
        let is_section = matches!(of, ListOf::Section);
        let pages = l.pages(self.page_size());
        let (items, pager): (&[usize], Vec<_>) = if is_section && self.unpaginated(l) {
            (&l.items, Vec::new())
        } else {
            (
                pages.items(n),
                if pages.count() > 1 {
                    pages.links(n)
                } else {
                    Vec::new()
                },
            )
        };
        let summaries: Vec<&Arc<Summary>> =
            items.iter().map(|&i| &self.site.summaries[i]).collect();
        // The section a section page or filter page belongs to.
        let section_key = match of {
            ListOf::Section => Some(l.key.as_str()),
            ListOf::Facet(f) => Some(f.section.as_str()),
            ListOf::Tag => None,
        };
        let kind = match section_key {
            Some(key) => self
                .site
                .config
                .section(key)
                .map(|s| s.kind.as_str())
                .unwrap_or("article"),
            None => "tag",
        };
        let description = if is_section {
            self.site
                .config
                .section(&l.key)
                .and_then(|s| s.description.clone())
        } else {
            None
        };
        let url = pages.url(n);
        let facets = DocumentFacets::of(summaries.iter().map(|s| &***s));
        let filters = match of {
            ListOf::Section if kind == SectionKind::LegalDocument.as_str() => {
                filters::Filters::of(self.site, &l.key, &l.lang, &l.url, None)
            }
            ListOf::Facet(f) => {
                let section = self.site.section(&f.section, &l.lang);
                filters::Filters::of(
                    self.site,
                    &f.section,
                    &l.lang,
                    section.map_or("", |s| s.url.as_str()),
                    Some(f),
                )
            }
            _ => None,
        };
        // The breadcrumb's steps between the home page and this page.
        let trail = match of {
            ListOf::Section => Vec::new(),
            ListOf::Tag => vec![context! { name => self.string(&l.lang, "tags_title") }],
            ListOf::Facet(f) => self
                .site
                .section(&f.section, &l.lang)
                .map(|s| vec![context! { name => &s.name, url => &s.url }])
                .unwrap_or_default(),
        };
        let (title, facet_label) = match of {
            ListOf::Facet(f) => (
                l.name.clone(),
                Some(self.string(&l.lang, filters::label_key(f.dimension))),
            ),
            _ => (l.name.clone(), None),
        };
        let (translation, in_default_language) = self.listing_translation(l, of);
        let menu = self.menus.on(&l.lang, section_key, &[&url, &l.url]);
        let ctx = context! { ..self.base(&l.lang), ..context! {
            facets => ser(facets),
            filters => filters.map(ser),
            page => context! {
                title => &title,
                facet_label => facet_label,
                trail => trail,
                url => &url,
                kind => kind,
                translation => translation,
                in_default_language => in_default_language,
                description => description,
                number => n,
                count => pages.count(),
            },
            listing => context! { key => &l.key, name => &l.name, url => &l.url, total => l.items.len() },
            menu => menu.value,
            menu_key => menu.key,
            items => summaries_value(summaries),
            pager => ser(pager),
            today => &self.today,
            feed => (is_section && self.site.config.feeds).then(|| format!("{}rss.xml", l.url)),
        }};
        let path = format!("{}index.html", url.trim_start_matches('/'));
        let mut out = vec![(path, self.html("list.html", ctx)?)];
        if is_section && n == 1 && self.site.config.feeds {
            let base = l.url.trim_start_matches('/');
            let newest = newest(self.site, &l.items);
            out.push((
                format!("{base}rss.xml"),
                feeds::rss(
                    self.site,
                    &l.name,
                    &l.url,
                    &format!("{}rss.xml", l.url),
                    &l.lang,
                    &newest,
                ),
            ));
            out.push((
                format!("{base}atom.xml"),
                feeds::atom(
                    self.site,
                    &l.name,
                    &l.url,
                    &format!("{}atom.xml", l.url),
                    &l.lang,
                    &newest,
                ),
            ));
        }
        Ok(out)
    }

    fn feeds(&self, lang: &str) -> Vec<(String, Vec<u8>)> {
        let site = self.site;
        let items = site.recent.get(lang).map(Vec::as_slice).unwrap_or(&[]);
        let title = if lang == "vi" {
            site.config.title.clone()
        } else {
            site.config
                .title_en
                .clone()
                .unwrap_or_else(|| site.config.title.clone())
        };
        let home = format!("{}/", prefix(lang));
        let d = dir_prefix(lang);
        vec![
            (
                format!("{d}rss.xml"),
                feeds::rss(site, &title, &home, &format!("{home}rss.xml"), lang, items),
            ),
            (
                format!("{d}atom.xml"),
                feeds::atom(site, &title, &home, &format!("{home}atom.xml"), lang, items),
            ),
        ]
    }

    fn sitemap_files(&self) -> Vec<(String, Vec<u8>)> {
        sitemap::sitemap_files(self.site.config.base(), &sitemap_urls(self.site))
    }
}

/// Every URL sitemap.xml lists, with its date (RFC 3339, or empty).
pub fn sitemap_urls(site: &Site) -> Vec<(String, String)> {
    {
        let mut urls: Vec<(String, String)> = Vec::new();
        for lang in &site.config.languages {
            urls.push((format!("{}/", prefix(lang)), String::new()));
            urls.push((format!("{}/so-do-trang/", prefix(lang)), String::new()));
        }
        let facets = site.facets.iter().map(|f| &f.listing);
        for l in site.sections.iter().chain(&site.tags).chain(facets) {
            if !l.items.is_empty() {
                urls.push((l.url.clone(), String::new()));
            }
        }
        for s in &site.summaries {
            urls.push((s.url.clone(), s.date.clone()));
        }
        urls
    }
}

/// The choices of the legal-document list's filters: every type, issuer and year present.
#[derive(Serialize)]
struct DocumentFacets<'s> {
    types: Vec<&'s str>,
    issuers: Vec<&'s str>,
    years: Vec<&'s str>,
}

impl<'s> DocumentFacets<'s> {
    fn of(summaries: impl Iterator<Item = &'s Summary>) -> Self {
        let mut f = DocumentFacets {
            types: Vec::new(),
            issuers: Vec::new(),
            years: Vec::new(),
        };
        for d in summaries.filter_map(|s| s.meta.document.as_ref()) {
            f.types.push(&d.doc_type);
            f.issuers.push(&d.issuer);
            f.years.push(d.issued.get(..4).unwrap_or(""));
        }
        f.types.sort_unstable();
        f.types.dedup();
        f.issuers.sort_unstable();
        f.issuers.dedup();
        f.years.sort_unstable_by(|a, b| b.cmp(a));
        f.years.dedup();
        f
    }
}

/// What a list page lists.
#[derive(Clone, Copy)]
enum ListOf<'f> {
    Section,
    Tag,
    Facet(&'f Facet),
}

/// A serialisable value for a template.
fn ser<T: Serialize>(value: T) -> Value {
    Value::from(Serde(value))
}

/// The staff directory and standing pages show as one full list (legal documents are
/// paginated, with their filter pages, like every other list).
pub fn unpaginated(config: &stp_content::SiteConfig, l: &Listing) -> bool {
    matches!(
        config.section(&l.key).map(|s| s.kind),
        Some(SectionKind::Staff | SectionKind::Page)
    )
}

fn link(title: &str, url: String) -> FileLink {
    let ext = url
        .rsplit_once('.')
        .map(|(_, e)| e.to_uppercase())
        .unwrap_or_default();
    FileLink {
        title: title.to_string(),
        url,
        ext,
    }
}

/// `""` for Vietnamese, `/en` for English.
pub(crate) fn prefix(lang: &str) -> String {
    if lang == "vi" {
        String::new()
    } else {
        format!("/{lang}")
    }
}

/// `""` for Vietnamese, `en/` for English: the folder of a language's pages.
fn dir_prefix(lang: &str) -> String {
    if lang == "vi" {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// The items of a listing, newest first (listings may be ordered by weight).
fn newest(site: &Site, items: &[usize]) -> Vec<usize> {
    let mut v = items.to_vec();
    v.sort_by(|&a, &b| site.summaries[b].date.cmp(&site.summaries[a].date));
    v.truncate(feeds::FEED_ITEMS);
    v
}
