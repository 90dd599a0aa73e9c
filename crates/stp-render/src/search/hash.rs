//! The hash maps of the index and their hashing: short strings (words as the source
//! writes them, normalised words) and numbered keys. Neither is SipHash: the index looks
//! up every word of the site, and its keys come from the site's own text, not from a
//! visitor. Iteration order never reaches the output (keys are sorted before writing).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map keyed by short strings.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Words>>;

/// A map keyed by a 64-bit number (`vocab::Key`).
pub type NumberMap<K, V> = HashMap<K, V, BuildHasherDefault<Number>>;

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Mixes all 64 bits of `n` into every bit of the result (a folded multiply).
pub fn mix(n: u64) -> u64 {
    let p = u128::from(n) * u128::from(K);
    (p as u64) ^ ((p >> 64) as u64)
}

/// Hashes bytes eight at a time.
#[derive(Default)]
pub struct Words(u64);

impl Hasher for Words {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            h = (h ^ word).wrapping_mul(K).rotate_left(29);
        }
        let rest = chunks.remainder();
        let n = rest.len();
        if n > 0 {
            // The last one to seven bytes read in place (two overlapping halves, or the
            // first, middle and last byte): with the length they are all of them.
            let word = if n >= 4 {
                let low = u32::from_le_bytes(rest[..4].try_into().expect("four bytes"));
                let high = u32::from_le_bytes(rest[n - 4..].try_into().expect("four bytes"));
                u64::from(low) | (u64::from(high) << 32)
            } else {
                u64::from(rest[0]) | (u64::from(rest[n / 2]) << 8) | (u64::from(rest[n - 1]) << 16)
            };
            h = (h ^ word ^ ((n as u64) << 59))
                .wrapping_mul(K)
                .rotate_left(29);
        }
        self.0 = h;
    }

    /// The end marker `str` hashes after its bytes, without going through `write`.
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(K).rotate_left(29);
    }

    fn finish(&self) -> u64 {
        mix(self.0)
    }
}

/// Hashes one number.
#[derive(Default)]
pub struct Number(u64);

impl Hasher for Number {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = mix(self.0 ^ u64::from(*b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = mix(n);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use std::hash::{BuildHasher, BuildHasherDefault};

    use super::Words;

    #[test]
    fn strings_that_differ_hash_apart() {
        let h = |s: &str| BuildHasherDefault::<Words>::default().hash_one(s);
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "thủ",
            "thu",
            "12345678",
            "123456789",
            "abcd",
            "abcde",
            "abdce",
            "xabc",
            "abcdefghijklmno",
            "abcdefghijklmnp",
        ];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert_ne!(h(a), h(b), "{a:?} {b:?}");
            }
        }
    }
}
