//! Object sizes read from the pack files' own entry headers, so that checking a blob's size
//! before reading it (`Objects::size`) costs one small read. libgit2's `read_header` of a
//! deltified object walks the whole delta chain down to its base to learn the object's
//! type; the size it gives is the delta's result size, written at the start of the delta's
//! data. This module owns reading that size directly: it parses each version-2 pack index
//! (`objects/pack/*.idx`) once per process, finds the object's offset, reads the entry there
//! with a positioned read and, for a delta, inflates only the first bytes of its data. It
//! answers only where it is certain to give the size libgit2 gives; for everything else (a
//! loose object, an index of another version, a pack without its index, an alternate object
//! store, a pack and an index that do not belong together, data cut short or odd, a size
//! libgit2 would not read exactly) it answers `Ask` and `Objects::size` asks libgit2; a
//! delta whose data does not inflate is `Damaged`. The parsers take byte slices and never
//! panic (fuzz/fuzz_targets/pack_sizes.rs).

use std::cell::RefCell;
use std::ffi::OsStr;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use flate2::{Decompress, FlushDecompress, Status};

/// The packs of one object database that could be opened, for size look-ups.
pub struct PackSizes {
    packs: Vec<Arc<Pack>>,
}

/// The packs opened last, shared by every `Objects` of the process (the ledger opens one
/// per thread and per run of commits): each `open` lists the folder again, so a pack
/// written since is seen and one removed is let go, but reads an index only once.
static OPENED: Mutex<Vec<Arc<Pack>>> = Mutex::new(Vec::new());

impl PackSizes {
    /// The packs under `objects/pack/` of the object folder `objects`.
    pub fn open(objects: &Path) -> PackSizes {
        let mut found: Vec<(PathBuf, Stamp)> = std::fs::read_dir(objects.join("pack"))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().extension() == Some(OsStr::new("idx")))
            .filter_map(|e| Some((e.path(), Stamp::of(&e.metadata().ok()?))))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let mut opened = OPENED.lock().unwrap_or_else(PoisonError::into_inner);
        let packs: Vec<Arc<Pack>> = found
            .into_iter()
            .filter_map(|(idx, stamp)| {
                let known = opened.iter().find(|p| p.idx == idx && p.stamp == stamp);
                known
                    .cloned()
                    .or_else(|| Pack::open(idx, stamp).map(Arc::new))
            })
            .collect();
        opened.clone_from(&packs);
        PackSizes { packs }
    }

    /// What the packs say of the size of object `id` (20 bytes).
    pub fn size(&self, id: &[u8]) -> PackSize {
        self.packs
            .iter()
            .find_map(|pack| {
                let offset = pack.index().offset_of(id)?;
                // Found: this pack answers or nobody does (another copy says the same).
                Some(pack.size_at(offset))
            })
            .unwrap_or(PackSize::Ask)
    }
}

/// What the packs say of an object's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackSize {
    /// The size libgit2 gives.
    Known(u64),
    /// A delta whose data does not inflate: libgit2 cannot read the object, and its
    /// `read_header` gives whatever its stack held (`git_delta_read_header_fromstream`
    /// counts the stream's error as bytes read).
    Damaged,
    /// Not known here: ask libgit2.
    Ask,
}

/// What tells an index file apart from the one of the same name read before.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// A pack and its index, checked to belong together as libgit2 checks them: the pack's
/// header counts the objects the index lists, and its trailing checksum is the one the
/// index names. Git never rewrites a pack in place, so the open file keeps answering for
/// the index read with it.
struct Pack {
    idx: PathBuf,
    stamp: Stamp,
    index: Vec<u8>,
    count: usize,
    file: File,
    /// Where the entries end (the pack's length less its checksum).
    data_end: u64,
}

impl Pack {
    fn open(idx: PathBuf, stamp: Stamp) -> Option<Pack> {
        let index = std::fs::read(&idx).ok()?;
        let parsed = Index::parse(&index)?;
        let file = File::open(idx.with_extension("pack")).ok()?;
        let len = file.metadata().ok()?.len();
        let data_end = len.checked_sub(20)?;
        let mut head = [0; 12];
        let mut trailer = [0; 20];
        file.read_exact_at(&mut head, 0).ok()?;
        file.read_exact_at(&mut trailer, data_end).ok()?;
        let belongs = pack_header_count(&head) == Some(parsed.count)
            && parsed.pack_checksum() == Some(&trailer[..])
            && data_end >= 12;
        let count = parsed.count;
        belongs.then_some(Pack {
            idx,
            stamp,
            index,
            count,
            file,
            data_end,
        })
    }

    fn index(&self) -> Index<'_> {
        Index {
            bytes: &self.index,
            count: self.count,
        }
    }

    /// The size of the object whose entry starts at `offset`.
    fn size_at(&self, offset: u64) -> PackSize {
        let Some(room) = self.data_end.checked_sub(offset).filter(|_| offset >= 12) else {
            return PackSize::Ask;
        };
        for window in WINDOWS {
            let len = room.min(window);
            let mut bytes = vec![0; len as usize];
            if self.file.read_exact_at(&mut bytes, offset).is_err() {
                return PackSize::Ask;
            }
            return match entry_size(&bytes) {
                Ok(entry) if self.base_is_sound(entry.base, offset) => PackSize::Known(entry.size),
                Err(Stop::Short) if len < room => continue,
                Err(Stop::Damaged) => PackSize::Damaged,
                _ => PackSize::Ask,
            };
        }
        PackSize::Ask
    }

    /// Whether libgit2 would find the base of a delta at `offset` where this one does: an
    /// earlier entry of the same pack (`get_delta_base`). Its own base is not looked at.
    fn base_is_sound(&self, base: Base, offset: u64) -> bool {
        match base {
            Base::None => true,
            Base::Back(back) => back > 0 && back < offset,
            Base::Id(id) => self.index().offset_of(&id).is_some(),
        }
    }
}

/// How much of an entry is read: most deltas' sizes are in the first bytes; a delta whose
/// compressed data starts with a long Huffman table needs the second window.
const WINDOWS: [u64; 2] = [128, 4096];

/// The count of objects in a pack's 12-byte header (`PACK`, version 2 or 3, count).
pub fn pack_header_count(head: &[u8]) -> Option<usize> {
    let version = be32(head, 4)?;
    let count = be32(head, 8)?;
    (head.get(..4)? == b"PACK" && (version == 2 || version == 3))
        .then(|| usize::try_from(count).ok())
        .flatten()
}

const IDX_HEADER: usize = 8;
const FANOUT: usize = 256 * 4;
const ID: usize = 20;

/// A version-2 pack index, checked as libgit2 checks it: the magic and version, a fanout
/// table that never decreases, and a length that fits the object count (with at most one
/// 8-byte large offset for every object but one).
#[derive(Clone, Copy)]
pub struct Index<'a> {
    bytes: &'a [u8],
    count: usize,
}

impl<'a> Index<'a> {
    pub fn parse(bytes: &'a [u8]) -> Option<Index<'a>> {
        if bytes.get(..4)? != b"\xfftOc" || be32(bytes, 4)? != 2 {
            return None;
        }
        let mut count = 0;
        for i in 0..256 {
            let n = be32(bytes, IDX_HEADER + 4 * i)?;
            if n < count {
                return None;
            }
            count = n;
        }
        let count = usize::try_from(count).ok()?;
        let fixed = count
            .checked_mul(ID + 8)?
            .checked_add(IDX_HEADER + FANOUT + 40)?;
        let large = bytes.len().checked_sub(fixed)?;
        let fits = large % 8 == 0 && large / 8 <= count.saturating_sub(1);
        fits.then_some(Index { bytes, count })
    }

    /// How many objects the index lists.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The checksum of the pack the index was written for.
    pub fn pack_checksum(&self) -> Option<&'a [u8]> {
        let end = self.bytes.len().checked_sub(ID)?;
        self.bytes.get(end.checked_sub(ID)?..end)
    }

    /// Where in the pack the entry of object `id` starts, if the index lists it.
    pub fn offset_of(&self, id: &[u8]) -> Option<u64> {
        let first = usize::from(*id.first()?);
        let (lo, hi) = match first.checked_sub(1) {
            Some(before) => (self.fanout(before)?, self.fanout(first)?),
            None => (0, self.fanout(0)?),
        };
        let ids_end = self
            .count
            .checked_mul(ID)?
            .checked_add(IDX_HEADER + FANOUT)?;
        let (ids, _) = self
            .bytes
            .get(IDX_HEADER + FANOUT..ids_end)?
            .as_chunks::<ID>();
        let at = ids
            .get(lo..hi)?
            .binary_search_by(|probe| probe[..].cmp(id))
            .ok()?;
        self.offset(lo.checked_add(at)?)
    }

    /// The offset of the `n`th object, from the 4-byte table or, with its top bit set, the
    /// 8-byte one after it.
    fn offset(&self, n: usize) -> Option<u64> {
        let small_at = self
            .count
            .checked_mul(ID + 4)?
            .checked_add(IDX_HEADER + FANOUT)?;
        let small = be32(self.bytes, small_at.checked_add(n.checked_mul(4)?)?)?;
        if small & 0x8000_0000 == 0 {
            return Some(u64::from(small));
        }
        let large = usize::try_from(small & 0x7fff_ffff).ok()?;
        let large_at = small_at.checked_add(self.count.checked_mul(4)?)?;
        let table_end = self.bytes.len().checked_sub(2 * ID)?;
        let at = large_at.checked_add(large.checked_mul(8)?)?;
        let bytes = self.bytes.get(at..table_end)?.get(..8)?;
        Some(u64::from_be_bytes(bytes.try_into().ok()?))
    }

    fn fanout(&self, i: usize) -> Option<usize> {
        usize::try_from(be32(self.bytes, IDX_HEADER + 4 * i)?).ok()
    }
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes(b.try_into().ok()?))
}

/// Why an entry's size is not known from the bytes given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The bytes end before the size does: more may tell.
    Short,
    /// Not an entry this reader answers for: libgit2 is asked.
    Unknown,
    /// A delta whose data does not inflate (`PackSize::Damaged`).
    Damaged,
}

/// What an entry says of its object's size, and the base a delta names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntrySize {
    pub size: u64,
    pub base: Base,
}

/// The base of a delta entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// A whole object (commit, tree, blob or tag).
    None,
    /// `OFS_DELTA`: the entry that many bytes before this one.
    Back(u64),
    /// `REF_DELTA`: the object with this id.
    Id([u8; ID]),
}

/// The size of the object whose pack entry starts `entry` (which may be cut short): the
/// size in the entry header of a whole object, or the result size at the start of a
/// delta's data, read as libgit2 reads them (`packfile_unpack_header1`, `get_delta_base`,
/// `git_delta_read_header_fromstream`). A number libgit2 would not read exactly (past 60
/// bits) is `Unknown`.
pub fn entry_size(entry: &[u8]) -> Result<EntrySize, Stop> {
    let first = *entry.first().ok_or(Stop::Short)?;
    let kind = (first >> 4) & 7;
    let (size, mut at) = varint(entry, 0, first & 15, 4)?;
    let base = match kind {
        1..=4 => {
            return Ok(EntrySize {
                size,
                base: Base::None,
            });
        }
        6 => {
            let (back, used) = base_offset(entry.get(at..).ok_or(Stop::Short)?)?;
            at += used;
            Base::Back(back)
        }
        7 => {
            let end = at.checked_add(ID).ok_or(Stop::Unknown)?;
            let id = entry.get(at..end).ok_or(Stop::Short)?;
            at = end;
            Base::Id(id.try_into().map_err(|_| Stop::Unknown)?)
        }
        _ => return Err(Stop::Unknown),
    };
    let data = entry.get(at..).ok_or(Stop::Short)?;
    Ok(EntrySize {
        size: delta_result_size(data)?,
        base,
    })
}

/// A little-endian base-128 number starting with `low` (the bits the first byte holds
/// below its flag) at `shift`, whose first byte is `bytes[at]`; the value and where it
/// ends. Past 60 bits libgit2 drops bits, so that is `Unknown`.
fn varint(bytes: &[u8], at: usize, low: u8, shift: u32) -> Result<(u64, usize), Stop> {
    let mut value = u64::from(low);
    let mut shift = shift;
    let mut at = at;
    let mut byte = *bytes.get(at).ok_or(Stop::Short)?;
    at += 1;
    while byte & 0x80 != 0 {
        if shift > 53 {
            return Err(Stop::Unknown);
        }
        byte = *bytes.get(at).ok_or(Stop::Short)?;
        at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        shift += 7;
    }
    Ok((value, at))
}

/// An `OFS_DELTA`'s distance back to its base (git's offset encoding: each continuation
/// adds one before the shift) and the bytes it takes.
fn base_offset(bytes: &[u8]) -> Result<(u64, usize), Stop> {
    let mut byte = *bytes.first().ok_or(Stop::Short)?;
    let mut back = u64::from(byte & 0x7f);
    let mut used = 1;
    while byte & 0x80 != 0 {
        byte = *bytes.get(used).ok_or(Stop::Short)?;
        used += 1;
        back = back.checked_add(1).ok_or(Stop::Unknown)?;
        if back >> 57 != 0 {
            return Err(Stop::Unknown);
        }
        back = (back << 7) | u64::from(byte & 0x7f);
    }
    Ok((back, used))
}

/// How much of a delta's data libgit2 inflates to read its two sizes
/// (`DELTA_HEADER_BUFFER_LEN`).
const DELTA_HEADER: usize = 16;

/// The result size of the delta whose zlib data starts `zlib`: its data begins with the
/// base's size and the result's. As libgit2 does, the first 16 bytes are inflated (or all,
/// if fewer): a size is given only when they inflate without error, so that a stream
/// damaged within them is never read one way here and another way there.
pub fn delta_result_size(zlib: &[u8]) -> Result<u64, Stop> {
    let mut out = [0; DELTA_HEADER];
    let inflated = inflate_start(zlib, &mut out)?;
    let header = out.get(..inflated).ok_or(Stop::Unknown)?;
    let (_, at) = varint_at(header, 0).map_err(|_| Stop::Unknown)?;
    let (size, _) = varint_at(header, at).map_err(|_| Stop::Unknown)?;
    Ok(size)
}

/// A delta header's number (libgit2's `hdr_sz`) at `at`.
fn varint_at(bytes: &[u8], at: usize) -> Result<(u64, usize), Stop> {
    let first = *bytes.get(at).ok_or(Stop::Short)?;
    varint(bytes, at, first & 0x7f, 7)
}

/// Inflates the zlib stream `zlib` into `out` until `out` is full or the stream ends, and
/// says how many bytes came out, as zlib would from the whole pack (libgit2 gives it all):
/// `Short` when all of `zlib` was read before the stream ended, `Damaged` when it does not
/// inflate.
fn inflate_start(zlib: &[u8], out: &mut [u8]) -> Result<usize, Stop> {
    thread_local! {
        /// One inflater a thread, reset for each delta: a new one costs an allocation of
        /// its state and its 32 KiB window every time.
        static INFLATE: RefCell<Decompress> = RefCell::new(Decompress::new(true));
    }
    INFLATE.with(|inflate| match inflate.try_borrow_mut() {
        Ok(mut inflate) => {
            inflate.reset(true);
            inflate_with(&mut inflate, zlib, out)
        }
        Err(_) => inflate_with(&mut Decompress::new(true), zlib, out),
    })
}

fn inflate_with(inflate: &mut Decompress, zlib: &[u8], out: &mut [u8]) -> Result<usize, Stop> {
    loop {
        let (read, written) = (inflate.total_in(), inflate.total_out());
        let input = zlib.get(usize::try_from(read).map_err(|_| Stop::Unknown)?..);
        let done = usize::try_from(written).map_err(|_| Stop::Unknown)?;
        let (Some(input), Some(room)) = (input, out.get_mut(done..)) else {
            return Err(Stop::Unknown);
        };
        let status = inflate
            .decompress(input, room, FlushDecompress::None)
            .map_err(|_| Stop::Damaged)?;
        let now = usize::try_from(inflate.total_out()).map_err(|_| Stop::Unknown)?;
        if status == Status::StreamEnd {
            return Ok(now);
        }
        // With `out` full, zlib still reads on to the block's end and the stream's
        // checksum while no byte comes out: only unread input shows it stopped for room.
        if inflate.total_in() == zlib.len() as u64 {
            return Err(Stop::Short);
        }
        if now == out.len() {
            return Ok(now);
        }
        if inflate.total_in() == read && inflate.total_out() == written {
            return Err(Stop::Unknown);
        }
    }
}

#[cfg(test)]
#[path = "pack_sizes_tests.rs"]
mod tests;
