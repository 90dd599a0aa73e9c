//! A rebuild after one publish, through the real binary on a signed site: the files whose
//! bytes did not change are linked from the previous build (same inode, same time), the
//! rest are written, and the output is byte-identical to a full build into an empty
//! folder, variants included. The previous output is not trusted: a file changed in it, a
//! symbolic link put in its place, a folder made a link to one outside, a file of the wrong
//! mode, a file with a second name outside and a variant that no longer matches its page
//! are all written again, and nothing of the new build is a file from outside it.

use std::collections::BTreeMap;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use crate::kit::repo::Env;

/// Every entry below `dir`: path → (inode, bytes); a symbolic link anywhere fails the test.
fn listing(dir: &Path) -> BTreeMap<String, (u64, Vec<u8>)> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let meta = std::fs::symlink_metadata(entry.path()).unwrap();
        assert!(!meta.file_type().is_symlink(), "{rel} is a symbolic link");
        if meta.is_file() {
            out.insert(rel, (meta.ino(), std::fs::read(entry.path()).unwrap()));
        }
    }
    out
}

/// The same files with the same bytes.
fn assert_same_bytes(a: &BTreeMap<String, (u64, Vec<u8>)>, b: &BTreeMap<String, (u64, Vec<u8>)>) {
    let names = |m: &BTreeMap<String, (u64, Vec<u8>)>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(a), names(b));
    for (rel, (_, bytes)) in a {
        assert!(&b[rel].1 == bytes, "{rel} differs from a full build");
    }
}

fn kept(out: &str) -> usize {
    let value = crate::kit::versioned_json(out);
    value["report"]["kept"]
        .as_u64()
        .unwrap_or_else(|| panic!("{value}")) as usize
}

#[test]
fn a_rebuild_after_one_publish_writes_only_what_changed_and_equals_a_full_build() {
    let env = Env::board();
    let body = "Sở Tư pháp thông báo lịch tiếp công dân định kỳ trong tháng. ".repeat(30);
    for slug in ["mot", "hai", "ba"] {
        let article = env.draft(slug, &body);
        env.publish(&article);
    }
    // `stp publish` builds public/ itself; the site here is built into www/ around it.
    let www = env.site.join("www");
    let build = [
        "build",
        "--compress",
        "--json",
        "--out",
        www.to_str().unwrap(),
    ];
    let first_out = env.ok(&build);
    assert_eq!(
        kept(&first_out),
        0,
        "nothing to keep from on the first build"
    );
    let first = listing(&www);

    let fourth = env.draft("bon", &body);
    env.publish(&fourth);
    let second_out = env.ok(&build);
    let second = listing(&www);
    let full_dir = env.site.join("full");
    env.ok(&["build", "--compress", "--out", full_dir.to_str().unwrap()]);
    assert_same_bytes(&second, &listing(&full_dir));

    let rewritten: Vec<&String> = second
        .iter()
        .filter(|(rel, (ino, _))| first.get(*rel).is_none_or(|(old, _)| old != ino))
        .map(|(rel, _)| rel)
        .collect();
    let unchanged_bytes = second
        .iter()
        .filter(|(rel, (_, bytes))| first.get(*rel).is_some_and(|(_, old)| old == bytes))
        .count();
    // Every file whose bytes did not change kept its inode; every one that did is new.
    for (rel, (ino, bytes)) in &second {
        if let Some((old_ino, old)) = first.get(rel) {
            assert_eq!(
                old == bytes,
                old_ino == ino,
                "{rel}: kept exactly when unchanged"
            );
        }
    }
    assert_eq!(kept(&second_out), unchanged_bytes, "{second_out}");
    assert!(
        rewritten.iter().any(|r| *r == "tin-tuc/bon/index.html"),
        "{rewritten:?}"
    );
    assert!(
        rewritten.iter().any(|r| *r == "tin-tuc/bon/index.html.br"),
        "{rewritten:?}"
    );
    // The other articles' pages list the new one beside them, so they change too; what
    // no article shows does not.
    let styles = second
        .keys()
        .find(|r| r.ends_with(".css"))
        .expect("a stylesheet");
    for rel in ["_headers", "404.html", "404.html.gz", "404.html.br", styles] {
        assert!(
            !rewritten.iter().any(|r| *r == rel),
            "{rel} was written again: {rewritten:?}"
        );
    }
    assert!(
        rewritten.len() * 2 < second.len(),
        "{} of {} files written again: {rewritten:?}",
        rewritten.len(),
        second.len()
    );
    let text = env.ok(&build[..2]);
    assert!(
        text.contains("kept as they were, not written again"),
        "{text}"
    );
}

#[test]
fn the_previous_build_is_not_trusted_for_what_it_holds() {
    let env = Env::board();
    let body = "Hướng dẫn thủ tục đăng ký khai sinh, kết hôn và khai tử. ".repeat(30);
    let article = env.draft("mot", &body);
    env.publish(&article);
    let public = env.site.join("public");
    env.ok(&["build", "--compress"]);
    let page = "tin-tuc/mot/index.html";
    let good = std::fs::read(public.join(page)).unwrap();
    let outside = tempfile::tempdir().unwrap();

    // The page changed in place (same length), the home page a link to a copy outside,
    // the news list's folder a link to a copy outside, the feed readable by its owner
    // only, and the page's brotli variant no longer its page.
    let mut changed = good.clone();
    let at = changed.len() / 2;
    changed[at] = if changed[at] == b'x' { b'y' } else { b'x' };
    std::fs::write(public.join(page), &changed).unwrap();
    let home = std::fs::read(public.join("index.html")).unwrap();
    std::fs::write(outside.path().join("index.html"), &home).unwrap();
    std::fs::remove_file(public.join("index.html")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("index.html"), public.join("index.html"))
        .unwrap();
    let list = outside.path().join("tin-tuc-copy");
    std::fs::create_dir(&list).unwrap();
    for name in ["index.html", "index.html.gz", "index.html.br"] {
        std::fs::copy(public.join("tin-tuc").join(name), list.join(name)).unwrap();
    }
    std::fs::rename(public.join("tin-tuc"), outside.path().join("tin-tuc-moved")).unwrap();
    std::os::unix::fs::symlink(&list, public.join("tin-tuc")).unwrap();
    std::fs::set_permissions(
        public.join("rss.xml"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    std::fs::write(public.join("tim-kiem/index.html.br"), b"not brotli").unwrap();
    // The 404 page also linked from outside, where it could be changed after the build.
    std::fs::hard_link(public.join("404.html"), outside.path().join("404.html")).unwrap();

    let outside_inodes: Vec<u64> = walkdir::WalkDir::new(outside.path())
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.metadata().unwrap().ino())
        .collect();
    env.ok(&["build", "--compress"]);
    let rebuilt = listing(&public);
    let full_dir = env.site.join("full");
    env.ok(&["build", "--compress", "--out", full_dir.to_str().unwrap()]);
    assert_same_bytes(&rebuilt, &listing(&full_dir));
    assert_eq!(rebuilt[page].1, good);
    for (rel, (ino, _)) in &rebuilt {
        assert!(
            !outside_inodes.contains(ino),
            "{rel} is a file from outside the build"
        );
    }
    let mode = std::fs::metadata(public.join("rss.xml"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(
        mode,
        std::fs::metadata(public.join("_headers"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    );
    // The outside files are as they were.
    assert_eq!(
        std::fs::read(outside.path().join("index.html")).unwrap(),
        home
    );
}
