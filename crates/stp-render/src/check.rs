//! `stp check`: everything wrong with the working tree that a reader would notice, found
//! without writing anything: front-matter errors, text not in NFC or in a legacy
//! encoding, broken internal links and anchors, missing pictures and attachments, and
//! pictures without alt text.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use stp_content::text::{self, TextProblem};
use stp_content::{
    Article, ContentError, SiteConfig, SourceArticle, WorkingTree, check_bundle_files,
    parse_article, read_each,
};
use stp_site::{Provenance, Site};

use super::markdown;
use super::packing::Packing;

/// One problem, at a place in a file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub kind: &'static str,
    pub message: String,
    /// `message` as a message id and arguments, when the content layer gave them, for
    /// the command line to say in the run's language (the JSON keeps `message`).
    #[serde(skip)]
    pub said: Option<stp_content::Said>,
}

impl Problem {
    /// The problem's line with `words` for its message (the same problem said in another
    /// language): `file:line: kind: words`.
    pub fn located(&self, words: &str) -> String {
        format!(
            "{}:{}: {}: {words}",
            self.file.display(),
            self.line,
            self.kind
        )
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.located(&self.message))
    }
}

/// One article's parse result (with the lines of its front matter) and the problems
/// found in its text.
type Checked = (Option<(Article, Provenance, String)>, Vec<Problem>);

/// Checks the working tree of the site at `root`.
pub fn check_site(root: &Path, config: &SiteConfig) -> Result<Vec<Problem>, ContentError> {
    check_packing(root, config, stp_content::PACK_ABOVE)
}

/// `check_site`, the bodies held compressed once more than `pack_above` bytes of
/// articles are read.
fn check_packing(
    root: &Path,
    config: &SiteConfig,
    pack_above: u64,
) -> Result<Vec<Problem>, ContentError> {
    let tree = WorkingTree::new(root, config.max_attachment_bytes);
    let mut problems: Vec<Problem> = tree
        .stray_markdown()?
        .into_iter()
        .map(|file| Problem {
            file,
            line: 1,
            kind: "file",
            message: "is a Markdown file inside a bundle but not its article (index.md), so it is neither built nor published; rename it (e.g. to .txt) to publish it as a file, or remove it".into(),
            said: None,
        })
        .collect();
    // Each article is checked as soon as it is read, and only what the link checks need
    // later is kept: the article (its body compressed past a size, as a build holds it)
    // and the lines of its front matter, not its whole file.
    let packing = Packing::above(pack_above);
    let checked = read_each(&tree, |s| check_one(s, config, &packing))?;
    let mut texts: HashMap<PathBuf, String> = HashMap::new();
    let mut articles = Vec::new();
    for (article, found) in checked {
        problems.extend(found);
        if let Some((a, prov, front)) = article {
            texts.insert(a.path.clone(), front);
            articles.push((a, prov));
        }
    }
    packing.pack_rest(&mut articles);
    super::memory::give_back();
    let site = match Site::new(config.clone(), articles) {
        Ok(site) => site,
        Err(e) => {
            problems.push(Problem {
                file: "content".into(),
                line: 1,
                kind: "url",
                message: e.to_string(),
                said: None,
            });
            problems.sort();
            return Ok(problems);
        }
    };
    problems.extend(check_links(root, &site, &texts));
    problems.sort();
    problems.dedup();
    Ok(problems)
}

/// One article's checks: its text (NFC), its bundle's files, its front matter and what
/// is unfinished in it; the parsed article with the lines of its front matter, unless it
/// does not parse.
fn check_one(s: SourceArticle, config: &SiteConfig, packing: &Packing) -> Checked {
    let mut found = Vec::new();
    if let Ok(t) = std::str::from_utf8(&s.bytes) {
        for p in text::check(t, 1) {
            if let TextProblem::NotNfc { line } = p {
                found.push(Problem {
                    file: s.path.clone(),
                    line,
                    kind: "text",
                    message:
                        "text is not Unicode NFC (decomposed marks); `stp check --fix` rewrites it"
                            .into(),
                    said: None,
                });
            }
        }
    }
    if let Err(e) = check_bundle_files(&s.path, &s.files) {
        found.push(from_error(&e));
    }
    match parse_article(&s.path, &s.bytes, config) {
        Ok(mut a) => {
            let text = String::from_utf8_lossy(&s.bytes);
            found.extend(stp_content::unfinished(&a).into_iter().map(|u| Problem {
                file: s.path.clone(),
                line: u.line(&text),
                kind: "unfinished",
                message: u.message,
                said: None,
            }));
            let front: String = text
                .lines()
                .take(a.body_line)
                .flat_map(|l| [l, "\n"])
                .collect();
            if packing.now(s.bytes.len()) {
                a.body.pack();
            }
            let prov = Provenance {
                state: None,
                files: s.files,
                published: None,
            };
            (Some((a, prov, front)), found)
        }
        Err(e) => {
            found.push(from_error(&e));
            (None, found)
        }
    }
}

fn from_error(e: &ContentError) -> Problem {
    match e {
        ContentError::At(e) if e.line.is_some() => Problem {
            file: e.file.clone(),
            line: e.line.unwrap_or(1),
            kind: kind_of(&e.message),
            message: e.message.clone(),
            said: e.said.clone(),
        },
        other => Problem {
            file: other.path().to_path_buf(),
            line: 1,
            kind: "file",
            message: other
                .to_string()
                .split_once(": ")
                .map(|(_, m)| m.to_string())
                .unwrap_or_default(),
            said: match other {
                ContentError::At(e) => e.said.clone(),
                ContentError::Io { .. } => None,
            },
        },
    }
}

fn kind_of(message: &str) -> &'static str {
    if message.contains("legacy") || message.contains("UTF-8") {
        "text"
    } else {
        "front-matter"
    }
}

/// The URL paths the built site will have, and the anchors of each article.
fn known_urls(root: &Path, site: &Site) -> (HashSet<String>, HashMap<String, HashSet<String>>) {
    let mut urls: HashSet<String> = HashSet::new();
    for lang in &site.config.languages {
        let p = if lang == "vi" {
            String::new()
        } else {
            format!("/{lang}")
        };
        for u in ["/", "/so-do-trang/", "/tim-kiem/", "/rss.xml", "/atom.xml"] {
            urls.insert(format!("{p}{u}"));
        }
    }
    for l in site.sections.iter().chain(&site.tags) {
        urls.insert(l.url.clone());
        let n = l.pages(site.config.page_size).count();
        for i in 2..=n {
            urls.insert(format!("{}trang/{i}/", l.url));
        }
        urls.insert(format!("{}rss.xml", l.url));
        urls.insert(format!("{}atom.xml", l.url));
    }
    let mut anchors = HashMap::new();
    for (i, a) in site.articles.iter().enumerate() {
        urls.insert(a.url_path());
        for f in &site.provenance[i].files {
            if let (Some(bundle), Some(_)) = (&a.bundle_dir, f.file_name())
                && let Ok(inside) = f.strip_prefix(bundle)
            {
                urls.insert(format!(
                    "/{}/{}/{}",
                    a.section,
                    a.slug,
                    inside.to_string_lossy()
                ));
            }
        }
        let _ = anchors.insert(a.url_path(), HashSet::new());
    }
    let static_dir = root.join("static");
    for e in walkdir::WalkDir::new(&static_dir).into_iter().flatten() {
        if e.file_type().is_file()
            && let Ok(rel) = e.path().strip_prefix(&static_dir)
        {
            urls.insert(format!("/{}", rel.to_string_lossy()));
        }
    }
    (urls, anchors)
}

fn check_links(root: &Path, site: &Site, texts: &HashMap<PathBuf, String>) -> Vec<Problem> {
    let (urls, mut anchors) = known_urls(root, site);
    // The links, pictures and headings of every body; not its HTML, which nothing here
    // reads (at 100,000 articles it would be some 700 MB held at once).
    let rendered: Vec<markdown::Rendered> = site
        .articles
        .par_iter()
        .map(|a| markdown::Rendered {
            html: String::new(),
            ..markdown::render(&a.body.text())
        })
        .collect();
    for (a, r) in site.articles.iter().zip(&rendered) {
        if let Some(set) = anchors.get_mut(&a.url_path()) {
            set.extend(r.headings.iter().map(|h| h.id.clone()));
        }
    }
    let mut problems = Vec::new();
    for ((a, r), prov) in site.articles.iter().zip(&rendered).zip(&site.provenance) {
        let page = a.url_path();
        let body = a.body.text();
        let line_of = |needle: &str| {
            body.lines()
                .position(|l| l.contains(needle))
                .map(|i| a.body_line + i)
                .unwrap_or(a.body_line)
        };
        let front_line_of = |needle: &str| {
            texts
                .get(&a.path)
                .and_then(|t| t.lines().take(a.body_line).position(|l| l.contains(needle)))
                .map(|i| i + 1)
                .unwrap_or(2)
        };
        for target in &r.links {
            if target.contains("://") || target.starts_with("mailto:") || target.starts_with("tel:")
            {
                continue;
            }
            let (path, anchor) = match target.split_once('#') {
                Some((p, h)) => (p, Some(h)),
                None => (target.as_str(), None),
            };
            let resolved = if path.is_empty() {
                page.clone()
            } else if path.starts_with('/') {
                path.to_string()
            } else {
                let base = if a.lang == "vi" {
                    page.clone()
                } else {
                    format!("/{}/{}/", a.section, a.slug)
                };
                normalise(&format!("{base}{path}"))
            };
            let resolved = resolved.split('?').next().unwrap_or("").to_string();
            let with_slash = if resolved.ends_with('/') || resolved.contains('.') {
                resolved.clone()
            } else {
                format!("{resolved}/")
            };
            if !urls.contains(&resolved) && !urls.contains(&with_slash) {
                problems.push(Problem {
                    file: a.path.clone(),
                    line: line_of(target),
                    kind: "link",
                    message: format!("link to `{target}` goes nowhere on this site; fix the address or add the page"),
                    said: None,
                });
                continue;
            }
            if let Some(anchor) = anchor.filter(|h| !h.is_empty())
                && let Some(ids) = anchors.get(&with_slash)
                && !ids.contains(anchor)
            {
                problems.push(Problem {
                    file: a.path.clone(),
                    line: line_of(target),
                    kind: "anchor",
                    message: format!(
                        "`{target}`: the page has no heading with the anchor `#{anchor}`"
                    ),
                    said: None,
                });
            }
        }
        for img in &r.images_without_alt {
            problems.push(Problem {
                file: a.path.clone(),
                line: line_of(img),
                kind: "alt",
                message: format!("picture `{img}` has no alt text; describe it in `![...]({img})`"),
                said: None,
            });
        }
        if let Some(im) = &a.front.image
            && im.alt.trim().is_empty()
        {
            problems.push(Problem {
                file: a.path.clone(),
                line: front_line_of("alt:"),
                kind: "alt",
                message: format!("picture `{}` has an empty `alt:`; describe it", im.src),
                said: None,
            });
        }
        for named in a.named_files() {
            let expected = a.path.parent().unwrap_or(Path::new("")).join(named);
            if !prov.files.contains(&expected) {
                problems.push(Problem {
                    file: a.path.clone(),
                    line: front_line_of(named),
                    kind: "file",
                    message: format!(
                        "names `{named}`, which is not beside it; put the file in {} (as a bundle: <slug>/index.md)",
                        a.path.parent().unwrap_or(Path::new("")).display()
                    ),
                    said: None,
                });
            }
        }
    }
    problems
}

/// Resolves `.` and `..` in a URL path.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut s = format!("/{}", parts.join("/"));
    if path.ends_with('/') && s.len() > 1 {
        s.push('/');
    }
    s
}

/// Rewrites articles whose text is decomposed (NFD) or in a legacy encoding (TCVN3, VNI)
/// into Unicode NFC (Điều 4.1.a). Returns the files changed; a line that looks legacy but
/// does not decode stops the fix with an error naming the file and line.
pub fn fix_text(root: &Path) -> Result<Vec<PathBuf>, ContentError> {
    let tree = WorkingTree::new(root, 0);
    let mut changed = Vec::new();
    for rel in tree.article_paths()? {
        let path = root.join(&rel);
        let bytes = stp_content::read_limited(&path, stp_content::MAX_FILE_BYTES)?;
        let Ok(t) = String::from_utf8(bytes) else {
            continue;
        };
        let fixed = stp_content::legacy::repair(&t).map_err(|(line, e)| {
            ContentError::at(
                &rel,
                line,
                format!("{e}; retype this line in Unicode, then run `stp check --fix` again"),
            )
        })?;
        if fixed != t {
            let tmp = path.with_extension("md.stp-tmp");
            std::fs::write(&tmp, fixed.as_bytes()).map_err(|e| ContentError::io(&tmp, e))?;
            std::fs::rename(&tmp, &path).map_err(|e| ContentError::io(&path, e))?;
            changed.push(rel);
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use stp_content::SiteConfig;

    use super::{check_packing, normalise};

    #[test]
    fn finds_the_same_problems_with_bodies_packed_or_plain() {
        let dir = tempfile::tempdir().unwrap();
        let settings = include_str!("../../../examples/site/site.toml");
        std::fs::write(dir.path().join("site.toml"), settings).unwrap();
        let news = dir.path().join("content/tin-tuc");
        std::fs::create_dir_all(&news).unwrap();
        let filler = "Sở Tư pháp hướng dẫn thủ tục chứng thực bản sao. ".repeat(20);
        for i in 0..12 {
            let text = format!(
                "---\ntitle: Tin {i}\ndate: 2026-01-{:02}\nimage:\n  src: anh-{i}.jpg\n  alt: \"\"\n---\n{filler}\n\n## Kết quả\n\nXem [tin trước](/tin-tuc/tin-{}/#ket-qua), [tin khác](/tin-tuc/khong-co-{i}/) và [mục](/tin-tuc/tin-0/#khong-co).\n\n![](hinh-{i}.png)\n",
                1 + i,
                (i + 11) % 12,
            );
            std::fs::write(news.join(format!("tin-{i}.md")), text).unwrap();
        }
        let config = SiteConfig::parse(Path::new("site.toml"), settings).unwrap();
        let plain = check_packing(dir.path(), &config, u64::MAX).unwrap();
        let packed = check_packing(dir.path(), &config, 0).unwrap();
        assert_eq!(plain, packed);
        // Each article: a link nowhere, an anchor nowhere, a picture without alt in the
        // body and one in the front matter (on its line, 6), and the two pictures missing.
        for kind in ["link", "anchor", "alt", "file"] {
            let n = plain.iter().filter(|p| p.kind == kind).count();
            assert!(n >= 12, "{n} problems of kind {kind}: {plain:#?}");
        }
        assert!(
            plain
                .iter()
                .any(|p| p.kind == "alt" && p.line == 6 && p.message.contains("empty `alt:`")),
            "{plain:#?}"
        );
    }

    #[test]
    fn normalises_relative_paths() {
        assert_eq!(normalise("/tin-tuc/a/../b/"), "/tin-tuc/b/");
        assert_eq!(normalise("/tin-tuc/a/./anh.jpg"), "/tin-tuc/a/anh.jpg");
    }
}
