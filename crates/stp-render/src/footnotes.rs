//! Footnotes as a reader expects them: numbered in the order they are first cited, each
//! citation a link to its note, all notes gathered at the end of the text in one list, and
//! each note with a link back to where it was first cited. pulldown-cmark leaves a note
//! where it was written, labelled with its name and without a way back; this module
//! rewrites its events before they become HTML.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::markdown::Ids;

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
/// and turns each citation into a numbered link. Ids avoid those already in `ids`.
pub fn gather<'a>(events: Vec<Event<'a>>, lang: &str, ids: &mut Ids) -> Vec<Event<'a>> {
    let mut body = Vec::with_capacity(events.len());
    let mut notes: Vec<(CowStr<'a>, Vec<Event<'a>>)> = Vec::new();
    // A definition written inside another (in a quote, say) becomes a note of its own.
    let mut open: Vec<(CowStr<'a>, Vec<Event<'a>>)> = Vec::new();
    // Names seen so far, so that many notes take linear time.
    let mut defined: HashSet<CowStr<'a>> = HashSet::new();
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(name)) => open.push((name, Vec::new())),
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((name, inner)) = open.pop()
                    && defined.insert(name.clone())
                {
                    notes.push((name, inner));
                }
            }
            other => match open.last_mut() {
                Some((_, inner)) => inner.push(other),
                None => body.push(other),
            },
        }
    }
    if defined.is_empty()
        && !body
            .iter()
            .any(|e| matches!(e, Event::FootnoteReference(_)))
    {
        return body;
    }

    // Number by first citation, in the text and then in the notes; then the notes never
    // cited, in the order written.
    let mut order: Vec<CowStr<'a>> = Vec::new();
    let mut ordered: HashSet<CowStr<'a>> = HashSet::new();
    let citations = body
        .iter()
        .chain(notes.iter().flat_map(|(_, inner)| inner.iter()));
    for e in citations {
        if let Event::FootnoteReference(name) = e
            && defined.contains(name)
            && ordered.insert(name.clone())
        {
            order.push(name.clone());
        }
    }
    for (name, _) in &notes {
        if ordered.insert(name.clone()) {
            order.push(name.clone());
        }
    }
    let ids: HashMap<CowStr<'a>, (usize, String, String)> = order
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let n = i + 1;
            let note = ids.unique(&format!("chu-thich-{n}"));
            let citation = ids.unique(&format!("dan-chu-thich-{n}"));
            (name.clone(), (n, note, citation))
        })
        .collect();

    // The first citation of each note carries the id its back link goes to.
    let mut seen: HashSet<CowStr<'a>> = HashSet::new();
    let mut cite = |e: Event<'a>| match e {
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
    };
    let mut out: Vec<Event<'a>> = body.into_iter().map(&mut cite).collect();
    let mut by_name: HashMap<CowStr<'a>, Vec<Event<'a>>> = notes
        .into_iter()
        .map(|(name, inner)| (name, inner.into_iter().map(&mut cite).collect()))
        .collect();

    out.push(Event::Html(CowStr::from(format!(
        "<section class=\"footnotes\" aria-label=\"{}\">\n<ol>\n",
        notes_label(lang)
    ))));
    for name in &order {
        let Some((_, note, citation)) = ids.get(name) else {
            continue;
        };
        let mut inner = by_name.remove(name).unwrap_or_default();
        out.push(Event::Html(CowStr::from(format!("<li id=\"{note}\">"))));
        if seen.contains(name) {
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
