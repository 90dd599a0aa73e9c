//! sitemap.xml (every public URL, with its date) and robots.txt. A preview forbids
//! indexing altogether.

use std::fmt::Write;

use super::feeds::xml_escape;

/// The sitemap for `urls`: (path, last modified as RFC 3339 or empty).
pub fn sitemap_xml(base: &str, urls: &[(String, String)]) -> Vec<u8> {
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
