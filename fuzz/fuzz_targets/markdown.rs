#![no_main]
//! An article's body from a contributor: whatever its text, rendering never panics, and
//! every footnote link in the result leads to an element that is there, with no id used
//! twice among the footnotes' (a link to a missing note is a dead end for a reader), for
//! any text that does not write such ids or classes itself.

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;

fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!("{name}=\"");
    html.match_indices(&key)
        .filter_map(|(at, _)| {
            let rest = &html[at + key.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let lang = if pick % 2 == 0 { "vi" } else { "en" };
    let html = stp::render::markdown::render_in(text, lang).html;
    // Raw HTML or hand-written links could name these ids and classes themselves.
    if text.contains('<') || text.contains("chu-thich") || text.contains("footnote") {
        return;
    }
    assert!(
        !html.contains("class=\"footnote-reference\"")
            && !html.contains("class=\"footnote-definition\""),
        "a footnote left as pulldown-cmark writes it:\n{html}"
    );
    let ids: Vec<&str> = attribute_values(&html, "id");
    let mut notes = HashSet::new();
    for id in ids.iter().filter(|i| i.contains("chu-thich-")) {
        assert!(notes.insert(*id), "footnote id {id} twice in:\n{html}");
    }
    let all: HashSet<&str> = ids.into_iter().collect();
    for href in attribute_values(&html, "href") {
        if let Some(target) = href.strip_prefix('#')
            && target.contains("chu-thich-")
        {
            assert!(
                all.contains(target),
                "link to missing #{target} in:\n{html}"
            );
        }
    }
});
