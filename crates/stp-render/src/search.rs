//! The search index: one JSON file per language with each article's title, summary, tags
//! and section, plus a folded form (no diacritics, lower case) so that a reader typing
//! `thu tuc` finds `thủ tục`.

use serde::Serialize;

use stp_site::Site;

#[derive(Serialize)]
struct Entry<'a> {
    /// Title.
    t: &'a str,
    /// URL.
    u: &'a str,
    /// Date, dd/mm/yyyy.
    d: &'a str,
    /// Section name.
    s: &'a str,
    /// Summary.
    x: &'a str,
    /// Folded text to match against.
    f: String,
}

/// Lower case without Vietnamese marks: `Thủ tục Đất đai` → `thu tuc dat dai`.
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

/// The index of `lang` as JSON.
pub fn index(site: &Site, lang: &str) -> Vec<u8> {
    let section_names: std::collections::HashMap<&str, &str> = site
        .sections
        .iter()
        .filter(|l| l.lang == lang)
        .map(|l| (l.key.as_str(), l.name.as_str()))
        .collect();
    let entries: Vec<Entry> = site
        .summaries
        .iter()
        .filter(|s| s.lang == lang)
        .map(|s| {
            let mut text = String::with_capacity(s.title.len() + s.summary.len() + 32);
            text.push_str(&s.title);
            text.push(' ');
            text.push_str(&s.summary);
            for t in &s.tags {
                text.push(' ');
                text.push_str(&t.name);
            }
            if let Some(d) = &s.meta.document {
                text.push(' ');
                text.push_str(&d.number);
                text.push(' ');
                text.push_str(&d.excerpt);
            }
            Entry {
                t: &s.title,
                u: &s.url,
                d: &s.date_display,
                s: section_names.get(s.section.as_str()).copied().unwrap_or(""),
                x: &s.summary,
                f: fold(&text),
            }
        })
        .collect();
    serde_json::to_vec(&entries).expect("serialising plain strings cannot fail")
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Thủ tục Đất đai"), "thu tuc dat dai");
        assert_eq!(fold("HỎI ĐÁP"), "hoi dap");
    }
}
