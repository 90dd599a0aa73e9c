//! The article fragments: what a result shows, `CHUNK` articles a file by article
//! number, fetched only for the results on screen. Each article is an array
//! `[url, title, date, section, number, summary, text]`, where text is the start of the
//! body (`TEXT_CHARS` characters) that snippets are cut from.

use rayon::prelude::*;
use serde::Serialize;

/// Articles per fragment.
pub const CHUNK: usize = 8;
/// Characters of body text kept for snippets.
pub const TEXT_CHARS: usize = 1500;

/// What one result shows.
#[derive(Serialize)]
pub struct Shown<'a>(
    pub &'a str,
    pub &'a str,
    pub &'a str,
    pub &'a str,
    pub &'a str,
    pub &'a str,
    pub String,
);

/// The start of `text`, at most `TEXT_CHARS` characters, cut at a space when one is near.
pub fn snippet_source(text: &str) -> String {
    match text.char_indices().nth(TEXT_CHARS) {
        None => text.to_string(),
        Some((end, _)) => {
            let cut = text[..end]
                .rfind(' ')
                .filter(|&s| s > end / 2)
                .unwrap_or(end);
            text[..cut].to_string()
        }
    }
}

/// The fragment files' contents, one per `CHUNK` articles.
pub fn chunks(shown: &[Shown]) -> Vec<String> {
    shown
        .par_chunks(CHUNK)
        .map(|c| serde_json::to_string(c).expect("strings serialise"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{CHUNK, Shown, TEXT_CHARS, chunks, snippet_source};

    #[test]
    fn cuts_long_text_at_a_space() {
        let long = "đường ".repeat(TEXT_CHARS);
        let s = snippet_source(&long);
        assert!(s.chars().count() <= TEXT_CHARS && s.ends_with("đường"));
        assert_eq!(snippet_source("ngắn"), "ngắn");
    }

    #[test]
    fn one_file_per_chunk() {
        let shown: Vec<Shown> = (0..CHUNK + 1)
            .map(|_| Shown("/a/", "A", "", "", "", "", String::new()))
            .collect();
        let files = chunks(&shown);
        assert_eq!(files.len(), 2);
        assert_eq!(files[1], r#"[["/a/","A","","","","",""]]"#);
    }
}
