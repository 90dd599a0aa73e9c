//! sitemap.xml (every public URL, with its date) and robots.txt. A preview forbids
//! indexing altogether. Past the protocol's 50,000 URLs a file (sitemaps.org), the URLs go
//! into `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` is the sitemap index naming
//! them, so robots.txt and search engines keep the one address. A part also stays under
//! the protocol's 50 MB (uncompressed), whatever the length of its URLs.

use std::fmt::Write;

use super::feeds::xml_escape;

/// The most URLs one sitemap file may list (sitemaps.org).
pub const MAX_URLS: usize = 50_000;

/// The most bytes one sitemap file may hold, uncompressed (sitemaps.org).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// What one sitemap file may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub urls: usize,
    pub bytes: usize,
}

/// The protocol's limits.
pub const LIMITS: Limits = Limits {
    urls: MAX_URLS,
    bytes: MAX_BYTES,
};

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
const URLSET_CLOSE: &str = "</urlset>\n";

/// The sitemap files for `urls` (path, last modified as RFC 3339 or empty): `sitemap.xml`
/// alone when they fit in one file, else the index and its numbered parts.
pub fn sitemap_files(base: &str, urls: &[(String, String)]) -> Vec<(String, Vec<u8>)> {
    sitemap_files_within(base, urls, LIMITS)
}

/// How many files [`sitemap_files`] writes for `urls`: 1, or the index and its parts.
pub fn file_count(base: &str, urls: &[(String, String)]) -> usize {
    match parts(base, urls, LIMITS).len() {
        0 | 1 => 1,
        n => n + 1,
    }
}

/// `urls` cut into runs that each fit one file under `limits`, in order.
fn parts<'u>(
    base: &str,
    urls: &'u [(String, String)],
    limits: Limits,
) -> Vec<&'u [(String, String)]> {
    let room = limits
        .bytes
        .saturating_sub(URLSET_OPEN.len() + URLSET_CLOSE.len());
    let mut parts = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, u) in urls.iter().enumerate() {
        let size = url_entry(base, u).len();
        if i > start && (i - start >= limits.urls || bytes + size > room) {
            parts.push(&urls[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < urls.len() || urls.is_empty() {
        parts.push(&urls[start..]);
    }
    parts
}

/// [`sitemap_files`] with other limits than the protocol's (for tests).
pub fn sitemap_files_within(
    base: &str,
    urls: &[(String, String)],
    limits: Limits,
) -> Vec<(String, Vec<u8>)> {
    let parts = parts(base, urls, limits);
    if parts.len() <= 1 {
        return vec![("sitemap.xml".into(), sitemap_xml(base, urls))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, part) in parts.into_iter().enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        let _ = write!(index, "<sitemap><loc>{base}/{name}</loc>");
        if let Some(day) = part.iter().filter_map(|(_, d)| d.get(..10)).max() {
            let _ = write!(index, "<lastmod>{day}</lastmod>");
        }
        index.push_str("</sitemap>\n");
        files.push((name, sitemap_xml(base, part)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".into(), index.into_bytes()));
    files
}

/// One sitemap file listing `urls`.
fn sitemap_xml(base: &str, urls: &[(String, String)]) -> Vec<u8> {
    let mut x = String::with_capacity(urls.len() * 96 + 128);
    x.push_str(URLSET_OPEN);
    for u in urls {
        x.push_str(&url_entry(base, u));
    }
    x.push_str(URLSET_CLOSE);
    x.into_bytes()
}

/// One `<url>` line.
fn url_entry(base: &str, (path, date): &(String, String)) -> String {
    let mut x = format!("<url><loc>{}{}</loc>", base, xml_escape(path));
    if let Some(day) = date.get(..10) {
        let _ = write!(x, "<lastmod>{day}</lastmod>");
    }
    x.push_str("</url>\n");
    x
}

pub fn robots(base: &str, preview: bool) -> Vec<u8> {
    if preview {
        b"User-agent: *\nDisallow: /\n".to_vec()
    } else {
        format!("User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n").into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(n: usize) -> Vec<(String, String)> {
        (0..n)
            .map(|i| {
                (
                    format!("/tin-tuc/bai-{i}/"),
                    format!("2026-{:02}-01T08:00:00+07:00", 1 + i % 12),
                )
            })
            .collect()
    }

    const INDEX_AND_THREE: [&str; 4] = [
        "sitemap.xml",
        "sitemap-1.xml",
        "sitemap-2.xml",
        "sitemap-3.xml",
    ];

    fn names(files: &[(String, Vec<u8>)]) -> Vec<&str> {
        files.iter().map(|(n, _)| n.as_str()).collect()
    }

    fn count(bytes: &[u8], needle: &str) -> usize {
        String::from_utf8_lossy(bytes).matches(needle).count()
    }

    #[test]
    fn a_small_injected_limit_splits_and_stays_plain_at_it() {
        let base = "https://stp.dongnai.gov.vn";
        let small = Limits {
            urls: 3,
            bytes: MAX_BYTES,
        };
        let plain = sitemap_files_within(base, &urls(3), small);
        assert_eq!(plain.len(), 1);
        assert!(String::from_utf8_lossy(&plain[0].1).contains("<urlset"));
        assert_eq!(count(&plain[0].1, "<url>"), 3);

        let split = sitemap_files_within(base, &urls(7), small);
        assert_eq!(names(&split), INDEX_AND_THREE);
        let per_part: Vec<usize> = split[1..].iter().map(|(_, b)| count(b, "<url>")).collect();
        assert_eq!(per_part, [3, 3, 1]);
        let index = String::from_utf8_lossy(&split[0].1);
        assert!(index.starts_with("<?xml"), "{index}");
        assert_eq!(count(&split[0].1, "<sitemap>"), 3);
        // The parts hold the URLs in order, each once.
        let all: String = split[1..]
            .iter()
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .collect();
        let positions: Vec<usize> = (0..7)
            .map(|i| all.find(&format!("/bai-{i}/<")).expect("listed"))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    }

    #[test]
    fn a_byte_limit_splits_too() {
        let base = "https://stp.dongnai.gov.vn";
        let one = url_entry(base, &urls(1)[0]).len();
        // Room for two entries a file, never three.
        let limits = Limits {
            urls: MAX_URLS,
            bytes: URLSET_OPEN.len() + URLSET_CLOSE.len() + 2 * one + one / 2,
        };
        let split = sitemap_files_within(base, &urls(5), limits);
        assert_eq!(split.len(), 4, "index and three parts");
        assert!(split[1..].iter().all(|(_, b)| b.len() <= limits.bytes));
        assert_eq!(file_count(base, &urls(MAX_URLS)), 1);
        assert_eq!(file_count(base, &urls(MAX_URLS + 1)), 3);
    }

    #[test]
    fn up_to_50000_urls_one_file_past_it_an_index_and_parts() {
        let one = sitemap_files("https://stp.dongnai.gov.vn", &urls(MAX_URLS));
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].0, "sitemap.xml");
        assert_eq!(count(&one[0].1, "<url>"), MAX_URLS);

        let many = sitemap_files("https://stp.dongnai.gov.vn", &urls(2 * MAX_URLS + 1));
        assert_eq!(names(&many), INDEX_AND_THREE);
        let index = String::from_utf8_lossy(&many[0].1);
        assert!(index.contains("<sitemapindex"), "{index}");
        assert_eq!(count(&many[0].1, "<sitemap>"), 3);
        assert!(
            index.contains("<loc>https://stp.dongnai.gov.vn/sitemap-3.xml</loc>"),
            "{index}"
        );
        assert!(index.contains("<lastmod>2026-12-01</lastmod>"), "{index}");
        let listed: usize = many[1..].iter().map(|(_, b)| count(b, "<url>")).sum();
        assert_eq!(listed, 2 * MAX_URLS + 1, "every URL once");
        assert!(many[1..].iter().all(|(_, b)| count(b, "<url>") <= MAX_URLS));
        assert!(many[1..].iter().all(|(_, b)| b.len() < 50 * 1024 * 1024));
    }
}
