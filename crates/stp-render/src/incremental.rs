//! Rebuilding only what a change touches, for the preview server. It keeps the parsed
//! articles and the site model between changes; an edited article re-renders its own
//! page and, only when its summary or place changed, the list pages, feeds and indexes
//! that show it. A change to the theme, `site.toml` or `static/` rebuilds everything, and so
//! does a legal document whose summary changed (its section's filter pages).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use stp_content::Article;
use stp_content::{SiteConfig, SiteFiles, WorkingTree, parse_article, read_limited};
use stp_site::{Listing, Provenance, Site, Summary};

use super::RenderError;
use super::build::{load_site, write_site};
use super::compress;
use super::options::RenderOptions;
use super::output::{Staging, real_folder, replace_under};
use super::pages::{Job, RELATED_ITEMS, Renderer, sitemap_pages, sitemap_urls, unpaginated};
use super::sitemap;
use super::theme::Theme;

/// What an update did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Update {
    /// Files written (or removed).
    pub files: usize,
    /// Whether the whole site was rebuilt.
    pub full: bool,
}

/// A preview build kept up to date in place.
pub struct Incremental {
    root: PathBuf,
    out: PathBuf,
    config: SiteConfig,
    theme: Theme,
    site: Site,
    options: RenderOptions,
    /// Search indexes an edit made stale, rendered by `finish` (the slow part of an edit:
    /// about a second at 10,000 articles, so `stp serve` shows the page first).
    pending_search: Vec<Job>,
}

impl Incremental {
    /// Builds the whole preview of `root` into `out`.
    pub fn new(
        root: &Path,
        out: &Path,
        options: &RenderOptions,
    ) -> Result<Incremental, RenderError> {
        let files = SiteFiles::from_working_tree(root)?;
        let config = files.config()?;
        let theme = Theme::load(&files, &config.theme)?;
        let source = WorkingTree::new(root, config.max_attachment_bytes);
        let site = load_site(&config, &source)?;
        let staging = Staging::new(out)?;
        write_site(&site, &theme, &source, &files, &staging, options)?;
        if compress::wanted(&config, options) {
            compress::tree(&staging)?;
        }
        staging.commit()?;
        Ok(Incremental {
            root: root.to_path_buf(),
            out: out.to_path_buf(),
            config,
            theme,
            site,
            options: options.clone(),
            pending_search: Vec::new(),
        })
    }

    pub fn site(&self) -> &Site {
        &self.site
    }

    /// Brings the output up to date after `changed` (absolute or repository-relative)
    /// paths changed. On an error the previous model is kept.
    pub fn update(&mut self, changed: &[PathBuf]) -> Result<Update, RenderError> {
        let mut update = self.update_pages(changed)?;
        update.files += self.finish()?;
        Ok(update)
    }

    /// Whether search indexes wait for `finish`.
    pub fn search_pending(&self) -> bool {
        !self.pending_search.is_empty()
    }

    /// Renders the search indexes `update_pages` left stale; returns the files written.
    /// After it the output is again what a full build writes.
    pub fn finish(&mut self) -> Result<usize, RenderError> {
        let jobs = std::mem::take(&mut self.pending_search);
        let renderer = Renderer::new(&self.site, &self.theme, true, &self.options);
        let mut files = 0;
        for job in &jobs {
            files += self.render_and_write(&renderer, job)?;
        }
        Ok(files)
    }

    /// `update` but for the search indexes an edit of a body makes stale, which wait for
    /// `finish`: `stp serve` shows the edited page at once and the index a moment later.
    /// On an error the previous model is kept.
    pub fn update_pages(&mut self, changed: &[PathBuf]) -> Result<Update, RenderError> {
        let rel: Vec<PathBuf> = changed
            .iter()
            .map(|p| p.strip_prefix(&self.root).unwrap_or(p).to_path_buf())
            .collect();
        let tree = WorkingTree::new(&self.root, self.config.max_attachment_bytes);
        // A Markdown file inside a bundle that is not its article is a file of the bundle.
        let is_article = |p: &PathBuf| {
            p.starts_with("content")
                && p.extension().is_some_and(|e| e == "md")
                && !tree.inside_bundle(p)
        };
        if rel.iter().all(is_article) {
            self.update_articles(&rel)
        } else {
            // The theme, site.toml, static/ or a file beside an article: everything.
            self.rebuild_all()
        }
    }

    fn rebuild_all(&mut self) -> Result<Update, RenderError> {
        let fresh = Incremental::new(&self.root, &self.out, &self.options)?;
        *self = fresh;
        Ok(Update {
            files: 0,
            full: true,
        })
    }

    fn update_articles(&mut self, changed: &[PathBuf]) -> Result<Update, RenderError> {
        let changed: HashSet<&PathBuf> = changed.iter().collect();
        // Parse the new versions first, so an error leaves everything as it was.
        let mut replacements: Vec<(PathBuf, Option<(Article, Provenance)>)> = Vec::new();
        let tree = WorkingTree::new(&self.root, self.config.max_attachment_bytes);
        for path in &changed {
            let abs = self.root.join(path);
            if !abs.exists() {
                replacements.push(((*path).clone(), None));
                continue;
            }
            stp_content::check_inside(&self.root, &abs)?;
            let bytes = read_limited(&abs, stp_content::MAX_FILE_BYTES)?;
            let article = parse_article(path, &bytes, &self.config)?;
            let files = self
                .site
                .articles
                .iter()
                .position(|a| &a.path == *path)
                .map(|i| self.site.provenance[i].files.clone())
                .map_or_else(|| tree.bundle_files(path), Ok)?;
            stp_content::check_bundle_files(path, &files)?;
            let state = article.front.status.clone();
            replacements.push((
                (*path).clone(),
                Some((
                    article,
                    Provenance {
                        state,
                        files,
                        published: None,
                    },
                )),
            ));
        }

        if let Some(update) = self.update_in_place(&mut replacements)? {
            return Ok(update);
        }
        // A legal document whose summary changed (or that came or went) moves documents
        // between the section's filter pages (`/van-ban/loai/…/`), which can appear or
        // disappear: rebuild everything rather than track them.
        let legal = |path: &PathBuf| {
            path.iter().nth(1).is_some_and(|section| {
                self.config
                    .section(&section.to_string_lossy())
                    .is_some_and(|s| s.kind == stp_content::SectionKind::LegalDocument)
            })
        };
        if changed.iter().any(|p| legal(p)) {
            return self.rebuild_all();
        }
        let old = PageIndex::of(&self.site);
        let old_split = Split::of(&self.site);
        let old_summaries: HashMap<String, String> = self
            .site
            .articles
            .iter()
            .zip(&self.site.summaries)
            .filter(|(a, _)| changed.contains(&a.path))
            .map(|(a, s)| {
                (
                    a.url_path(),
                    serde_json::to_string(&**s).unwrap_or_default(),
                )
            })
            .collect();

        let placeholder = Site::new(self.config.clone(), Vec::new())?;
        let site = std::mem::replace(&mut self.site, placeholder);
        let mut articles = site.into_articles();
        let mut removed_urls = Vec::new();
        for (path, replacement) in replacements {
            if let Some(pos) = articles.iter().position(|(a, _)| a.path == path) {
                let (gone, _) = articles.swap_remove(pos);
                removed_urls.push(gone.url_path());
            }
            if let Some(pair) = replacement {
                articles.push(pair);
            }
        }
        let new_site = match Site::new(self.config.clone(), articles) {
            Ok(s) => s,
            Err(e) => {
                // Restore a consistent model from disk before reporting.
                self.rebuild_all()?;
                return Err(e.into());
            }
        };
        self.site = new_site;
        if Split::of(&self.site) != old_split {
            // The HTML sitemap gained or lost a page, or sitemap.xml a part.
            return self.rebuild_all();
        }
        let site = &self.site;

        let mut jobs: Vec<Job> = Vec::new();
        let mut summary_changed = false;
        let new_urls: HashSet<String> = site.articles.iter().map(|a| a.url_path()).collect();
        for (i, a) in site.articles.iter().enumerate() {
            if !changed.contains(&a.path) {
                continue;
            }
            jobs.push(Job::Article(i));
            if let Some(t) = site.translations[i] {
                jobs.push(Job::Article(t));
            }
            let now = serde_json::to_string(&*site.summaries[i]).unwrap_or_default();
            if old_summaries.get(&a.url_path()) != Some(&now) {
                summary_changed = true;
            }
        }
        let mut removed_files = 0;
        for url in &removed_urls {
            if !new_urls.contains(url) {
                summary_changed = true;
                let folder = url.trim_matches('/');
                if !real_folder(&self.out, folder) {
                    continue;
                }
                let page = self.out.join(folder).join("index.html");
                if page.exists() {
                    std::fs::remove_file(&page).map_err(|e| RenderError::io(&page, e))?;
                    removed_files += 1;
                }
                let rel = format!("{folder}/index.html");
                removed_files += compress::remove(&self.out, &rel)?;
            }
        }
        if summary_changed {
            let new = PageIndex::of(site);
            let changed_urls: HashSet<String> = site
                .articles
                .iter()
                .filter(|a| changed.contains(&a.path))
                .map(|a| a.url_path())
                .chain(removed_urls.iter().cloned())
                .collect();
            jobs.extend(new.jobs_differing_from(&old, &changed_urls, site));
            jobs.extend(new.sidebar_jobs(&old, &changed_urls, site));
            for rel in new.pages_gone_since(&old) {
                removed_files += remove_page(&self.out, &rel)?;
            }
        }
        let renderer = Renderer::new(site, &self.theme, true, &self.options);
        if summary_changed {
            jobs.extend(renderer.summary_jobs());
        }
        // Each page once: two threads must never write the same file.
        let mut seen = HashSet::new();
        jobs.retain(|j| seen.insert(j.clone()));
        let written: usize = jobs
            .par_iter()
            .map(|job| self.render_and_write(&renderer, job))
            .collect::<Result<Vec<usize>, RenderError>>()?
            .into_iter()
            .sum();
        Ok(Update {
            files: written + removed_files,
            full: false,
        })
    }
}

/// An article file's new parsed version, or `None` when it was removed.
type Replacement = (PathBuf, Option<(Article, Provenance)>);

impl Incremental {
    /// The common case: articles whose summaries (and so every list, feed and index that
    /// shows them) did not change. They are swapped into the model where they stand and
    /// only their own pages are rendered. Returns `None`, changing nothing, otherwise.
    fn update_in_place(
        &mut self,
        replacements: &mut Vec<Replacement>,
    ) -> Result<Option<Update>, RenderError> {
        let mut places = Vec::with_capacity(replacements.len());
        for (path, new) in replacements.iter() {
            let Some((article, prov)) = new else {
                return Ok(None);
            };
            let Some(i) = self.site.articles.iter().position(|a| &a.path == path) else {
                return Ok(None);
            };
            let summary = Summary::of(article, prov);
            let same = serde_json::to_string(&summary).ok()
                == serde_json::to_string(&*self.site.summaries[i]).ok();
            if !same || article.url_path() != self.site.articles[i].url_path() {
                return Ok(None);
            }
            places.push(i);
        }
        // The body is in the search index: a new body is a new index of its language,
        // rendered by `finish`.
        for ((_, new), &i) in replacements.iter().zip(&places) {
            if let Some((article, _)) = new
                && article.body != self.site.articles[i].body
            {
                let job = Job::Search(article.lang.clone());
                if !self.pending_search.contains(&job) {
                    self.pending_search.push(job);
                }
            }
        }
        for ((_, new), &i) in replacements.drain(..).zip(&places) {
            let (article, prov) = new.expect("checked above");
            self.site.articles[i] = article;
            self.site.provenance[i] = prov;
        }
        let renderer = Renderer::new(&self.site, &self.theme, true, &self.options);
        let mut files = 0;
        for &i in &places {
            files += self.render_and_write(&renderer, &Job::Article(i))?;
        }
        Ok(Some(Update { files, full: false }))
    }
}

impl Incremental {
    /// Writes what `job` rendered. A search index is a folder named by its digest: the
    /// previous index's folder goes once the new one is written.
    /// Renders `job` with `renderer` and writes it; returns the files written.
    fn render_and_write(&self, renderer: &Renderer, job: &Job) -> Result<usize, RenderError> {
        let files = renderer.render(job)?;
        self.write_all(job, &files)?;
        Ok(files.len())
    }

    fn write_all(&self, job: &Job, files: &[(String, Vec<u8>)]) -> Result<(), RenderError> {
        for (rel, body) in files {
            self.write(rel, body)?;
        }
        if let Job::Search(_) = job {
            self.prune_search(files)?;
        }
        Ok(())
    }

    /// Removes every fragment in the `t/` and `d/` folders of the search index just
    /// written that is not one of its own (with its variants): a changed fragment has a
    /// new name.
    fn prune_search(&self, files: &[(String, Vec<u8>)]) -> Result<(), RenderError> {
        let Some((page, _)) = files
            .iter()
            .find(|(r, _)| r.ends_with("tim-kiem/index.html"))
        else {
            return Ok(());
        };
        let dir = page.trim_end_matches("index.html");
        let keep: HashSet<&str> = files
            .iter()
            .filter_map(|(r, _)| r.strip_prefix(dir))
            .collect();
        prune_unnamed(&self.out, dir, &keep)
    }

    /// Writes a rendered file in place (never half seen), with its variants when the build
    /// has them.
    fn write(&self, rel: &str, body: &[u8]) -> Result<(), RenderError> {
        replace_under(&self.out, rel, body)?;
        if compress::wanted(&self.config, &self.options) {
            compress::refresh(&self.out, rel, body)?;
        }
        Ok(())
    }
}

/// How the summary pages that split are split: the HTML sitemap's page count per language
/// and sitemap.xml's file count. When it changes, files appear or go.
#[derive(PartialEq, Eq)]
struct Split {
    html: Vec<usize>,
    xml: usize,
}

impl Split {
    fn of(site: &Site) -> Split {
        Split {
            html: site
                .config
                .languages
                .iter()
                .map(|l| sitemap_pages(site, l))
                .collect(),
            xml: sitemap::file_count(site.config.base(), &sitemap_urls(site)),
        }
    }
}

/// The article URLs on every page of every listing, to see which pages a change moved.
struct PageIndex {
    /// (is_section, key, lang) → pages → item URLs.
    pages: HashMap<(bool, String, String), Vec<Vec<String>>>,
    /// (is_section, key, lang) → the listing's first page's URL path.
    first: HashMap<(bool, String, String), String>,
}

impl PageIndex {
    fn of(site: &Site) -> PageIndex {
        let mut pages = HashMap::new();
        let mut first = HashMap::new();
        let per_page = site.config.page_size;
        for (is_section, listings) in [(true, &site.sections), (false, &site.tags)] {
            for l in listings {
                let key = (is_section, l.key.clone(), l.lang.clone());
                pages.insert(key.clone(), slices(site, l, per_page, is_section));
                first.insert(key, l.url.clone());
            }
        }
        PageIndex { pages, first }
    }

    /// The output files (`…/index.html`) of the list pages `old` had and this index has
    /// not: the pages past the new last one of a listing that shrank, and every page of a
    /// listing that is gone (a tag no article carries any more).
    fn pages_gone_since(&self, old: &PageIndex) -> Vec<String> {
        let mut gone = Vec::new();
        for (key, old_pages) in &old.pages {
            let now = self.pages.get(key).map_or(0, Vec::len);
            let Some(url) = old.first.get(key) else {
                continue;
            };
            for n in (now + 1)..=old_pages.len() {
                let page = stp_site::page_url(url, n);
                gone.push(format!("{}/index.html", page.trim_matches('/')));
            }
        }
        gone.sort();
        gone
    }

    /// Jobs for the list pages whose items moved, or that show a changed article.
    fn jobs_differing_from(
        &self,
        old: &PageIndex,
        changed: &HashSet<String>,
        site: &Site,
    ) -> Vec<Job> {
        let mut jobs = Vec::new();
        for (is_section, listings) in [(true, &site.sections), (false, &site.tags)] {
            for (i, l) in listings.iter().enumerate() {
                let key = (is_section, l.key.clone(), l.lang.clone());
                let new_pages = &self.pages[&key];
                let old_pages = old.pages.get(&key);
                let count_changed = old_pages.map(|p| p.len()) != Some(new_pages.len());
                for (n, items) in new_pages.iter().enumerate() {
                    let moved = old_pages.and_then(|p| p.get(n)) != Some(items);
                    let shows_changed = items.iter().any(|u| changed.contains(u));
                    if count_changed || moved || shows_changed {
                        jobs.push(if is_section {
                            Job::SectionPage {
                                listing: i,
                                page: n + 1,
                            }
                        } else {
                            Job::TagPage {
                                listing: i,
                                page: n + 1,
                            }
                        });
                    }
                }
            }
        }
        jobs
    }
}

impl PageIndex {
    /// Every article page of a section whose sidebar (the section's newest articles)
    /// changed: its head moved, or shows a changed article.
    fn sidebar_jobs(&self, old: &PageIndex, changed: &HashSet<String>, site: &Site) -> Vec<Job> {
        let head = |index: &PageIndex, l: &Listing| -> Vec<String> {
            index
                .pages
                .get(&(true, l.key.clone(), l.lang.clone()))
                .map(|pages| {
                    pages
                        .iter()
                        .flatten()
                        .take(RELATED_ITEMS + 1)
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut jobs = Vec::new();
        for l in &site.sections {
            let (before, after) = (head(old, l), head(self, l));
            if before != after || after.iter().any(|u| changed.contains(u)) {
                jobs.extend(l.items.iter().map(|&i| Job::Article(i)));
            }
        }
        jobs
    }
}

fn slices(site: &Site, l: &Listing, per_page: usize, is_section: bool) -> Vec<Vec<String>> {
    if is_section && unpaginated(&site.config, l) {
        return vec![
            l.items
                .iter()
                .map(|&i| site.summaries[i].url.clone())
                .collect(),
        ];
    }
    let pages = l.pages(per_page);
    (1..=pages.count())
        .map(|n| {
            pages
                .items(n)
                .iter()
                .map(|&i| site.summaries[i].url.clone())
                .collect()
        })
        .collect()
}

/// Removes the page `rel` (`…/index.html`) under `out` with its variants, and the folders
/// it leaves empty (as a full build would not make them); returns the files removed.
fn remove_page(out: &Path, rel: &str) -> Result<usize, RenderError> {
    let page = out.join(rel);
    let mut removed = 0;
    if !real_folder(out, rel.rsplit_once('/').map_or("", |(dir, _)| dir)) {
        return Ok(0);
    }
    if page.exists() {
        std::fs::remove_file(&page).map_err(|e| RenderError::io(&page, e))?;
        removed += 1;
    }
    removed += compress::remove(out, rel)?;
    let mut folder = page.parent();
    while let Some(dir) = folder.filter(|d| d.starts_with(out) && *d != out) {
        if std::fs::remove_dir(dir).is_err() {
            break;
        }
        folder = dir.parent();
    }
    Ok(removed)
}

/// Removes the fragments under `<dir>t/` and `<dir>d/` of `out` (and their compressed
/// variants) that `keep` does not name. The output folder is not trusted further than
/// that: a folder on the way that is a symbolic link, or not a folder, is left alone, so
/// a link planted in it never makes a rebuild delete files elsewhere.
fn prune_unnamed(out: &Path, dir: &str, keep: &HashSet<&str>) -> Result<(), RenderError> {
    for kind in ["t", "d"] {
        let rel = format!("{dir}{kind}");
        if !real_folder(out, &rel) {
            continue;
        }
        let abs = out.join(&rel);
        let entries = std::fs::read_dir(&abs).map_err(|e| RenderError::io(&abs, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| RenderError::io(&abs, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let file = compress::SUFFIXES
                .iter()
                .find_map(|suffix| name.strip_suffix(suffix))
                .unwrap_or(&name);
            if !keep.contains(format!("{kind}/{file}").as_str()) {
                std::fs::remove_file(entry.path())
                    .map_err(|e| RenderError::io(&entry.path(), e))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::prune_unnamed;
    use std::collections::HashSet;

    #[test]
    fn prunes_unnamed_fragments_and_never_follows_a_link() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = tmp.path().join("out");
        let elsewhere = tmp.path().join("elsewhere");
        std::fs::create_dir_all(out.join("tim-kiem/d")).expect("mkdir");
        std::fs::create_dir_all(&elsewhere).expect("mkdir");
        for f in ["d/0.aaaa.json", "d/0.bbbb.json", "d/0.bbbb.json.gz"] {
            std::fs::write(out.join("tim-kiem").join(f), "[]").expect("write");
        }
        std::fs::write(elsewhere.join("precious.json"), "x").expect("write");
        std::os::unix::fs::symlink(&elsewhere, out.join("tim-kiem/t")).expect("symlink");
        let keep: HashSet<&str> = ["index.html", "d/0.aaaa.json"].into();
        prune_unnamed(&out, "tim-kiem/", &keep).expect("prunes");
        assert!(out.join("tim-kiem/d/0.aaaa.json").exists());
        assert!(!out.join("tim-kiem/d/0.bbbb.json").exists());
        assert!(!out.join("tim-kiem/d/0.bbbb.json.gz").exists());
        assert!(
            elsewhere.join("precious.json").exists(),
            "a link is not followed"
        );

        // A linked `tim-kiem/` itself is not followed either.
        let linked = tmp.path().join("linked");
        std::fs::create_dir_all(linked.join("en")).expect("mkdir");
        std::os::unix::fs::symlink(out.join("tim-kiem"), linked.join("en/tim-kiem"))
            .expect("symlink");
        prune_unnamed(&linked, "en/tim-kiem/", &HashSet::new()).expect("skips");
        assert!(out.join("tim-kiem/d/0.aaaa.json").exists());
    }
}
