//! A field's tokens packed for keeping between the index's two passes: every article's
//! body waits, as word numbers, until the average body length is known and it can be
//! scored. Each number is written as LEB128: the vocabulary numbers words in the order it
//! first sees them, so the common ones take one or two bytes instead of four, which at
//! 100,000 articles (some 110 million words) is the difference between about 440 MB and
//! about 150 MB held.

use super::vocab::Tokens;

/// A field's words, then its codes, as LEB128 numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    bytes: Box<[u8]>,
    words: u32,
}

impl Packed {
    pub fn of(tokens: &Tokens) -> Packed {
        let mut bytes = Vec::with_capacity(2 * (tokens.words.len() + tokens.codes.len()));
        for &n in tokens.words.iter().chain(&tokens.codes) {
            let mut n = n;
            while n >= 0x80 {
                bytes.push((n as u8) | 0x80);
                n >>= 7;
            }
            bytes.push(n as u8);
        }
        Packed {
            bytes: bytes.into_boxed_slice(),
            words: u32::try_from(tokens.words.len()).expect("fewer than 2^32 words"),
        }
    }

    /// How many words (not codes).
    pub fn words(&self) -> usize {
        self.words as usize
    }

    /// The tokens again, into `out` (cleared first).
    pub fn unpack_into(&self, out: &mut Tokens) {
        out.words.clear();
        out.codes.clear();
        let (mut n, mut shift, mut count) = (0u32, 0u32, 0usize);
        for &b in self.bytes.iter() {
            n |= u32::from(b & 0x7f) << shift;
            if b & 0x80 != 0 {
                shift += 7;
                continue;
            }
            if count < self.words() {
                out.words.push(n);
            } else {
                out.codes.push(n);
            }
            count += 1;
            (n, shift) = (0, 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Packed;
    use crate::search::vocab::Tokens;

    #[test]
    fn unpacks_to_what_was_packed() {
        let tokens = Tokens {
            words: vec![0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX >> 1, 5, 5],
            codes: vec![7, 2_000_000, 0],
        };
        let packed = Packed::of(&tokens);
        assert_eq!(packed.words(), 10);
        let mut back = Tokens {
            words: vec![9; 3],
            codes: vec![9],
        };
        packed.unpack_into(&mut back);
        assert_eq!(back, tokens);
        // Small numbers take a byte each.
        let small = Packed::of(&Tokens {
            words: (0..100).collect(),
            codes: vec![],
        });
        assert_eq!(small.bytes.len(), 100);
        let empty = Packed::of(&Tokens::default());
        empty.unpack_into(&mut back);
        assert_eq!(back, Tokens::default());
    }
}
