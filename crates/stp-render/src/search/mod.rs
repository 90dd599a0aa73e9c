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

/// One language's search index: what is left once its `d/` fragments are written.
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
    /// How many `d/` fragments were handed out, and their bytes.
    shown_files: usize,
    shown_bytes: usize,
}

impl Index {
    /// How many term shards (`t/0.<h>.json` …).
    pub fn shards(&self) -> usize {
        self.terms.len()
    }

    /// How many fragment files, the `d/` ones included.
    pub fn file_count(&self) -> usize {
        self.terms.len() + self.shown_files
    }

    /// The fragments' bytes in all, the `d/` ones included.
    pub fn bytes(&self) -> usize {
        self.terms.iter().map(Vec::len).sum::<usize>() + self.shown_bytes
    }

    /// The term shards, by path under `tim-kiem/`.
    pub fn files(self) -> impl Iterator<Item = (String, Vec<u8>)> {
        let t = self.shard_digests;
        (self.terms.into_iter().enumerate())
            .map(move |(n, bytes)| (format!("t/{n}.{}.json", digest_at(&t, n)), bytes))
    }
}

/// A way to hand out files by path under `tim-kiem/`, from any thread.
pub type Put<'p, E> = &'p (dyn Fn(String, Vec<u8>) -> Result<(), E> + Sync);

/// The `d/` fragments as their groups are complete: each group's digest is worked out
/// and its files handed to `put` by path under `tim-kiem/` at once (the groups of a batch
/// in parallel), so that no more than a batch of them is ever held (at 100,000 articles
/// they are some 190 MB of JSON, which the index used to hold, compressed, until the end).
struct ShownOut<'p, E> {
    put: Put<'p, E>,
    /// Fragments made but not yet handed out: the start of the group being made.
    waiting: Vec<String>,
    /// Fragments handed out so far.
    done: usize,
    bytes: usize,
    group_digests: String,
}

impl<'p, E: Send> ShownOut<'p, E> {
    fn new(put: Put<'p, E>) -> Self {
        ShownOut {
            put,
            waiting: Vec::with_capacity(GROUP),
            done: 0,
            bytes: 0,
            group_digests: String::new(),
        }
    }

    /// Takes the next fragments; hands out every group they complete.
    fn add(&mut self, chunks: Vec<String>) -> Result<(), E> {
        self.waiting.extend(chunks);
        let whole = self.waiting.len() / GROUP * GROUP;
        let rest = self.waiting.split_off(whole);
        let groups = std::mem::replace(&mut self.waiting, rest);
        self.hand_out(groups)
    }

    /// Hands out the last group, however short.
    fn finish(mut self) -> Result<(usize, usize, String), E> {
        let last = std::mem::take(&mut self.waiting);
        self.hand_out(last)?;
        Ok((self.done, self.bytes, self.group_digests))
    }

    /// Hands out `chunks`, whole groups but for a last one that ends the index.
    fn hand_out(&mut self, chunks: Vec<String>) -> Result<(), E> {
        let (first, put) = (self.done, self.put);
        self.done += chunks.len();
        self.bytes += chunks.iter().map(String::len).sum::<usize>();
        let mut groups: Vec<Vec<String>> = Vec::with_capacity(chunks.len().div_ceil(GROUP));
        let mut chunks = chunks.into_iter().peekable();
        while chunks.peek().is_some() {
            groups.push(chunks.by_ref().take(GROUP).collect());
        }
        let digests: Vec<String> = groups
            .into_par_iter()
            .enumerate()
            .map(|(g, group)| {
                let digest = digest(group.iter().map(|c| c.as_bytes()));
                for (n, chunk) in group.into_iter().enumerate() {
                    let at = first + g * GROUP + n;
                    put(format!("d/{at}.{digest}.json"), chunk.into_bytes())?;
                }
                Ok(digest)
            })
            .collect::<Result<_, E>>()?;
        self.group_digests.extend(digests);
        Ok(())
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

/// The search index of the `lang` articles of `site`. Its `d/` fragments are handed to
/// `put` (by path under `tim-kiem/`) as they are made; the term shards come with the
/// index.
pub fn index<E: Send>(site: &Site, lang: &str, put: Put<'_, E>) -> Result<Index, E> {
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
    // but the last is a whole number of fragments) and handed out a group at a time.
    let mut shown_out = ShownOut::new(put);
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
        shown_out.add(docs::chunks(&shown))?;
    }
    let words: usize = tokenised.iter().map(score::Tokenised::body_words).sum();
    let average = words as f32 / tokenised.len().max(1) as f32;

    // Second pass: every article's keys and scores, gathered in article order.
    let mut postings = shards::Postings::default();
    for (b, batch) in tokenised.chunks(BATCH).enumerate() {
        postings.add_scored(
            (b * BATCH) as u32,
            batch,
            score::Scratch::default,
            |t, scratch, out| score::scores_into(t, average, scratch, out),
        );
    }
    drop(tokenised);

    let terms: Vec<Vec<u8>> = (postings.into_shards(&vocab).into_iter())
        .map(String::into_bytes)
        .collect();
    let shard_digests: String = terms.par_iter().map(|t| digest([&t[..]])).collect();
    let (shown_files, shown_bytes, group_digests) = shown_out.finish()?;
    Ok(Index {
        shard_digests,
        group_digests,
        docs: order.len(),
        chunk: docs::CHUNK,
        terms,
        shown_files,
        shown_bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::{GROUP, ShownOut, digest};

    /// Fragments handed out in uneven batches get the names they would get all at once:
    /// `d/<n>.<digest of the group of GROUP they are in>.json`, the last group short.
    #[test]
    fn fragments_are_named_by_their_group_whatever_the_batches() {
        let chunks: Vec<String> = (0..2 * GROUP + 3).map(|n| format!("[{n}]")).collect();
        let got = std::sync::Mutex::new(Vec::new());
        let put = |path: String, bytes: Vec<u8>| -> Result<(), ()> {
            got.lock().unwrap().push((path, bytes));
            Ok(())
        };
        let mut out = ShownOut::new(&put);
        for batch in [&chunks[..2], &chunks[2..GROUP + 5], &chunks[GROUP + 5..]] {
            out.add(batch.to_vec()).expect("added");
        }
        let (files, bytes, digests) = out.finish().expect("finished");
        assert_eq!(files, chunks.len());
        assert_eq!(bytes, chunks.iter().map(String::len).sum::<usize>());
        let groups: Vec<String> = chunks
            .chunks(GROUP)
            .map(|g| digest(g.iter().map(|c| c.as_bytes())))
            .collect();
        assert_eq!(digests, groups.concat());
        // Handed out from several threads: in the order of their numbers.
        let mut got = got.into_inner().unwrap();
        got.sort_by_key(|(path, _)| {
            path[2..]
                .split('.')
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        });
        for (n, (path, bytes)) in got.iter().enumerate() {
            assert_eq!(path, &format!("d/{n}.{}.json", groups[n / GROUP]));
            assert_eq!(bytes, chunks[n].as_bytes());
        }
    }
}
