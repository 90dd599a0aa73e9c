//! The search index after one new article, through the real binary: the fragments whose
//! content did not change keep their names and are linked from the previous build, not
//! written again (the result fragments of every older article, and the term shards the
//! new article's words do not reach); the new build's fragments are exactly those its
//! search page names, and the output equals a full build into an empty folder.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::kit::site::Site;

/// The search index's fragments under `dir`: name → inode.
fn fragments(dir: &Path) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for kind in ["t", "d"] {
        for entry in std::fs::read_dir(dir.join("tim-kiem").join(kind)).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{kind}/{}", entry.file_name().to_string_lossy());
            out.insert(name, entry.metadata().unwrap().ino());
        }
    }
    out
}

/// An article of `i` with words shared by every article and a few of its own.
fn article(site: &Site, i: usize, date: &str) {
    site.write(
        &format!("content/tin-tuc/bai-{i:03}.md"),
        format!(
            "---\ntitle: \"Thông báo số {i}\"\ndate: {date}\nsummary: \"Lịch tiếp công dân {i}\"\ntags: [tư pháp]\n---\nSở Tư pháp thông báo lịch tiếp công dân tháng {m}, mã riêng ma{i}x.\n",
            m = i % 12 + 1
        ),
    );
}

fn build(site: &Site, out: &Path) {
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", crate::kit::stderr(&o));
}

#[test]
fn a_new_article_leaves_the_older_result_fragments_as_they_were() {
    let site = Site::new();
    // 300 articles: 38 result fragments of 8, in three groups of 16 fragments.
    for i in 0..300 {
        article(
            &site,
            i,
            &format!("2026-{:02}-{:02} 08:00", 1 + i / 28, 1 + i % 28),
        );
    }
    let www = site.path("www");
    build(&site, &www);
    let first = fragments(&www);
    let d_before = first.keys().filter(|n| n.starts_with("d/")).count();
    assert_eq!(d_before, 38, "{first:?}");

    // The new article is the newest: it takes the next number, in the last group.
    article(&site, 300, "2026-11-30 09:00");
    build(&site, &www);
    let second = fragments(&www);

    // Every older result fragment of the first two groups (articles 0 to 255) kept its
    // name and its file; the last group's were renamed and written.
    for n in 0..32 {
        let (name, ino) = first
            .iter()
            .find(|(k, _)| k.starts_with(&format!("d/{n}.")))
            .unwrap();
        assert_eq!(second.get(name), Some(ino), "{name} was written again");
    }
    let last_group = |m: &BTreeMap<String, u64>| -> Vec<String> {
        m.keys()
            .filter(|k| {
                let n: usize = k[2..k.find('.').unwrap()].parse().unwrap_or(0);
                k.starts_with("d/") && n >= 32
            })
            .cloned()
            .collect()
    };
    let (old_last, new_last) = (last_group(&first), last_group(&second));
    assert_eq!(new_last.len(), 6, "{new_last:?}");
    assert!(
        old_last.iter().all(|k| !second.contains_key(k)),
        "{new_last:?}"
    );
    // Its own words are in the term shards now, under new names.
    let holding = second
        .keys()
        .filter(|k| k.starts_with("t/"))
        .filter(|k| {
            std::fs::read_to_string(www.join("tim-kiem").join(k))
                .unwrap()
                .contains("\"ma300x\"")
        })
        .count();
    assert_eq!(holding, 1);
    let t_count = |m: &BTreeMap<String, u64>| m.keys().filter(|k| k.starts_with("t/")).count();
    assert_eq!(t_count(&first), t_count(&second), "the shard count holds");

    // The same files as a full build into an empty folder, byte for byte; nothing else
    // under tim-kiem/ than what its page names.
    let full = site.path("full");
    build(&site, &full);
    assert_eq!(crate::kit::files(&www), crate::kit::files(&full));
    let page = std::fs::read_to_string(www.join("tim-kiem/index.html")).unwrap();
    for name in second.keys() {
        let (n, rest) = name[2..].split_once('.').unwrap();
        let digest = &rest[..8];
        let n: usize = n.parse().unwrap();
        let list = if name.starts_with("t/") {
            "data-t"
        } else {
            "data-d"
        };
        let at = if name.starts_with("t/") { n } else { n / 16 };
        let from = page.find(&format!(" {list}=\"")).unwrap() + list.len() + 3;
        assert_eq!(&page[from + at * 8..from + at * 8 + 8], digest, "{name}");
    }
}
