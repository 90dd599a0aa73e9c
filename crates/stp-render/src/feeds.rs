//! RSS 2.0 and Atom feeds for the whole site and for each section: the newest articles
//! with their summaries. Dates come from the articles, never from the clock, so the same
//! history gives the same feed.

use std::fmt::Write;

use stp_site::{Site, Summary};

/// How many items a feed carries.
pub const FEED_ITEMS: usize = 20;

/// Escapes text for XML.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

fn rfc2822(rfc3339: &str) -> Option<String> {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|d| d.to_rfc2822())
}

/// RSS 2.0 for `items` (newest first).
pub fn rss(
    site: &Site,
    title: &str,
    link_path: &str,
    feed_path: &str,
    lang: &str,
    items: &[usize],
) -> Vec<u8> {
    let base = site.config.base();
    let mut x = String::with_capacity(4096);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    let _ = writeln!(x, "<title>{}</title>", xml_escape(title));
    let _ = writeln!(x, "<link>{base}{link_path}</link>");
    let _ = writeln!(x, "<description>{}</description>", xml_escape(title));
    let _ = writeln!(x, "<language>{lang}</language>");
    let _ = writeln!(
        x,
        "<atom:link href=\"{base}{feed_path}\" rel=\"self\" type=\"application/rss+xml\"/>"
    );
    if let Some(d) = items
        .first()
        .and_then(|&i| rfc2822(&site.summaries[i].date))
    {
        let _ = writeln!(x, "<lastBuildDate>{d}</lastBuildDate>");
    }
    for &i in items.iter().take(FEED_ITEMS) {
        let s: &Summary = &site.summaries[i];
        x.push_str("<item>\n");
        let _ = writeln!(x, "<title>{}</title>", xml_escape(&s.title));
        let _ = writeln!(x, "<link>{base}{}</link>", s.url);
        let _ = writeln!(x, "<guid isPermaLink=\"true\">{base}{}</guid>", s.url);
        if let Some(d) = rfc2822(&s.date) {
            let _ = writeln!(x, "<pubDate>{d}</pubDate>");
        }
        let _ = writeln!(x, "<description>{}</description>", xml_escape(&s.summary));
        x.push_str("</item>\n");
    }
    x.push_str("</channel>\n</rss>\n");
    x.into_bytes()
}

/// Atom for `items` (newest first).
pub fn atom(
    site: &Site,
    title: &str,
    link_path: &str,
    feed_path: &str,
    lang: &str,
    items: &[usize],
) -> Vec<u8> {
    let base = site.config.base();
    let mut x = String::with_capacity(4096);
    let _ = writeln!(
        x,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">"
    );
    let _ = writeln!(x, "<title>{}</title>", xml_escape(title));
    let _ = writeln!(x, "<id>{base}{feed_path}</id>");
    let _ = writeln!(x, "<link rel=\"alternate\" href=\"{base}{link_path}\"/>");
    let _ = writeln!(x, "<link rel=\"self\" href=\"{base}{feed_path}\"/>");
    let updated = items
        .first()
        .map(|&i| site.summaries[i].date.clone())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "1970-01-01T00:00:00+00:00".into());
    let _ = writeln!(x, "<updated>{updated}</updated>");
    let _ = writeln!(
        x,
        "<author><name>{}</name></author>",
        xml_escape(&site.config.agency.name)
    );
    for &i in items.iter().take(FEED_ITEMS) {
        let s = &site.summaries[i];
        let date = if s.date.is_empty() { &updated } else { &s.date };
        x.push_str("<entry>\n");
        let _ = writeln!(x, "<title>{}</title>", xml_escape(&s.title));
        let _ = writeln!(x, "<id>{base}{}</id>", s.url);
        let _ = writeln!(x, "<link rel=\"alternate\" href=\"{base}{}\"/>", s.url);
        let _ = writeln!(x, "<updated>{date}</updated>");
        let _ = writeln!(x, "<summary>{}</summary>", xml_escape(&s.summary));
        x.push_str("</entry>\n");
    }
    x.push_str("</feed>\n");
    x.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::xml_escape;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(xml_escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }
}
