//! Footnotes as a reader expects them: numbered in the order they are first cited, each
//! citation a link to its note, all notes gathered at the end of the text in one list, and
//! each note with a link back to where it was first cited. pulldown-cmark leaves a note
//! where it was written, labelled with its name and without a way back; this module
//! rewrites its events before they become HTML.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The back link's accessible name, by page language.
fn back_label(lang: &str) -> &'static str {
    match lang {
        "en" => "Back to the text",
        _ => "Quay lại đoạn văn",
    }
}

fn notes_label(lang: &str) -> &'static str {
    match lang {
        "en" => "Notes",
        _ => "Chú thích",
    }
}

/// Moves footnote definitions to the end of `events` as a numbered list with back links,
/// and turns each citation into a numbered link. Ids avoid those in `used`.
pub fn gather<'a>(
    events: Vec<Event<'a>>,
    lang: &str,
    used: &mut HashSet<String>,
) -> Vec<Event<'a>> {
    let mut body = Vec::with_capacity(events.len());
    let mut notes: Vec<(CowStr<'a>, Vec<Event<'a>>)> = Vec::new();
    let mut iter = events.into_iter();
    while let Some(event) = iter.next() {
        match event {
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let mut inner = Vec::new();
                let mut depth = 0usize;
                for e in iter.by_ref() {
                    match &e {
                        Event::End(TagEnd::FootnoteDefinition) if depth == 0 => break,
                        Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                        Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
                        _ => {}
                    }
                    inner.push(e);
                }
                if !notes.iter().any(|(n, _)| *n == name) {
                    notes.push((name, inner));
                }
            }
            other => body.push(other),
        }
    }
    let defined: HashSet<CowStr<'a>> = notes.iter().map(|(n, _)| n.clone()).collect();
    if defined.is_empty()
        && !body
            .iter()
            .any(|e| matches!(e, Event::FootnoteReference(_)))
    {
        return body;
    }

    let mut unique = |base: String| {
        let mut id = base.clone();
        let mut n = 1;
        while !used.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    };
    // Number by first citation; then the notes never cited, in the order written.
    let mut order: Vec<CowStr<'a>> = Vec::new();
    for e in &body {
        if let Event::FootnoteReference(name) = e
            && defined.contains(name)
            && !order.contains(name)
        {
            order.push(name.clone());
        }
    }
    let cited = order.len();
    for (name, _) in &notes {
        if !order.contains(name) {
            order.push(name.clone());
        }
    }
    let ids: HashMap<CowStr<'a>, (usize, String, String)> = order
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let n = i + 1;
            let note = unique(format!("chu-thich-{n}"));
            let citation = unique(format!("dan-chu-thich-{n}"));
            (name.clone(), (n, note, citation))
        })
        .collect();

    let mut seen: HashSet<CowStr<'a>> = HashSet::new();
    let mut out: Vec<Event<'a>> = body
        .into_iter()
        .map(|e| match e {
            Event::FootnoteReference(name) => match ids.get(&name) {
                Some((n, note, citation)) => {
                    let id = if seen.insert(name.clone()) {
                        format!(" id=\"{citation}\"")
                    } else {
                        String::new()
                    };
                    Event::InlineHtml(CowStr::from(format!(
                        "<sup class=\"footnote-ref\"><a href=\"#{note}\"{id}>{n}</a></sup>"
                    )))
                }
                None => Event::Text(CowStr::from(format!("[^{name}]"))),
            },
            other => other,
        })
        .collect();

    let mut by_name: HashMap<CowStr<'a>, Vec<Event<'a>>> = notes.into_iter().collect();
    out.push(Event::Html(CowStr::from(format!(
        "<section class=\"footnotes\" aria-label=\"{}\">\n<ol>\n",
        notes_label(lang)
    ))));
    for (i, name) in order.iter().enumerate() {
        let Some((_, note, citation)) = ids.get(name) else {
            continue;
        };
        let mut inner = by_name.remove(name).unwrap_or_default();
        out.push(Event::Html(CowStr::from(format!("<li id=\"{note}\">"))));
        if i < cited {
            let back = Event::InlineHtml(CowStr::from(format!(
                " <a href=\"#{citation}\" class=\"footnote-back\" aria-label=\"{}\">↩</a>",
                back_label(lang)
            )));
            match inner.last() {
                Some(Event::End(TagEnd::Paragraph)) => {
                    let at = inner.len() - 1;
                    inner.insert(at, back);
                }
                _ => inner.push(back),
            }
        }
        out.extend(inner);
        out.push(Event::Html(CowStr::from("</li>\n")));
    }
    out.push(Event::Html(CowStr::from("</ol>\n</section>\n")));
    out
}
