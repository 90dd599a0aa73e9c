//! The site search index of one language: full text (title, summary, tags, legal
//! document fields and body), Vietnamese-aware (`fold`: a query without diacritics finds
//! words with them; one tone placement), split into small fragments that the search page
//! (`theme/static/search.js`) fetches on demand. Under `tim-kiem/`: `t/<n>.<h>.json`, the
//! term shards (`shards`), and `d/<n>.<h>.json`, what results show (`docs`). Each name
//! carries `<h>`, a digest of its content (of its group of `GROUP` fragments for `d/`), and
//! the search page's HTML lists them, so a cached fragment is never stale and a rebuild
//! after one publish writes only the fragments whose content changed. Articles are
//! numbered oldest first (then by address, descending), so a new article takes the next
//! number and leaves the others' fragments as they were; ties in ranking go to the
//! higher number, the newer article. The shard count is a power of two, so it changes
//! only when the index doubles.
//!
//! Each article's text is read once: its words become numbers in a vocabulary (`vocab`)
//! that normalises and folds each distinct word once per build, its pairs of words pairs
//! of numbers; strings are made again only for the shards.

mod docs;
pub(crate) mod fold;
mod hash;
mod packed;
mod score;
mod shards;
mod text;
mod tokens;
mod vocab;

use rayon::prelude::*;
use sha2::{Digest, Sha256};
use stp_content::Body;

use stp_site::Site;

pub use fold::fold;

/// Articles scored together in parallel (bounds the memory their keys take).
const BATCH: usize = 1024;
/// Articles read together while the vocabulary is new (it then grows fourfold each
/// batch up to `BATCH`): a word the vocabulary lacks is normalised between batches.
const FIRST_BATCH: usize = 16;
// Every batch but the last is a whole number of `d/` fragments.
const _: () = assert!(FIRST_BATCH.is_multiple_of(docs::CHUNK) && BATCH.is_multiple_of(docs::CHUNK));

/// `d/` fragments that share one digest in their names: a change to one article renames
/// its group's fragments, and the search page lists one digest per group (at 100,000
/// articles, 782 of them, against 12,500 fragments).
pub const GROUP: usize = 16;
/// Hex digits of a fragment's digest in its name.
pub const DIGEST_HEX: usize = 8;

/// One language's search index.
pub struct Index {
    /// The digests of the term shards, `DIGEST_HEX` hex digits each, in shard order.
    pub shard_digests: String,
    /// The digests of the `d/` fragments' groups, `DIGEST_HEX` hex digits each.
    pub group_digests: String,
    /// How many articles (numbered from 0; `d/<n>.json` holds `docs::CHUNK` of them).
    pub docs: usize,
    /// Articles per `d/` fragment.
    pub chunk: usize,
    /// The term shards, `t/<n>.json` in order.
    terms: Vec<Vec<u8>>,
    /// The article fragments, `d/<n>.json` in order, held compressed until written when
    /// the site's bodies are (a large site): at 100,000 articles they are some 190 MB of
    /// JSON (each article's first 1,500 characters), and they wait for the term shards,
    /// which come last.
    shown: Vec<Body>,
}

impl Index {
    /// How many term shards (`t/0.<h>.json` …).
    pub fn shards(&self) -> usize {
        self.terms.len()
    }

    /// How many fragment files.
    pub fn file_count(&self) -> usize {
        self.terms.len() + self.shown.len()
    }

    /// The fragments' bytes in all.
    pub fn bytes(&self) -> usize {
        self.terms.iter().map(Vec::len).sum::<usize>()
            + self.shown.iter().map(Body::len).sum::<usize>()
    }

    /// The fragments, by path under `tim-kiem/`, each made whole only when it is taken.
    pub fn files(self) -> impl Iterator<Item = (String, Vec<u8>)> {
        let t = self.shard_digests;
        let g = self.group_digests;
        let terms = (self.terms.into_iter().enumerate())
            .map(move |(n, bytes)| (format!("t/{n}.{}.json", digest_at(&t, n)), bytes));
        let shown = (self.shown.into_iter().enumerate()).map(move |(n, c)| {
            let name = format!("d/{n}.{}.json", digest_at(&g, n / GROUP));
            (name, c.into_text().into_bytes())
        });
        terms.chain(shown)
    }
}

/// The `n`th digest of a list of them.
fn digest_at(list: &str, n: usize) -> &str {
    &list[n * DIGEST_HEX..(n + 1) * DIGEST_HEX]
}

/// The first `DIGEST_HEX` hex digits of the SHA-256 of `parts` (each length-prefixed).
fn digest<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut digest = Sha256::new();
    for bytes in parts {
        digest.update((bytes.len() as u64).to_le_bytes());
        digest.update(bytes);
    }
    let hex = base16ct::lower::encode_string(&digest.finalize());
    hex[..DIGEST_HEX].to_string()
}

/// The search index of the `lang` articles of `site`.
pub fn index(site: &Site, lang: &str) -> Index {
    let mut order: Vec<usize> = (0..site.summaries.len())
        .filter(|&i| site.summaries[i].lang == lang)
        .collect();
    // Oldest first, and the reverse of the address within a date: ranking breaks ties to
    // the higher number, so the order shown is newest first, then by address.
    order.sort_by(|&a, &b| {
        let (a, b) = (&site.summaries[a], &site.summaries[b]);
        a.date.cmp(&b.date).then_with(|| b.url.cmp(&a.url))
    });
    let section_name = |key: &str| {
        site.sections
            .iter()
            .find(|l| l.lang == lang && l.key == key)
            .map_or("", |l| l.name.as_str())
    };

    // First pass: each article's text once (what results show, and its fields as word
    // numbers), the vocabulary growing batch by batch.
    let mut vocab = vocab::Vocab::default();
    let mut tokenised: Vec<score::Tokenised> = Vec::with_capacity(order.len());
    // What results show, as the `d/` fragments' JSON, made batch by batch (every batch
    // but the last is a whole number of fragments), so that no article's text is held
    // twice, as a string and in its fragment.
    let mut shown_chunks: Vec<Body> = Vec::with_capacity(order.len().div_ceil(docs::CHUNK));
    // Held compressed when the site's bodies are (a large site, or as asked): compressing
    // costs a small site 2 % of its build for memory it does not need.
    let pack = site
        .articles
        .iter()
        .any(|a| matches!(a.body, Body::Packed { .. }));
    let hold = |c: &String| {
        if pack {
            Body::packed(c)
        } else {
            Body::plain(c)
        }
    };
    let shown_of = |i: usize, text: String| {
        let s = &site.summaries[i];
        docs::Shown(
            &s.url,
            &s.title,
            &s.date_display,
            section_name(&s.section),
            s.meta.document.as_ref().map_or("", |d| d.number.as_str()),
            if s.summary.is_empty() {
                s.meta.document.as_ref().map_or("", |d| d.excerpt.as_str())
            } else {
                &s.summary
            },
            text,
        )
    };
    let mut size = FIRST_BATCH;
    let mut rest = &order[..];
    while !rest.is_empty() {
        let (batch, tail) = rest.split_at(size.min(rest.len()));
        rest = tail;
        size = (size * 4).min(BATCH);
        let drafted: Vec<(score::Drafted, String)> = batch
            .par_iter()
            .map(|&i| {
                let s = &site.summaries[i];
                let doc = s.meta.document.as_ref();
                let body = text::plain(&site.articles[i].body.text());
                let mut meta = vec![s.summary.as_str()];
                if let Some(d) = doc {
                    meta.extend([d.doc_type.as_str(), d.issuer.as_str(), d.excerpt.as_str()]);
                }
                let fields = score::Fields {
                    title: &s.title,
                    number: doc.map_or("", |d| d.number.as_str()),
                    tags: s.tags.iter().map(|t| t.name.as_str()).collect(),
                    meta,
                    body: &body,
                };
                let drafted = score::Drafted::of(&fields, &vocab);
                (drafted, docs::snippet_source(&body))
            })
            .collect();
        vocab.learn(drafted.iter().flat_map(|(d, _)| &d.0));
        let finished: Vec<(score::Tokenised, String)> = drafted
            .into_par_iter()
            .map(|(d, text)| (d.finish(&vocab), text))
            .collect();
        let mut shown = Vec::with_capacity(batch.len());
        for (&i, (t, text)) in batch.iter().zip(finished) {
            tokenised.push(t);
            shown.push(shown_of(i, text));
        }
        shown_chunks.extend(docs::chunks(&shown).iter().map(hold));
    }
    let words: usize = tokenised.iter().map(score::Tokenised::body_words).sum();
    let average = words as f32 / tokenised.len().max(1) as f32;

    // Second pass: every article's keys and scores, gathered in article order.
    let mut postings = shards::Postings::default();
    for (b, batch) in tokenised.chunks(BATCH).enumerate() {
        let scored: Vec<Vec<(vocab::Key, u8)>> = batch
            .par_iter()
            .map_init(score::Scratch::default, |scratch, t| {
                score::scores(t, average, scratch)
            })
            .collect();
        postings.add((b * BATCH) as u32, &scored);
    }
    drop(tokenised);

    let terms: Vec<Vec<u8>> = (postings.into_shards(&vocab).into_iter())
        .map(String::into_bytes)
        .collect();
    let shard_digests: String = terms.par_iter().map(|t| digest([&t[..]])).collect();
    let group_digests: String = shown_chunks
        .par_chunks(GROUP)
        .map(|group| {
            let texts: Vec<_> = group.iter().map(Body::text).collect();
            digest(texts.iter().map(|t| t.as_bytes()))
        })
        .collect();
    Index {
        shard_digests,
        group_digests,
        docs: order.len(),
        chunk: docs::CHUNK,
        terms,
        shown: shown_chunks,
    }
}
