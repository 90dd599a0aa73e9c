//! sitemap.xml (every public URL, with its date) and robots.txt. A preview forbids
//! indexing altogether. Past the protocol's 50,000 URLs a file (sitemaps.org), the URLs go
//! into `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` is the sitemap index naming
//! them, so robots.txt and search engines keep the one address.

use std::fmt::Write;

use super::feeds::xml_escape;

/// The most URLs one sitemap file may list (sitemaps.org).
pub const MAX_URLS: usize = 50_000;

/// The sitemap files for `urls` (path, last modified as RFC 3339 or empty): `sitemap.xml`
/// alone up to `MAX_URLS`, else the index and its numbered parts.
pub fn sitemap_files(base: &str, urls: &[(String, String)]) -> Vec<(String, Vec<u8>)> {
    if urls.len() <= MAX_URLS {
        return vec![("sitemap.xml".into(), sitemap_xml(base, urls))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, part) in urls.chunks(MAX_URLS).enumerate() {
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
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, date) in urls {
        let _ = write!(x, "<url><loc>{}{}</loc>", base, xml_escape(path));
        if let Some(day) = date.get(..10) {
            let _ = write!(x, "<lastmod>{day}</lastmod>");
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    x.into_bytes()
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

    fn count(bytes: &[u8], needle: &str) -> usize {
        String::from_utf8_lossy(bytes).matches(needle).count()
    }

    #[test]
    fn up_to_50000_urls_one_file_past_it_an_index_and_parts() {
        let one = sitemap_files("https://stp.dongnai.gov.vn", &urls(MAX_URLS));
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].0, "sitemap.xml");
        assert_eq!(count(&one[0].1, "<url>"), MAX_URLS);

        let many = sitemap_files("https://stp.dongnai.gov.vn", &urls(2 * MAX_URLS + 1));
        let names: Vec<&str> = many.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml"
            ]
        );
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
