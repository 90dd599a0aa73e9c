use super::*;

use std::io::Write;
use std::process::Command;

use git2::{Oid, Repository};

use crate::objects::{Objects, ReadError};

/// Runs git in `dir`, without the machine's or the user's configuration, and expects
/// success; returns stdout.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=T", "-c", "user.email=t@example.vn"])
        .args(["-c", "commit.gpgsign=false", "-c", "gc.auto=0"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A repository of `versions` commits, each changing and growing two articles a little, so
/// that a repack stores most of their versions as deltas; all objects loose.
fn history(versions: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    std::fs::create_dir(dir.path().join("content")).unwrap();
    for v in 0..versions {
        for (name, lines) in [("a.md", 40), ("b.md", 120)] {
            let mut text = String::from("---\nstatus: published\n---\n");
            for line in 0..lines + v {
                let edit = if line == v % lines { v } else { 0 };
                text.push_str(&format!("Dòng {line} của bài {name}, bản {edit}.\n"));
            }
            std::fs::write(dir.path().join("content").join(name), text).unwrap();
        }
        git(dir.path(), &["add", "-A"]);
        git(dir.path(), &["commit", "-q", "-m", &format!("version {v}")]);
    }
    dir
}

/// [`history`] of `versions` commits, then packed by `git ARGS`.
fn packed(versions: usize, args: &[&str]) -> tempfile::TempDir {
    let dir = history(versions);
    git(dir.path(), args);
    dir
}

fn objects_dir(dir: &Path) -> PathBuf {
    dir.join(".git/objects")
}

/// Every object of the repository at `dir`, with the size git gives it.
fn all_objects(dir: &Path) -> Vec<(Oid, u64)> {
    let listed = git(
        dir,
        &[
            "cat-file",
            "--batch-all-objects",
            "--batch-check=%(objectname) %(objectsize)",
        ],
    );
    listed
        .lines()
        .map(|line| {
            let (id, size) = line.split_once(' ').unwrap();
            (Oid::from_str(id).unwrap(), size.parse().unwrap())
        })
        .collect()
}

/// The entry of object `id` in the packs, as parsed from its first 4 KiB.
fn entry_of(packs: &PackSizes, id: &[u8]) -> Option<(u64, EntrySize)> {
    packs.packs.iter().find_map(|pack| {
        let offset = pack.index().offset_of(id)?;
        let room = usize::try_from(pack.data_end - offset).unwrap().min(4096);
        let mut bytes = vec![0; room];
        pack.file.read_exact_at(&mut bytes, offset).unwrap();
        Some((offset, entry_size(&bytes).unwrap()))
    })
}

/// How many objects the packs answered for, and how many of them are `OFS_DELTA`s and
/// `REF_DELTA`s.
#[derive(Debug, Default, PartialEq, Eq)]
struct Answered {
    objects: usize,
    ofs_deltas: usize,
    ref_deltas: usize,
}

/// Checks that for every object of the repository at `dir` the packs' answer, where they
/// give one, is libgit2's `read_header` size and git's, and that `Objects::size` is too.
fn check_every_object(dir: &Path) -> Answered {
    let repo = Repository::open(dir).unwrap();
    let odb = repo.odb().unwrap();
    let objects = Objects::new(&repo).unwrap();
    let packs = PackSizes::open(&objects_dir(dir));
    let mut answered = Answered::default();
    let all = all_objects(dir);
    assert!(!all.is_empty());
    for (oid, git_size) in all {
        let (size, _) = odb.read_header(oid).unwrap();
        assert_eq!(size as u64, git_size, "{oid}");
        assert_eq!(objects.size(oid).unwrap(), size, "{oid}");
        let PackSize::Known(ours) = packs.size(oid.as_bytes()) else {
            assert_eq!(packs.size(oid.as_bytes()), PackSize::Ask, "{oid}");
            continue;
        };
        assert_eq!(ours, git_size, "{oid}");
        answered.objects += 1;
        match entry_of(&packs, oid.as_bytes()).unwrap().1.base {
            Base::None => {}
            Base::Back(_) => answered.ofs_deltas += 1,
            Base::Id(_) => answered.ref_deltas += 1,
        }
    }
    answered
}

#[test]
fn every_object_of_an_aggressively_packed_repository_has_libgit2s_size() {
    let dir = packed(60, &["gc", "-q", "--aggressive"]);
    let answered = check_every_object(dir.path());
    assert_eq!(
        answered.objects,
        all_objects(dir.path()).len(),
        "all packed"
    );
    assert!(answered.ofs_deltas > 100, "{answered:?}");
    assert_eq!(answered.ref_deltas, 0);
}

#[test]
fn every_object_of_long_delta_chains_in_several_packs_has_libgit2s_size() {
    let dir = packed(40, &["repack", "-q", "-adf", "--depth=50", "--window=50"]);
    // More history: a second pack of its own, then loose objects beside both.
    for v in 0..8 {
        std::fs::write(dir.path().join("content/c.md"), "c\n".repeat(v + 1)).unwrap();
        git(dir.path(), &["add", "-A"]);
        git(dir.path(), &["commit", "-q", "-m", &format!("more {v}")]);
        if v == 3 {
            git(dir.path(), &["repack", "-q", "-d"]);
        }
    }
    let packs = PackSizes::open(&objects_dir(dir.path()));
    assert_eq!(packs.packs.len(), 2);
    let answered = check_every_object(dir.path());
    assert!(
        answered.objects < all_objects(dir.path()).len(),
        "some loose"
    );
    assert!(answered.ofs_deltas > 50, "{answered:?}");
}

#[test]
fn every_object_of_a_pack_of_ref_deltas_has_libgit2s_size() {
    let dir = packed(
        40,
        &[
            "-c",
            "repack.useDeltaBaseOffset=false",
            "repack",
            "-q",
            "-adf",
        ],
    );
    let answered = check_every_object(dir.path());
    assert_eq!(answered.objects, all_objects(dir.path()).len());
    assert!(answered.ref_deltas > 50, "{answered:?}");
    assert_eq!(answered.ofs_deltas, 0);
}

#[test]
fn loose_objects_are_left_to_libgit2() {
    let dir = history(3);
    let answered = check_every_object(dir.path());
    assert_eq!(answered, Answered::default());
}

#[test]
fn objects_of_an_alternate_store_are_left_to_libgit2() {
    let shared = packed(10, &["gc", "-q"]);
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    let mut alternates =
        std::fs::File::create(objects_dir(dir.path()).join("info/alternates")).unwrap();
    writeln!(alternates, "{}", objects_dir(shared.path()).display()).unwrap();
    let repo = Repository::open(dir.path()).unwrap();
    let objects = Objects::new(&repo).unwrap();
    let packs = PackSizes::open(&objects_dir(dir.path()));
    for (oid, size) in all_objects(shared.path()) {
        assert_eq!(packs.size(oid.as_bytes()), PackSize::Ask);
        assert_eq!(objects.size(oid).unwrap() as u64, size);
    }
}

#[test]
fn a_version_1_index_is_left_to_libgit2() {
    let dir = packed(20, &["-c", "pack.indexVersion=1", "repack", "-q", "-adf"]);
    assert!(PackSizes::open(&objects_dir(dir.path())).packs.is_empty());
    assert_eq!(check_every_object(dir.path()), Answered::default());
}

/// The index and pack files of the only pack in `dir`.
fn pack_files(dir: &Path) -> (PathBuf, PathBuf) {
    let pack_dir = objects_dir(dir).join("pack");
    let idx = std::fs::read_dir(&pack_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension() == Some(OsStr::new("idx")))
        .unwrap();
    let pack = idx.with_extension("pack");
    (idx, pack)
}

/// A copy of the repository at `dir`, its files writable, changed by `damage`.
fn damaged(dir: &Path, damage: impl FnOnce(&Path, &Path)) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    let status = Command::new("cp")
        .arg("-a")
        .arg(dir.join(".git"))
        .arg(copy.path())
        .status()
        .unwrap();
    assert!(status.success());
    let (idx, pack) = pack_files(copy.path());
    for file in [&idx, &pack] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    damage(&idx, &pack);
    copy
}

/// What a test does to a file, and how it says it.
type Damage = (&'static str, fn(&mut Vec<u8>));

fn change(path: &Path, edit: impl FnOnce(&mut Vec<u8>)) {
    let mut bytes = std::fs::read(path).unwrap();
    edit(&mut bytes);
    std::fs::write(path, bytes).unwrap();
}

/// In the repository at `dir`, the size of each object of `all` from `Objects` is
/// libgit2's, or both fail.
fn sizes_agree_with_libgit2(dir: &Path, all: &[(Oid, u64)]) {
    let repo = Repository::open(dir).unwrap();
    let odb = repo.odb().unwrap();
    let objects = Objects::new(&repo).unwrap();
    for &(oid, _) in all {
        let libgit2 = odb.read_header(oid).map(|(size, _)| size).ok();
        assert_eq!(objects.size(oid).ok(), libgit2, "{oid}");
    }
}

#[test]
fn a_damaged_index_is_left_to_libgit2() {
    let dir = packed(20, &["gc", "-q", "--aggressive"]);
    let all = all_objects(dir.path());
    let damages: [Damage; 7] = [
        ("cut short", |b| b.truncate(b.len() / 2)),
        ("emptied", |b| b.clear()),
        ("with another magic", |b| b[0] = b'x'),
        ("of version 3", |b| b[7] = 3),
        ("with a fanout going down", |b| b[8 + 4 * 100] = 0xff),
        ("with bytes after it", |b| b.extend([0; 4])),
        ("for another pack", |b| {
            let at = b.len() - 40;
            b[at] ^= 1
        }),
    ];
    for (what, damage) in damages {
        let copy = damaged(dir.path(), |idx, _| change(idx, damage));
        let packs = PackSizes::open(&objects_dir(copy.path()));
        assert!(packs.packs.is_empty(), "an index {what}");
        sizes_agree_with_libgit2(copy.path(), &all);
    }
    let copy = damaged(dir.path(), |idx, _| std::fs::remove_file(idx).unwrap());
    assert!(PackSizes::open(&objects_dir(copy.path())).packs.is_empty());
}

#[test]
fn a_damaged_pack_never_gives_another_size_than_libgit2() {
    let dir = packed(20, &["gc", "-q", "--aggressive"]);
    let all = all_objects(dir.path());
    let whole: [Damage; 3] = [
        ("cut short", |b| b.truncate(b.len() - 1)),
        ("with another header", |b| b[3] = b'x'),
        ("with another count", |b| b[11] ^= 1),
    ];
    for (what, damage) in whole {
        let copy = damaged(dir.path(), |_, pack| change(pack, damage));
        let packs = PackSizes::open(&objects_dir(copy.path()));
        assert!(packs.packs.is_empty(), "a pack {what}");
        sizes_agree_with_libgit2(copy.path(), &all);
    }
    // The data of deltas damaged (their sizes are in it): each such delta is damaged, where
    // libgit2's `read_header` gives a size of whatever its stack held.
    let packs = PackSizes::open(&objects_dir(dir.path()));
    let mut deltas: Vec<(Oid, u64)> = all
        .iter()
        .filter_map(|&(oid, _)| {
            let (offset, entry) = entry_of(&packs, oid.as_bytes())?;
            matches!(entry.base, Base::Back(_)).then_some((oid, offset))
        })
        .collect();
    deltas.truncate(8);
    assert!(!deltas.is_empty());
    for (oid, offset) in &deltas {
        let copy = damaged(dir.path(), |_, pack| {
            // The zlib header after the entry's own (its size and its base's distance).
            change(pack, |b| {
                let at = usize::try_from(*offset).unwrap();
                let data = at + entry_header_len(&b[at..]);
                b[data] ^= 0xff;
            })
        });
        let packs = PackSizes::open(&objects_dir(copy.path()));
        assert_eq!(packs.size(oid.as_bytes()), PackSize::Damaged, "{oid}");
        let repo = Repository::open(copy.path()).unwrap();
        let objects = Objects::new(&repo).unwrap();
        assert!(matches!(objects.size(*oid), Err(ReadError::Damaged(_))));
        assert!(objects.read(*oid, git2::ObjectType::Blob).is_err());
        let others: Vec<(Oid, u64)> = all.iter().filter(|o| o.0 != *oid).copied().collect();
        sizes_agree_with_libgit2(copy.path(), &others);
    }
}

/// The bytes of an `OFS_DELTA` entry before its zlib data.
fn entry_header_len(entry: &[u8]) -> usize {
    let size = entry.iter().position(|b| b & 0x80 == 0).unwrap() + 1;
    let back = entry[size..].iter().position(|b| b & 0x80 == 0).unwrap() + 1;
    size + back
}

#[test]
fn a_new_pack_is_seen_and_an_index_read_once() {
    let dir = packed(10, &["gc", "-q"]);
    let first = PackSizes::open(&objects_dir(dir.path()));
    let again = PackSizes::open(&objects_dir(dir.path()));
    assert_eq!(first.packs.len(), 1);
    assert!(Arc::ptr_eq(&first.packs[0], &again.packs[0]));
    std::fs::write(dir.path().join("content/new.md"), "new\n").unwrap();
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "new"]);
    git(dir.path(), &["repack", "-q", "-adf"]);
    let after = PackSizes::open(&objects_dir(dir.path()));
    assert_eq!(after.packs.len(), 1);
    assert_ne!(after.packs[0].idx, first.packs[0].idx);
    // The pack opened first still answers for what it holds.
    let (oid, size) = all_objects(dir.path())[0];
    let old = first.size(oid.as_bytes());
    assert!(
        old == PackSize::Ask || old == PackSize::Known(size),
        "{old:?}"
    );
    assert_eq!(after.size(oid.as_bytes()), PackSize::Known(size));
}

/// A version-2 index of `ids` (sorted) at `offsets`, with the large offsets `large`.
fn index_of(ids: &[[u8; 20]], offsets: &[u32], large: &[u64]) -> Vec<u8> {
    let mut out = b"\xfftOc\0\0\0\x02".to_vec();
    for first in 0..256usize {
        let n = ids.iter().filter(|id| usize::from(id[0]) <= first).count();
        out.extend(u32::try_from(n).unwrap().to_be_bytes());
    }
    ids.iter().for_each(|id| out.extend(id));
    ids.iter().for_each(|_| out.extend([0; 4]));
    offsets.iter().for_each(|o| out.extend(o.to_be_bytes()));
    large.iter().for_each(|o| out.extend(o.to_be_bytes()));
    out.extend([7; 40]);
    out
}

#[test]
fn an_index_gives_small_and_large_offsets() {
    let ids = [[0x10; 20], [0x80; 20], [0xff; 20]];
    let bytes = index_of(&ids, &[12, 0x8000_0001, 0x8000_0000], &[5 << 32, 6 << 32]);
    let index = Index::parse(&bytes).unwrap();
    assert_eq!(index.count(), 3);
    assert_eq!(index.offset_of(&ids[0]), Some(12));
    assert_eq!(index.offset_of(&ids[1]), Some(6 << 32));
    assert_eq!(index.offset_of(&ids[2]), Some(5 << 32));
    assert_eq!(index.offset_of(&[0x11; 20]), None);
    assert_eq!(index.offset_of(&[0x80; 19]), None);
    assert_eq!(index.offset_of(&[]), None);
    assert_eq!(index.pack_checksum(), Some(&[7; 20][..]));
    // A large offset past the table, and more large offsets than objects.
    let bytes = index_of(&ids, &[12, 0x8000_0002, 0x8000_0000], &[5 << 32, 6 << 32]);
    assert_eq!(Index::parse(&bytes).unwrap().offset_of(&ids[1]), None);
    let bytes = index_of(&ids, &[12, 13, 14], &[1, 2, 3]);
    assert!(Index::parse(&bytes).is_none());
    assert!(Index::parse(&index_of(&[], &[], &[])).is_some());
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(data).unwrap();
    z.finish().unwrap()
}

#[test]
fn entries_are_read_as_git_writes_them() {
    // A blob of 300 bytes: type 3, size 300 = 0b1_0010_1100.
    let blob = [0b1011_1100, 0b0001_0010, 0x78];
    let whole = EntrySize {
        size: 300,
        base: Base::None,
    };
    assert_eq!(entry_size(&blob), Ok(whole));
    assert_eq!(entry_size(&blob[..1]), Err(Stop::Short));
    assert_eq!(entry_size(&[]), Err(Stop::Short));
    for kind in [0, 5] {
        assert_eq!(entry_size(&[kind << 4]), Err(Stop::Unknown));
    }
    // A size git could not have written in 64 bits.
    let mut huge = vec![0xbf];
    huge.extend([0xff; 9]);
    huge.push(1);
    assert_eq!(entry_size(&huge), Err(Stop::Unknown));

    // An OFS_DELTA 130 bytes after its base (git writes 130 as 0x80 0x02), whose data
    // says: base of 1000 bytes, result of 70,000.
    let mut delta = vec![0x60 | 5, 0x80, 0x02];
    delta.extend(zlib(&[0xe8, 0x07, 0xf0, 0xa2, 0x04, 0x90, 0x01, 0x02]));
    let sized = EntrySize {
        size: 70_000,
        base: Base::Back(130),
    };
    assert_eq!(entry_size(&delta), Ok(sized));
    for cut in 0..delta.len() {
        let start = entry_size(&delta[..cut]);
        assert!(
            matches!(start, Err(Stop::Short) | Ok(_)),
            "{cut}: {start:?}"
        );
        if let Ok(early) = start {
            assert_eq!(early, sized, "{cut}");
        }
    }
    // A REF_DELTA names its base by id.
    let mut by_id = vec![0x70 | 5];
    by_id.extend([9; 20]);
    by_id.extend(zlib(&[0x05, 0x07]));
    let by_id_size = EntrySize {
        size: 7,
        base: Base::Id([9; 20]),
    };
    assert_eq!(entry_size(&by_id), Ok(by_id_size));
    // Data that is not zlib, a delta header that ends too soon, a size past 56 bits.
    assert_eq!(delta_result_size(&[0, 1, 2, 3]), Err(Stop::Damaged));
    assert_eq!(delta_result_size(&zlib(&[0x05])), Err(Stop::Unknown));
    assert_eq!(delta_result_size(&zlib(&[0x80; 16])), Err(Stop::Unknown));
    assert_eq!(pack_header_count(b"PACK\0\0\0\x02\0\0\x01\0"), Some(256));
    assert_eq!(pack_header_count(b"PACK\0\0\0\x04\0\0\x01\0"), None);
    assert_eq!(pack_header_count(b"PACK\0\0\0\x02"), None);
}

#[test]
fn a_start_that_inflates_well_says_nothing_while_the_rest_may_not() {
    // Found by the fuzzer (fuzz/regressions/pack_sizes/): a delta whose data is exactly
    // 16 bytes with a wrong checksum after them. From its first bytes, 16 bytes come out;
    // zlib given all of it (as libgit2 gives the whole pack) reads on to the checksum.
    let entry =
        include_bytes!("../../../fuzz/regressions/pack_sizes/checksum-after-full-output.bin");
    assert_eq!(entry_size(entry), Err(Stop::Damaged));
    for cut in 0..entry.len() {
        let start = entry_size(&entry[..cut]);
        assert!(start.is_err(), "{cut}: {start:?}");
    }
}
