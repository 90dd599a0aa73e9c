//! The build as a chain of stages: source → parsed articles → site model → rendered files
//! in a staging folder → swapped in. Everything the build reads comes from its source:
//! the articles and the site files (settings, theme, static files). For the public site
//! that source is the ledger's live set, so the builder has no other way in.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use stp_content::{
    ContentSource, SiteConfig, SiteFiles, SourceArticle, check_bundle_files, parse_article,
    read_each,
};
use stp_site::{Provenance, Site};

use super::RenderError;
use super::options::RenderOptions;
use super::output::Staging;
use super::packing::Packing;
use super::pages::Renderer;
use super::theme::Theme;

/// What a build wrote.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct BuildReport {
    pub articles: usize,
    pub files: usize,
    pub bytes: u64,
    pub public: bool,
    /// Precompressed variants (`.gz`, `.br`) written beside the text files, and their
    /// bytes; not counted in `files` and `bytes`.
    pub variants: usize,
    pub variant_bytes: u64,
    /// Files and variants whose bytes the previous build at the same place already held:
    /// linked from it, not written again (counted in the figures above as well).
    pub kept: usize,
}

/// Parses every article of `source` in parallel. All errors are reported together.
pub fn load_site(config: &SiteConfig, source: &dyn ContentSource) -> Result<Site, RenderError> {
    let packing = Packing::asked(None);
    load_timed(config, source, None, &packing, &mut Stages::start(false))
}

/// `load_site`; with `held_back_at`, the articles whose `publish_at` is after that moment
/// are left out (the public site: published, but not online yet). Each article is parsed
/// as soon as it is read, and its bytes dropped: the bytes of every article at once would
/// be the build's largest use of memory; bodies are packed as `packing` says.
fn load_timed(
    config: &SiteConfig,
    source: &dyn ContentSource,
    held_back_at: Option<chrono::NaiveDateTime>,
    packing: &Packing,
    stages: &mut Stages,
) -> Result<Site, RenderError> {
    let parsed = read_each(source, |s: SourceArticle| {
        check_bundle_files(&s.path, &s.files)
            .and_then(|()| parse_article(&s.path, &s.bytes, config))
            .map(|mut a| {
                if packing.now(s.bytes.len()) {
                    a.body.pack();
                }
                let provenance = Provenance {
                    state: s.state.or_else(|| a.front.status.clone()),
                    files: s.files,
                    published: s.published,
                };
                (a, provenance)
            })
    })?;
    stages.done("read and parse articles");
    let mut errors = Vec::new();
    let mut articles = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok((a, _)) if held_back_at.is_some_and(|now| a.scheduled_after(now)) => {}
            Ok(pair) => articles.push(pair),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.path().cmp(b.path()));
        return Err(RenderError::Content(errors));
    }
    packing.pack_rest(&mut articles);
    let site = Site::new(config.clone(), articles)?;
    // The articles' files and the plain texts packed at the end were freed by the worker
    // threads that read them: give that memory back before the pages are made.
    super::memory::give_back();
    stages.done("site model");
    Ok(site)
}

/// Builds the site from `source` (its articles and its site files) into `out`; `extra`
/// files (path in the output → bytes) are written with it. The previous output stays
/// whole until the new one is complete.
pub fn build(
    source: &dyn ContentSource,
    out: &Path,
    extra: &[(String, Vec<u8>)],
    options: &RenderOptions,
) -> Result<BuildReport, RenderError> {
    let mut stages = Stages::start(options.timings);
    let files = source.site_files()?;
    let config = files.config()?;
    let held_back_at = source.is_public().then_some(options.now);
    let packing = Packing::asked(options.pack_bodies);
    let site = load_timed(&config, source, held_back_at, &packing, &mut stages)?;
    let theme = Theme::load(&files, &config.theme)?;
    let staging = Staging::new(out)?;
    stages.done("theme and staging");
    let mut report = write_site(&site, &theme, source, &files, &staging, options)?;
    for (rel, data) in extra {
        staging.put(rel, data)?;
        report.files += 1;
        report.bytes += data.len() as u64;
    }
    stages.done("render and write");
    if super::compress::wanted(&config, options) {
        let written = super::compress::tree(&staging)?;
        report.variants = written.files;
        report.variant_bytes = written.bytes;
        // The record of how they were made, which `tree` wrote, is a file of the build.
        report.files += 1;
        report.bytes += super::compress::variants_record().len() as u64;
        stages.done("compress");
    }
    report.kept = staging.kept();
    staging.commit()?;
    stages.done("swap in");
    drop(site);
    stages.done("free the model");
    Ok(report)
}

/// When asked (`RenderOptions::timings`, from `STP_TIMINGS`), prints how long each stage
/// of a build took (for scripts/bench); otherwise does nothing. The public build's first
/// stage, the signed history and the live set, is timed by the command line with it.
pub struct Stages {
    last: Option<std::time::Instant>,
    /// The process's CPU time (user and system) when the last stage ended, in ms.
    cpu: u64,
}

impl Stages {
    /// Starts timing the first stage; `on`: print, else do nothing.
    pub fn start(on: bool) -> Stages {
        Stages {
            last: on.then(std::time::Instant::now),
            cpu: cpu_ms(),
        }
    }

    /// Prints the stage just ended: wall and CPU time since the last, memory now and at
    /// peak.
    pub fn done(&mut self, stage: &str) {
        if let Some(last) = self.last.as_mut() {
            let cpu = cpu_ms();
            eprintln!(
                "stage {stage}: {} ms, cpu {} ms, {}",
                last.elapsed().as_millis(),
                cpu.saturating_sub(self.cpu),
                memory()
            );
            *last = std::time::Instant::now();
            self.cpu = cpu;
        }
    }
}

/// The CPU time (user and system, all threads) the process has used, in ms, from
/// /proc/self/stat (in clock ticks of 10 ms); 0 where it cannot be read. With the wall
/// time of a stage, it tells whether both cores were busy.
fn cpu_ms() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which may hold spaces), from the third on.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |n: usize| {
        fields
            .get(n)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    (ticks(11) + ticks(12)) * 10
}

/// The process's memory now and at its peak (`VmRSS`, `VmHWM` from /proc), for the stage
/// timings: which stage holds what.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
            .map_or_else(|| "?".to_string(), |kb| format!("{} MiB", kb / 1024))
    };
    format!("rss {} (peak {})", field("VmRSS:"), field("VmHWM:"))
}

/// Renders every page of `site` into the build being written.
pub fn write_site(
    site: &Site,
    theme: &Theme,
    source: &dyn ContentSource,
    site_files: &SiteFiles,
    staging: &Staging,
    options: &RenderOptions,
) -> Result<BuildReport, RenderError> {
    let renderer = Renderer::new(site, theme, !source.is_public(), options);
    let files = AtomicUsize::new(0);
    let bytes = AtomicU64::new(0);
    let jobs = renderer.jobs();
    jobs.par_iter()
        .try_for_each(|job| -> Result<(), RenderError> {
            renderer.render_each(job, &|rel, body| {
                staging.put(&rel, &body)?;
                files.fetch_add(1, Ordering::Relaxed);
                bytes.fetch_add(body.len() as u64, Ordering::Relaxed);
                Ok(())
            })
        })?;
    // Files beside bundle articles, read through the source (the signed version for the
    // public site). A bundle's files are published once, at the Vietnamese page's URL.
    let mut copied = std::collections::HashSet::new();
    let mut bundle_files: Vec<(String, PathBuf)> = Vec::new();
    for (i, a) in site.articles.iter().enumerate() {
        let Some(bundle) = &a.bundle_dir else {
            continue;
        };
        // A submission's record (`nguon/`, with the sender's details) is kept and signed
        // with the article but never published, whichever source the build reads.
        let record = bundle.join(stp_content::RECORD_DIR);
        for f in &site.provenance[i].files {
            if f.starts_with(&record) || !copied.insert(f.clone()) {
                continue;
            }
            let inside = f
                .strip_prefix(bundle)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .map_err(|_| {
                    RenderError::Output(format!(
                        "{} is not inside {}",
                        f.display(),
                        bundle.display()
                    ))
                })?;
            bundle_files.push((format!("{}/{}/{}", a.section, a.slug, inside), f.clone()));
        }
    }
    bundle_files
        .par_iter()
        .try_for_each(|(rel, path)| -> Result<(), RenderError> {
            let data = super::metadata::stripped(rel, source.read_file(path)?);
            staging.put(rel, &data)?;
            files.fetch_add(1, Ordering::Relaxed);
            bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
            Ok(())
        })?;
    let headers = super::headers::headers_file(&site.config.languages);
    staging.put("_headers", &headers)?;
    files.fetch_add(1, Ordering::Relaxed);
    bytes.fetch_add(headers.len() as u64, Ordering::Relaxed);
    for (rel, data) in &theme.asset_files {
        staging.put(rel, data)?;
        files.fetch_add(1, Ordering::Relaxed);
        bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
    }
    for (rel, data) in site_files.under("static") {
        let data = super::metadata::stripped(rel, data.to_vec());
        staging.put(rel, &data)?;
        files.fetch_add(1, Ordering::Relaxed);
        bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
    }
    Ok(BuildReport {
        articles: site.articles.len(),
        files: files.into_inner(),
        bytes: bytes.into_inner(),
        public: source.is_public(),
        ..BuildReport::default()
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use stp_content::{Body, SiteConfig, WorkingTree};

    use super::{Packing, Stages, load_timed};

    /// A working tree of `n` news articles, each body about 1 KB.
    fn site(n: usize) -> (tempfile::TempDir, SiteConfig) {
        let dir = tempfile::tempdir().unwrap();
        let settings = include_str!("../../../examples/site/site.toml");
        std::fs::write(dir.path().join("site.toml"), settings).unwrap();
        let news = dir.path().join("content/tin-tuc");
        std::fs::create_dir_all(&news).unwrap();
        for i in 0..n {
            let body = format!("Bài {i}: Sở Tư pháp hướng dẫn thủ tục chứng thực. ").repeat(20);
            let text = format!(
                "---\ntitle: Tin {i}\ndate: 2026-01-{:02}\n---\n{body}\n",
                1 + i % 28
            );
            std::fs::write(news.join(format!("tin-{i}.md")), text).unwrap();
        }
        let config = SiteConfig::parse(Path::new("site.toml"), settings).unwrap();
        (dir, config)
    }

    fn load(dir: &Path, config: &SiteConfig, pack_above: u64) -> Vec<Body> {
        let tree = WorkingTree::new(dir, config.max_attachment_bytes);
        let packing = Packing::above(pack_above);
        let site = load_timed(config, &tree, None, &packing, &mut Stages::start(false)).unwrap();
        site.articles.iter().map(|a| a.body.clone()).collect()
    }

    #[test]
    fn past_the_threshold_every_body_ends_packed_with_its_text() {
        let (dir, config) = site(40);
        let plain = load(dir.path(), &config, u64::MAX);
        // About 40 KB in all: past 10 KB the bodies are packed as they are read, and the
        // ones read before at the end.
        let packed = load(dir.path(), &config, 10 * 1024);
        assert_eq!(plain.len(), 40);
        assert!(plain.iter().all(|b| matches!(b, Body::Plain(_))));
        assert!(packed.iter().all(|b| matches!(b, Body::Packed { .. })));
        for (a, b) in plain.iter().zip(&packed) {
            assert_eq!(a.text(), b.text());
            assert!(b.held() < a.held(), "{} of {}", b.held(), a.held());
        }
    }

    #[test]
    fn under_the_threshold_bodies_stay_plain() {
        let (dir, config) = site(5);
        let bodies = load(dir.path(), &config, 1024 * 1024);
        assert_eq!(bodies.len(), 5);
        assert!(bodies.iter().all(|b| matches!(b, Body::Plain(_))));
    }
}
