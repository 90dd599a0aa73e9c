//! An article's Markdown as the site model holds it between parsing and rendering. A
//! model of 100,000 articles holds every body at once, and their text is most of its
//! memory (about 650 MB at 1,000 words an article), so a large site's bodies are held
//! compressed (LZ4, about 2.5 times smaller on Vietnamese prose) and each reader (the
//! page, the search index, the summary, the checks) takes the text out when it needs
//! it; a small site's stay plain, which costs nothing to read (compressing costs about
//! 5 % of a build). The build packs each body as it is parsed once the articles read
//! pass `PACK_ABOVE` bytes, and the ones read before at the end; what it produces is
//! the same either way.

use std::borrow::Cow;
use std::fmt;

/// Articles whose files together are larger than this have their bodies held
/// compressed.
pub const PACK_ABOVE: u64 = 256 * 1024 * 1024;

/// Markdown text, held plain or compressed.
#[derive(Clone)]
pub enum Body {
    Plain(String),
    Packed { bytes: Box<[u8]>, len: usize },
}

impl Body {
    /// Holds `text` as it is.
    pub fn plain(text: &str) -> Body {
        Body::Plain(text.to_string())
    }

    /// Holds `text` compressed.
    pub fn packed(text: &str) -> Body {
        Body::Packed {
            bytes: lz4_flex::block::compress(text.as_bytes()).into_boxed_slice(),
            len: text.len(),
        }
    }

    /// Holds the same text compressed from now on.
    pub fn pack(&mut self) {
        if let Body::Plain(text) = self {
            *self = Body::packed(text);
        }
    }

    /// The text.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Body::Plain(text) => Cow::Borrowed(text),
            Body::Packed { bytes, len } => {
                // Made by `packed` from a `&str` and never changed since (the fields of
                // a `Packed` are only ever set there), so this gives back exactly those
                // bytes. Were it ever not to, the text is empty rather than a panic.
                let Ok(raw) = lz4_flex::block::decompress(bytes, *len) else {
                    return Cow::Borrowed("");
                };
                match simdutf8::basic::from_utf8(&raw) {
                    // SAFETY: `from_utf8` has just checked these very bytes.
                    Ok(_) => Cow::Owned(unsafe { String::from_utf8_unchecked(raw) }),
                    Err(_) => Cow::Borrowed(""),
                }
            }
        }
    }

    /// The text, moved out when it is held plain.
    pub fn into_text(self) -> String {
        match self {
            Body::Plain(text) => text,
            packed => packed.text().into_owned(),
        }
    }

    /// The length of the text in bytes.
    pub fn len(&self) -> usize {
        match self {
            Body::Plain(text) => text.len(),
            Body::Packed { len, .. } => *len,
        }
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes held (for the memory figures).
    pub fn held(&self) -> usize {
        match self {
            Body::Plain(text) => text.len(),
            Body::Packed { bytes, .. } => bytes.len(),
        }
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        match (self, other) {
            (Body::Plain(a), Body::Plain(b)) => a == b,
            (Body::Packed { bytes: a, len: m }, Body::Packed { bytes: b, len: n }) => {
                m == n && a == b
            }
            _ => self.len() == other.len() && self.text() == other.text(),
        }
    }
}

impl Eq for Body {}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Body").field(&self.text()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::Body;

    const TEXTS: [&str; 3] = ["", "a", "Thủ tục hòa giải ở cơ sở.\n"];

    #[test]
    fn gives_back_the_text_it_was_given_either_way() {
        let long = "Sở Tư pháp tỉnh hướng dẫn thủ tục chứng thực. ".repeat(500);
        for text in TEXTS.into_iter().chain([long.as_str()]) {
            // Packed twice: the second time changes nothing.
            let mut repacked = Body::plain(text);
            repacked.pack();
            repacked.pack();
            for body in [Body::plain(text), Body::packed(text), repacked] {
                assert_eq!(body.text(), text);
                assert_eq!(body.clone().into_text(), text);
                assert_eq!(body.len(), text.len());
                assert_eq!(body.is_empty(), text.is_empty());
            }
        }
    }

    /// lz4_flex runs its unchecked fast paths with `checked-decode`: a damaged packed
    /// body (cut short, bytes changed, the wrong length, not LZ4 at all) gives an empty
    /// text or some text, never a read out of bounds or a panic.
    #[test]
    fn a_damaged_packed_body_reads_as_empty_not_out_of_bounds() {
        let text = "Sở Tư pháp tỉnh hướng dẫn thủ tục chứng thực. ".repeat(300);
        let Body::Packed { bytes, len } = Body::packed(&text) else {
            panic!("packed");
        };
        let mut damaged: Vec<Body> = Vec::new();
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            damaged.push(Body::Packed {
                bytes: bytes[..cut].into(),
                len,
            });
        }
        for wrong in [0, 1, len - 1, len + 1, len * 4] {
            damaged.push(Body::Packed {
                bytes: bytes.clone(),
                len: wrong,
            });
        }
        // Each byte in turn changed, and bytes that are not LZ4.
        for at in (0..bytes.len()).step_by(7) {
            let mut changed = bytes.to_vec();
            changed[at] ^= 0xA5;
            damaged.push(Body::Packed {
                bytes: changed.into(),
                len,
            });
        }
        damaged.push(Body::Packed {
            bytes: vec![0xF0; 64].into(),
            len: 1 << 20,
        });
        let mut empty = 0;
        for body in &damaged {
            let Body::Packed { len: declared, .. } = body else {
                panic!("packed");
            };
            // Never more than the length it says it holds, valid UTF-8 (a `str`).
            let got = body.text();
            assert!(got.len() <= *declared, "{} of {declared} bytes", got.len());
            empty += usize::from(got.is_empty());
        }
        assert!(empty > damaged.len() / 2, "most damage is refused: {empty}");
        // The undamaged bytes still read back whole.
        assert_eq!(Body::Packed { bytes, len }.text(), text);
    }

    #[test]
    fn repeated_prose_is_held_in_less_memory_when_packed() {
        let text = "Sở Tư pháp tỉnh hướng dẫn thủ tục chứng thực bản sao. ".repeat(200);
        assert!(Body::packed(&text).held() * 4 < text.len());
        assert_eq!(Body::plain(&text).held(), text.len());
    }

    #[test]
    fn equal_texts_are_equal_bodies_however_held() {
        for (a, b) in [("một", "một"), ("một", "hai"), ("", "một"), ("ab", "ba")] {
            for x in [Body::plain(a), Body::packed(a)] {
                for y in [Body::plain(b), Body::packed(b)] {
                    assert_eq!(x == y, a == b, "{x:?} {y:?}");
                }
            }
        }
    }
}
