//! Precompressed variants. A web server that finds `page.html.gz` beside `page.html` can
//! send that file as it is to a browser that takes gzip (nginx's `gzip_static on`), instead
//! of compressing the page again for every reader; `page.html.br` is the same for brotli
//! (nginx's `brotli_static`, Caddy's `precompressed`). With `stp build --compress`, or
//! `compress = true` in `site.toml`, every text file of the build (known by the
//! Content-Type its extension gives: pages, styles, scripts, feeds, sitemaps, the search
//! index, SVG, plain text) larger than
//! [`MIN_BYTES`] gets both beside it, whose decompressed bytes are the file's: gzip at its
//! best compression (flate2) and brotli at quality [`BROTLI_QUALITY`] (chosen by
//! measuring, with `examples/compress_levels.rs`). Both are deterministic (the gzip header
//! carries no time and no name), so two builds of the same history stay byte-identical;
//! the incremental rebuild of the preview server writes a page's variants with the page and
//! removes them with it, so its output stays the full build's. Smaller files get none (their response is a packet either way), nor do the
//! host's own files (`_headers`, the build record `.stp-build.json`), which are not served.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use stp_content::SiteConfig;

use super::RenderError;
use super::options::RenderOptions;
use super::output::{Staging, replace_under, write_under};
use super::previous::VARIANTS_RECORD;

/// Files of at most this many bytes get no variants.
pub const MIN_BYTES: usize = 512;

/// Brotli's quality, 0–11. Measured on the pages of 10,000 articles (docs/bench.md,
/// "Precompressed variants"): 6 takes about as long again as gzip and its files are 5 %
/// smaller than gzip's; 8 saves 3 % more in twice the time, and 11, 10 % more than 6, takes
/// some forty times as long as the build itself.
pub const BROTLI_QUALITY: i32 = 6;

/// The suffixes of the variants, in the order they are written.
pub const SUFFIXES: [&str; 2] = [".gz", ".br"];

/// What was written: variant files and their bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
}

impl std::ops::Add for Written {
    type Output = Written;
    fn add(self, other: Written) -> Written {
        Written {
            files: self.files + other.files,
            bytes: self.bytes + other.bytes,
        }
    }
}

/// Whether this build writes variants: asked for on the command line, or by the site.
pub fn wanted(config: &SiteConfig, options: &RenderOptions) -> bool {
    options.compress || config.compress
}

/// Whether the file at `rel` (a path in the build) is a text file that may get variants:
/// text by its Content-Type (crate::headers), and not one of the host's own files.
pub fn is_text(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    !name.starts_with('.') && !name.starts_with('_') && super::headers::is_text(name)
}

/// Whether `body`, the file at `rel`, gets variants.
pub fn gets_variants(rel: &str, body: &[u8]) -> bool {
    body.len() > MIN_BYTES && is_text(rel)
}

/// The variants of `body`, as (suffix, bytes) in the order of [`SUFFIXES`].
pub fn variants(body: &[u8]) -> [(&'static str, Vec<u8>); 2] {
    [
        (SUFFIXES[0], gzip(body)),
        (SUFFIXES[1], brotli(body, BROTLI_QUALITY)),
    ]
}

/// `body` gzipped at the best compression.
pub fn gzip(body: &[u8]) -> Vec<u8> {
    // No name, time 0: the same bytes give the same file.
    let mut encoder = flate2::GzBuilder::new().write(
        Vec::with_capacity(body.len() / 3),
        flate2::Compression::best(),
    );
    encoder
        .write_all(body)
        .and_then(|()| encoder.finish())
        .expect("compressing into memory cannot fail")
}

/// `body` in brotli at `quality` (0–11; the variants use [`BROTLI_QUALITY`]).
pub fn brotli(body: &[u8], quality: i32) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        size_hint: body.len(),
        mode: brotli::enc::backward_references::BrotliEncoderMode::BROTLI_MODE_TEXT,
        ..Default::default()
    };
    let mut out = Vec::with_capacity(body.len() / 4);
    brotli::BrotliCompress(&mut &body[..], &mut out, &params)
        .expect("compressing into memory cannot fail");
    out
}

/// How this build makes its variants, written beside them by [`tree`]
/// ([`super::previous::VARIANTS_RECORD`]): a previous build's variants are carried over
/// only when it made them the same way.
pub fn variants_record() -> String {
    format!(
        "gzip best, brotli {BROTLI_QUALITY}; stp-render {}\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// `packed` (gzip or brotli, by `suffix`) decompressed, when it holds at most `limit`
/// bytes.
fn decompress(suffix: &str, packed: &[u8], limit: usize) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    let read = if suffix == SUFFIXES[0] {
        flate2::read::GzDecoder::new(packed)
            .take(limit as u64)
            .read_to_end(&mut out)
    } else {
        brotli::Decompressor::new(packed, 4096)
            .take(limit as u64)
            .read_to_end(&mut out)
    };
    read.ok().map(|_| out)
}

/// Writes the variants of every text file of `staging`, a build being written (where no
/// variant exists yet), in parallel, and the record of how they were made (a host file,
/// not counted in what this returns). The variants of a file linked unchanged from the
/// previous build are linked from it too, when they decompress to the file's bytes and
/// were made as this build makes them ([`super::previous`]).
pub fn tree(staging: &Staging) -> Result<Written, RenderError> {
    let dir = staging.dir();
    let record = variants_record();
    let previous = staging
        .previous()
        .filter(|p| p.variants_match(record.as_bytes()));
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(|e| RenderError::Output(e.to_string()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if is_text(&rel) {
            files.push((rel, entry.into_path()));
        }
    }
    let written = files
        .par_iter()
        .map(|(rel, path)| -> Result<Written, RenderError> {
            let body = std::fs::read(path).map_err(|e| RenderError::io(path, e))?;
            if !gets_variants(rel, &body) {
                return Ok(Written::default());
            }
            let unchanged =
                previous.filter(|p| std::fs::metadata(path).is_ok_and(|meta| p.holds(rel, &meta)));
            let mut written = Written::default();
            let mut made = None;
            for (i, suffix) in SUFFIXES.iter().enumerate() {
                let name = format!("{rel}{suffix}");
                let carried = unchanged
                    .and_then(|p| p.same_variant(&name, &body, |b, l| decompress(suffix, b, l)));
                let bytes = match carried {
                    Some(file) if staging.link_in(&name, &file)? => {
                        file.metadata().map(|m| m.len()).unwrap_or(0)
                    }
                    _ => {
                        let all = made.get_or_insert_with(|| variants(&body));
                        write_under(dir, &name, &all[i].1)?;
                        all[i].1.len() as u64
                    }
                };
                written = written + Written { files: 1, bytes };
            }
            Ok(written)
        })
        .try_reduce(Written::default, |a, b| Ok(a + b))?;
    staging.put(VARIANTS_RECORD, record.as_bytes())?;
    Ok(written)
}

/// After `rel` was written under `out` in place with `body` (the incremental rebuild):
/// writes its variants, each beside its final name and renamed over it, or removes the
/// ones it had when it no longer gets any (it became too small). Returns the variant files
/// written or removed.
pub fn refresh(out: &Path, rel: &str, body: &[u8]) -> Result<usize, RenderError> {
    if !gets_variants(rel, body) {
        return remove(out, rel);
    }
    for (suffix, bytes) in variants(body) {
        replace_under(out, &format!("{rel}{suffix}"), &bytes)?;
    }
    Ok(SUFFIXES.len())
}

/// Removes the variants of `rel` under `out` (its file was removed, or no longer gets
/// them); returns how many there were.
pub fn remove(out: &Path, rel: &str) -> Result<usize, RenderError> {
    let mut removed = 0;
    for suffix in SUFFIXES {
        let path = out.join(format!("{rel}{suffix}"));
        match std::fs::remove_file(&path) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(RenderError::io(&path, e)),
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    fn unbrotli(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::Decompressor::new(bytes, 4096)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    fn page(n: usize) -> Vec<u8> {
        let mut s = String::from("<!doctype html><html lang=\"vi\"><body>");
        for i in 0..n {
            s.push_str(&format!(
                "<p>Đoạn {i}: Sở Tư pháp tỉnh Đồng Nai thông báo.</p>\n"
            ));
        }
        s.push_str("</body></html>\n");
        s.into_bytes()
    }

    #[test]
    fn both_variants_give_back_the_same_bytes_and_are_deterministic() {
        for body in [page(20), page(800), vec![0u8; 600], b"x".repeat(513)] {
            let [(gz_suffix, gz), (br_suffix, br)] = variants(&body);
            assert_eq!((gz_suffix, br_suffix), (".gz", ".br"));
            assert_eq!(gunzip(&gz), body);
            assert_eq!(unbrotli(&br), body);
            assert!(gz.len() < body.len() && br.len() < body.len());
            assert_eq!(variants(&body)[0].1, gz, "gzip is deterministic");
            assert_eq!(variants(&body)[1].1, br, "brotli is deterministic");
            // No time, no name in the gzip header (RFC 1952: MTIME at 4..8, FLG at 3).
            assert_eq!(&gz[4..8], &[0, 0, 0, 0]);
            assert_eq!(gz[3], 0);
        }
    }

    #[test]
    fn text_files_over_the_threshold_get_variants_and_nothing_else_does() {
        for rel in [
            "index.html",
            "tin-tuc/a/index.html",
            "assets/style.0123abcd.css",
            "assets/site.0123abcd.js",
            "tim-kiem/t/0.0123abcd.json",
            "sitemap.xml",
            "rss.xml",
            "assets/logo.svg",
            "robots.txt",
            "site.webmanifest",
            "INDEX.HTML",
        ] {
            assert!(is_text(rel), "{rel}");
        }
        for rel in [
            "_headers",
            ".stp-build.json",
            "a/.hidden.html",
            "van-ban/qd/qd.pdf",
            "anh.png",
            "anh.jpg",
            "index.html.gz",
            "index.html.br",
            "README",
            "font.woff2",
        ] {
            assert!(!is_text(rel), "{rel}");
        }
        assert!(gets_variants("index.html", &[b'a'; MIN_BYTES + 1]));
        assert!(!gets_variants("index.html", &[b'a'; MIN_BYTES]));
        assert!(!gets_variants("a.png", &[b'a'; 10 * MIN_BYTES]));
    }

    #[test]
    fn a_tree_gets_variants_beside_its_text_files() {
        let tmp = tempfile::tempdir().unwrap();
        let staging = Staging::new(&tmp.path().join("public")).unwrap();
        let dir = staging.dir();
        let big = page(50);
        write_under(dir, "index.html", &big).unwrap();
        write_under(dir, "tin-tuc/a/index.html", &big).unwrap();
        write_under(dir, "nho.html", b"<p>nho</p>").unwrap();
        write_under(dir, "anh.png", &[7u8; 4000]).unwrap();
        write_under(dir, "_headers", &[b'h'; 4000]).unwrap();
        write_under(dir, ".stp-build.json", &[b' '; 4000]).unwrap();
        let written = tree(&staging).unwrap();
        assert_eq!(written.files, 4);
        for rel in ["index.html", "tin-tuc/a/index.html"] {
            assert_eq!(
                gunzip(&std::fs::read(dir.join(format!("{rel}.gz"))).unwrap()),
                big
            );
            assert_eq!(
                unbrotli(&std::fs::read(dir.join(format!("{rel}.br"))).unwrap()),
                big
            );
        }
        for rel in ["nho.html", "anh.png", "_headers", ".stp-build.json"] {
            for suffix in SUFFIXES {
                assert!(
                    !dir.join(format!("{rel}{suffix}")).exists(),
                    "{rel}{suffix}"
                );
            }
        }
        let bytes: u64 = ["index.html.gz", "index.html.br"]
            .iter()
            .map(|r| std::fs::metadata(dir.join(r)).unwrap().len())
            .sum();
        assert_eq!(written.bytes, 2 * bytes);
    }

    /// Builds `pages` (path, bytes) with variants into `target`; the inodes of its files.
    fn build_with_variants(
        target: &Path,
        pages: &[(&str, Vec<u8>)],
    ) -> std::collections::HashMap<String, u64> {
        use std::os::unix::fs::MetadataExt;
        let staging = Staging::new(target).unwrap();
        for (rel, body) in pages {
            staging.put(rel, body).unwrap();
        }
        tree(&staging).unwrap();
        staging
            .put(VARIANTS_RECORD, variants_record().as_bytes())
            .unwrap();
        staging.commit().unwrap();
        walkdir::WalkDir::new(target)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(target)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (rel, e.metadata().unwrap().ino())
            })
            .collect()
    }

    #[test]
    fn unchanged_files_and_their_variants_are_linked_from_the_previous_build() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let (a, b) = (page(40), page(60));
        let first = build_with_variants(&target, &[("a.html", a.clone()), ("b.html", b.clone())]);
        let mut b2 = b.clone();
        b2.extend_from_slice(b"<p>sua</p>");
        let second = build_with_variants(&target, &[("a.html", a.clone()), ("b.html", b2.clone())]);
        for rel in ["a.html", "a.html.gz", "a.html.br"] {
            assert_eq!(first[rel], second[rel], "{rel} was written again");
        }
        for rel in ["b.html", "b.html.gz", "b.html.br"] {
            assert_ne!(
                first[rel], second[rel],
                "{rel} was carried over although it changed"
            );
        }
        assert_eq!(
            gunzip(&std::fs::read(target.join("b.html.gz")).unwrap()),
            b2
        );

        // A variant that no longer decompresses to its page is made again; so is every
        // variant when the previous build made them another way.
        std::fs::write(target.join("a.html.gz"), gzip(b"<p>khac</p>")).unwrap();
        let third = build_with_variants(&target, &[("a.html", a.clone()), ("b.html", b2.clone())]);
        assert_eq!(third["a.html"], second["a.html"]);
        assert_ne!(third["a.html.gz"], second["a.html.gz"]);
        assert_eq!(gunzip(&std::fs::read(target.join("a.html.gz")).unwrap()), a);
        assert_eq!(third["a.html.br"], second["a.html.br"]);
        std::fs::write(target.join(VARIANTS_RECORD), b"gzip 1, brotli 1\n").unwrap();
        let fourth = build_with_variants(&target, &[("a.html", a.clone()), ("b.html", b2)]);
        assert_eq!(fourth["a.html"], third["a.html"]);
        assert_ne!(fourth["a.html.br"], third["a.html.br"]);
        assert_eq!(
            unbrotli(&std::fs::read(target.join("a.html.br")).unwrap()),
            a
        );
        assert_eq!(
            std::fs::read(target.join(VARIANTS_RECORD)).unwrap(),
            variants_record().into_bytes()
        );
    }

    #[test]
    fn a_refreshed_file_gets_new_variants_and_loses_stale_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let first = page(40);
        write_under(dir, "a/index.html", &first).unwrap();
        assert_eq!(refresh(dir, "a/index.html", &first).unwrap(), 2);
        let second = page(60);
        assert_eq!(refresh(dir, "a/index.html", &second).unwrap(), 2);
        assert_eq!(
            gunzip(&std::fs::read(dir.join("a/index.html.gz")).unwrap()),
            second
        );
        assert_eq!(
            unbrotli(&std::fs::read(dir.join("a/index.html.br")).unwrap()),
            second
        );
        // Too small now: the variants of the larger version go.
        assert_eq!(
            refresh(dir, "a/index.html", "<p>ngắn</p>".as_bytes()).unwrap(),
            2
        );
        assert!(!dir.join("a/index.html.gz").exists());
        assert!(!dir.join("a/index.html.br").exists());
        // A removed page's variants go with it; removing none is no error.
        refresh(dir, "a/index.html", &first).unwrap();
        assert_eq!(remove(dir, "a/index.html").unwrap(), 2);
        assert_eq!(remove(dir, "a/index.html").unwrap(), 0);
        let left: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, ["index.html"], "no temporary file is left either");
    }
}
