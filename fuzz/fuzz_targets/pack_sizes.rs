#![no_main]
//! Pack files and their indexes as they lie in `.git/objects/pack/` (a clone or a fetch
//! wrote them from what a remote sent): reading an index, a pack header or an entry's size
//! never panics, whatever the bytes. An index built of the input's own ids finds each of
//! them; an entry's size (or damage) read from its first bytes is what all of them say, so
//! reading a short window first never changes the answer (a regression in
//! fuzz/regressions/pack_sizes/, replayed by a unit test in src/ledger/pack_sizes_tests.rs).

use libfuzzer_sys::fuzz_target;
use stp::ledger::pack_sizes::{Index, Stop, delta_result_size, entry_size, pack_header_count};

fuzz_target!(|data: &[u8]| {
    let _ = pack_header_count(data);
    if let Some(index) = Index::parse(data) {
        let _ = index.pack_checksum();
        for id in data.chunks(20).take(64) {
            let _ = index.offset_of(id);
        }
    }
    if let Some((&count, rest)) = data.split_first() {
        built_index(usize::from(count % 32), rest);
    }
    same_from_any_start(data, entry_size);
    same_from_any_start(data, delta_result_size);
});

/// Checks that a size or a verdict of damage from a prefix of `data` is the answer from
/// all of it.
fn same_from_any_start<T: PartialEq + std::fmt::Debug>(
    data: &[u8],
    read: impl Fn(&[u8]) -> Result<T, Stop>,
) {
    let all = read(data);
    let cuts = (0..data.len().min(64)).chain([data.len() / 2, data.len().saturating_sub(1)]);
    for cut in cuts {
        if let Some(early @ (Ok(_) | Err(Stop::Damaged))) = data.get(..cut).map(&read) {
            assert_eq!(early, all, "from the first {cut} bytes");
        }
    }
}

/// An index of up to 31 ids taken from `rest` (sorted, without repeats), their offsets and
/// large offsets from the bytes after them: every id whose offset is a small one is found.
fn built_index(count: usize, rest: &[u8]) {
    let Some(ids) = rest.get(..count * 20) else {
        return;
    };
    let mut ids: Vec<&[u8]> = ids.chunks(20).collect();
    ids.sort();
    ids.dedup();
    let rest = &rest[count * 20..];
    let Some(offsets) = rest.get(..ids.len() * 4) else {
        return;
    };
    let tail = &rest[ids.len() * 4..];
    let large = &tail[..(tail.len() / 8).min(ids.len().saturating_sub(1)) * 8];
    let mut idx = b"\xfftOc\0\0\0\x02".to_vec();
    for first in 0..=255u8 {
        let n = ids.iter().filter(|id| id[0] <= first).count() as u32;
        idx.extend(n.to_be_bytes());
    }
    ids.iter().for_each(|id| idx.extend(*id));
    ids.iter().for_each(|_| idx.extend([0; 4]));
    idx.extend(offsets);
    idx.extend(large);
    idx.extend([0; 40]);
    let index = Index::parse(&idx).expect("a well-formed index parses");
    for (id, offset) in ids.iter().zip(offsets.chunks(4)) {
        let found = index.offset_of(id);
        if offset[0] & 0x80 == 0 {
            let small = u32::from_be_bytes(offset.try_into().unwrap());
            assert_eq!(found, Some(u64::from(small)));
        }
    }
}
