//! The index's vocabulary: each distinct word of the site normalised and folded once per
//! build and given a number, so that an article's text becomes a list of numbers, a pair
//! of neighbouring words a pair of numbers (`Key`), and strings are made again only when
//! the shards are written. Words are looked up as the source writes them: text already in
//! NFC (nearly all text) is split into runs of letters and digits, and what each run
//! normalises to is worked out the first time the run is seen; text that is not in NFC,
//! or holds a capital sigma (whose lower case depends on its neighbours), is normalised
//! whole first. Either way a field gets exactly the words and codes that `tokens` finds
//! in its `normalise`d text.

use super::fold::{fold, is_nfc, is_word_char, normalise, plainly_nfc};
use super::hash::{FastMap, NumberMap, mix};
use super::tokens::{codes, words};

/// A key of the index: a word or a code (`Key::one`), or two neighbouring words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key(u64);

/// The second half of a key that is one word or code.
const ALONE: u32 = u32::MAX;
/// Marks a token whose word the vocabulary did not have yet: the rest is its place in
/// the draft's `new` list.
const PENDING: u32 = 1 << 31;

impl Key {
    pub fn one(id: u32) -> Key {
        Key((u64::from(id) << 32) | u64::from(ALONE))
    }

    pub fn pair(a: u32, b: u32) -> Key {
        Key((u64::from(a) << 32) | u64::from(b))
    }

    fn parts(self) -> (u32, Option<u32>) {
        let (a, b) = ((self.0 >> 32) as u32, self.0 as u32);
        (a, (b != ALONE).then_some(b))
    }

    /// A well-mixed hash of the key, to split work by.
    pub fn mixed(self) -> u64 {
        mix(self.0)
    }
}

/// A map keyed by `Key`.
pub type KeyMap<V> = NumberMap<Key, V>;

/// One field of text as word and code numbers, in order.
#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct Tokens {
    pub words: Vec<u32>,
    pub codes: Vec<u32>,
}

impl Tokens {
    /// Every key of the field, with repeats: words, then pairs, then codes.
    pub fn keys_into(&self, out: &mut Vec<Key>) {
        out.extend(self.words.iter().map(|&w| Key::one(w)));
        out.extend(self.words.windows(2).map(|p| Key::pair(p[0], p[1])));
        out.extend(self.codes.iter().map(|&c| Key::one(c)));
    }
}

/// Calls `f` with each run of letters and digits of `text` (`text.split(|c|
/// !c.is_alphanumeric())` without the empty pieces), ASCII a byte at a time. Returns
/// whether every character of `text` is `plainly_nfc` (so `text` is in NFC, without a
/// capital sigma).
fn runs<'t>(text: &'t str, mut f: impl FnMut(&'t str)) -> bool {
    let bytes = text.as_bytes();
    let (mut at, mut start, mut plain) = (0, None, true);
    while at < bytes.len() {
        let (inside, len) = match bytes[at] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => {
                let c = text[at..].chars().next().expect("at a character");
                plain &= plainly_nfc(c);
                (is_word_char(c), c.len_utf8())
            }
        };
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                f(&text[s..at]);
                start = None;
            }
            _ => {}
        }
        at += len;
    }
    if let Some(s) = start {
        f(&text[s..]);
    }
    plain
}

/// The whitespace-separated chunks of `text` that hold a `/` and an ASCII digit: the
/// only ones that can be codes (case and marks change neither), found from the `/`s.
fn code_chunks(text: &str) -> Vec<&str> {
    let mut chunks = Vec::new();
    let mut done = 0;
    for (slash, _) in text.match_indices('/') {
        if slash < done {
            continue;
        }
        let start = text[..slash].rfind(char::is_whitespace).map_or(0, |w| {
            w + text[w..].chars().next().map_or(1, char::len_utf8)
        });
        let end = text[slash..]
            .find(char::is_whitespace)
            .map_or(text.len(), |w| slash + w);
        let chunk = &text[start..end];
        if chunk.bytes().any(|b| b.is_ascii_digit()) {
            chunks.push(chunk);
        }
        done = end;
    }
    chunks
}

/// A field's tokens, some of them `PENDING` on words the vocabulary had not seen.
#[derive(Default)]
pub struct Draft {
    tokens: Tokens,
    new: Vec<New>,
    /// Where each of `new` is in it.
    seen: FastMap<New, u32>,
}

impl Draft {
    /// A `PENDING` token for `new`, the same one for the same string.
    fn pend(&mut self, new: New) -> u32 {
        let at = match self.seen.get(&new) {
            Some(&at) => at,
            None => {
                let at = self.new.len() as u32;
                self.new.push(new.clone());
                self.seen.insert(new, at);
                at
            }
        };
        at | PENDING
    }
}

/// A string the vocabulary did not have when a draft was made.
#[derive(Clone, PartialEq, Eq, Hash)]
enum New {
    /// A run of letters and digits as the source writes it.
    Raw(Box<str>),
    /// A normalised word or code.
    Normal(Box<str>),
}

/// A word or code of the index.
struct Form {
    exact: Box<str>,
    folded: Box<str>,
    /// NFC and its own normalised form, so a pair of such words folds word by word.
    stable: bool,
}

/// The words and codes of one build's index, numbered.
#[derive(Default)]
pub struct Vocab {
    /// A run as written → where its normalised words start in `expansions`, how many.
    raw: FastMap<Box<str>, (u32, u32)>,
    expansions: Vec<u32>,
    /// A normalised word or code → its number.
    ids: FastMap<Box<str>, u32>,
    forms: Vec<Form>,
}

impl Vocab {
    /// The tokens of `text` as far as this vocabulary knows its words; `learn` then
    /// `resolve` finish them. Takes `&self`: drafts are made in parallel.
    pub fn draft(&self, text: &str) -> Draft {
        let mut draft = Draft::default();
        draft.tokens.words.reserve(text.len() / 6);
        let plain = runs(text, |run| match self.raw.get(run) {
            Some(&(start, len)) => {
                let (start, len) = (start as usize, len as usize);
                draft
                    .tokens
                    .words
                    .extend_from_slice(&self.expansions[start..start + len]);
            }
            None => {
                let t = draft.pend(New::Raw(run.into()));
                draft.tokens.words.push(t);
            }
        });
        if plain || (!text.contains('Σ') && is_nfc(text)) {
            for chunk in code_chunks(text) {
                for code in codes(&normalise(chunk)) {
                    let t = self.id_or_pending(code, &mut draft);
                    draft.tokens.codes.push(t);
                }
            }
        } else {
            draft = Draft::default();
            let normalised = normalise(text);
            for word in words(&normalised) {
                let t = self.id_or_pending(word, &mut draft);
                draft.tokens.words.push(t);
            }
            for code in codes(&normalised) {
                let t = self.id_or_pending(code, &mut draft);
                draft.tokens.codes.push(t);
            }
        }
        draft
    }

    fn id_or_pending(&self, normalised: &str, draft: &mut Draft) -> u32 {
        self.id(normalised)
            .unwrap_or_else(|| draft.pend(New::Normal(normalised.into())))
    }

    /// Adds the words `drafts` did not find.
    pub fn learn<'d>(&mut self, drafts: impl IntoIterator<Item = &'d Draft>) {
        for draft in drafts {
            for new in &draft.new {
                match new {
                    New::Raw(run) => {
                        if self.raw.contains_key(run) {
                            continue;
                        }
                        let start = self.expansions.len() as u32;
                        let normalised = normalise(run);
                        for word in words(&normalised) {
                            let id = self.intern(word);
                            self.expansions.push(id);
                        }
                        let len = self.expansions.len() as u32 - start;
                        self.raw.insert(run.clone(), (start, len));
                    }
                    New::Normal(s) => {
                        self.intern(s);
                    }
                }
            }
        }
    }

    /// The finished tokens of a draft whose new words were `learn`ed.
    pub fn resolve(&self, draft: Draft) -> Tokens {
        if draft.new.is_empty() {
            return draft.tokens;
        }
        let Draft { tokens, new, .. } = draft;
        let mut words = Vec::with_capacity(tokens.words.len());
        for t in tokens.words {
            if t & PENDING == 0 {
                words.push(t);
                continue;
            }
            match &new[(t & !PENDING) as usize] {
                New::Raw(run) => {
                    let (start, len) = self.raw[run];
                    let (start, len) = (start as usize, len as usize);
                    words.extend_from_slice(&self.expansions[start..start + len]);
                }
                New::Normal(s) => words.push(self.ids[s]),
            }
        }
        let codes = tokens
            .codes
            .into_iter()
            .map(|t| {
                if t & PENDING == 0 {
                    return t;
                }
                match &new[(t & !PENDING) as usize] {
                    New::Normal(s) | New::Raw(s) => self.ids[s],
                }
            })
            .collect();
        Tokens { words, codes }
    }

    /// The tokens of `text` in one go (for tests).
    #[cfg(test)]
    pub fn tokens(&mut self, text: &str) -> Tokens {
        let draft = self.draft(text);
        self.learn([&draft]);
        self.resolve(draft)
    }

    fn id(&self, normalised: &str) -> Option<u32> {
        self.ids.get(normalised).copied()
    }

    fn intern(&mut self, normalised: &str) -> u32 {
        if let Some(id) = self.id(normalised) {
            return id;
        }
        let id = self.forms.len() as u32;
        assert!(id < PENDING, "more than 2^31 distinct words");
        self.forms.push(Form {
            exact: normalised.into(),
            folded: fold(normalised).into(),
            stable: is_nfc(normalised) && normalise(normalised) == normalised,
        });
        self.ids.insert(normalised.into(), id);
        id
    }

    /// The key of a normalised word, code or pair of words (for tests).
    #[cfg(test)]
    pub fn key(&mut self, normalised: &str) -> Key {
        match normalised.split_once(' ') {
            Some((a, b)) => Key::pair(self.intern(a), self.intern(b)),
            None => Key::one(self.intern(normalised)),
        }
    }

    /// The key's text as the index shows it: a word, a code, or two words and a space.
    pub fn exact(&self, key: Key) -> String {
        match key.parts() {
            (a, None) => self.forms[a as usize].exact.to_string(),
            (a, Some(b)) => {
                let (a, b) = (&self.forms[a as usize], &self.forms[b as usize]);
                format!("{} {}", a.exact, b.exact)
            }
        }
    }

    /// `fold(exact)`, from the words' folded forms when they allow it.
    pub fn folded(&self, key: Key, exact: &str) -> String {
        match key.parts() {
            (a, None) => self.forms[a as usize].folded.to_string(),
            (a, Some(b)) => {
                let (a, b) = (&self.forms[a as usize], &self.forms[b as usize]);
                if a.stable && b.stable {
                    format!("{} {}", a.folded, b.folded)
                } else {
                    fold(exact)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Key, Vocab};
    use crate::search::fold::{fold, normalise};
    use crate::search::tokens::terms;

    /// The keys of `text` through the vocabulary, as strings, against `tokens::terms`.
    fn check(text: &str) {
        let mut v = Vocab::default();
        // Twice: once learning, once from what was learned.
        for _ in 0..2 {
            let t = v.tokens(text);
            let mut keys = Vec::new();
            t.keys_into(&mut keys);
            let got: Vec<String> = keys.iter().map(|&k| v.exact(k)).collect();
            assert_eq!(got, terms(&normalise(text)), "{text:?}");
            for (&k, exact) in keys.iter().zip(&got) {
                assert_eq!(v.folded(k, exact), fold(exact), "{exact:?}");
            }
        }
    }

    #[test]
    fn the_same_keys_as_normalised_text_gives() {
        for v in crate::search::fold::tests::vectors() {
            check(&v.input);
        }
        for text in [
            "Nghị định số 15/2026/NĐ-CP, về thủ tục. HOÀ GIẢI ở Cơ sở",
            "Thuý, thúy; KHOẺ khỏe (quý) hoài",
            "decomposed ho\u{300}a gia\u{309}i and İstanbul ΣΟΦΟΣ ΟΔΟΣ",
            "a 12/2024 x/y 3/ /4 và/hoặc ngày 01/7/2026, số 99/QĐ-UBND.",
            &format!("{} ngắn {}", "x".repeat(41), "dài".repeat(14)),
            "",
            "   ",
        ] {
            check(text);
        }
    }

    #[test]
    fn runs_and_code_chunks_split_as_the_standard_library_does() {
        for text in [
            "",
            " a  b ",
            "Số 15/2026/NĐ-CP,\u{a0}ngày 1/7 và/hoặc x/ /y 12/ab\u{2003}3/4",
            "/1 2/ 3/4/5\tđ/9\n",
            "ký hiệu: 01/2025/TT-BTP; 02/QĐ",
        ] {
            let mut got = Vec::new();
            let plain = super::runs(text, |r| got.push(r));
            assert_eq!(plain, text.chars().all(super::plainly_nfc), "{text:?}");
            let want: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|r| !r.is_empty())
                .collect();
            assert_eq!(got, want, "{text:?}");
            let want: Vec<&str> = text
                .split_whitespace()
                .filter(|c| c.contains('/') && c.bytes().any(|b| b.is_ascii_digit()))
                .collect();
            assert_eq!(super::code_chunks(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_word_is_numbered_once_whatever_its_case() {
        let mut v = Vocab::default();
        let a = v.tokens("Hòa HOÀ hoà hòa");
        assert_eq!(a.words.len(), 4);
        assert!(a.words.iter().all(|&w| w == a.words[0]));
        assert_eq!(v.exact(Key::one(a.words[0])), "hòa");
    }
}
