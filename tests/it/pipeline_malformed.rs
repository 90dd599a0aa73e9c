//! Malformed commits that git still walks (crafted with `git hash-object --literally`):
//! tree entries named `a/b` or `..` or with bytes that are not UTF-8, an unknown mode, a
//! tree that is missing, a committer line without a time, no author. Each unsigned one is
//! recorded by the ledger as an issue of kind `malformed` naming the commit and what is
//! wrong; nothing it changes counts, reading goes on, `stp build` builds and `stp audit`
//! exits 1 naming it. (A damaged object store still stops both: pipeline_forgery.rs.)

use std::cmp::Ordering;

use crate::kit::repo::Env;

/// Writes `bytes` as an object of `kind`, unchecked (`--literally`); returns its id.
fn write_object(env: &Env, kind: &str, bytes: &[u8]) -> String {
    let file = env.site.join("../object.bin");
    std::fs::write(&file, bytes).unwrap();
    let id = env.git(&[
        "hash-object",
        "-t",
        kind,
        "--literally",
        "-w",
        file.to_str().unwrap(),
    ]);
    id.trim().to_string()
}

struct Entry {
    mode: String,
    name: Vec<u8>,
    id: String,
}

/// The entries of the tree `spec` (`HEAD`, `HEAD:content`, …).
fn entries(env: &Env, spec: &str) -> Vec<Entry> {
    env.git(&["ls-tree", spec])
        .lines()
        .map(|line| {
            let (meta, name) = line.split_once('\t').unwrap();
            let mut meta = meta.split(' ');
            let mode = meta.next().unwrap().trim_start_matches('0').to_string();
            let id = meta.nth(1).unwrap().to_string();
            Entry {
                mode,
                name: name.as_bytes().to_vec(),
                id,
            }
        })
        .collect()
}

/// Git's order: by name, a folder's name read as if it ended in `/`.
fn git_order(a: &Entry, b: &Entry) -> Ordering {
    let key = |e: &Entry| {
        let mut k = e.name.clone();
        if e.mode == "40000" {
            k.push(b'/');
        }
        k
    };
    key(a).cmp(&key(b))
}

/// A raw tree object of `entries`, sorted in git's order; returns its id.
fn write_tree(env: &Env, mut entries: Vec<Entry>) -> String {
    entries.sort_by(git_order);
    let mut raw = Vec::new();
    for e in &entries {
        raw.extend_from_slice(e.mode.as_bytes());
        raw.push(b' ');
        raw.extend_from_slice(&e.name);
        raw.push(0);
        for i in (0..e.id.len()).step_by(2) {
            raw.push(u8::from_str_radix(&e.id[i..i + 2], 16).unwrap());
        }
    }
    write_object(env, "tree", &raw)
}

/// The root tree of `base` (a good commit) with one more entry in `content/`.
fn tree_with_content_entry(env: &Env, base: &str, extra: Entry) -> String {
    let mut content = entries(env, &format!("{base}:content"));
    content.push(extra);
    let content = write_tree(env, content);
    let root = entries(env, base)
        .into_iter()
        .map(|e| match e.name.as_slice() {
            b"content" => Entry {
                id: content.clone(),
                ..e
            },
            _ => e,
        })
        .collect();
    write_tree(env, root)
}

/// Writes a commit with exactly these header lines and message on top of HEAD, moves the
/// branch to it and returns its id.
fn commit_on_head(env: &Env, tree: &str, headers: &[&str], message: &[u8]) -> String {
    let parent = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    let mut raw = format!("tree {tree}\nparent {parent}\n").into_bytes();
    for h in headers {
        raw.extend_from_slice(h.as_bytes());
        raw.push(b'\n');
    }
    raw.push(b'\n');
    raw.extend_from_slice(message);
    let id = write_object(env, "commit", &raw);
    env.git(&["update-ref", "HEAD", &id]);
    id
}

const AUTHOR: &str = "author Người Lạ <la@example.vn> 1764800000 +0700";
const COMMITTER: &str = "committer Người Lạ <la@example.vn> 1764800000 +0700";

fn blob_entry(env: &Env, mode: &str, name: &[u8]) -> Entry {
    let text = "---\ntitle: \"Giả\"\ndate: 2026-11-20\nstatus: published\n---\n\nGiả mạo.\n";
    Entry {
        mode: mode.into(),
        name: name.to_vec(),
        id: write_object(env, "blob", text.as_bytes()),
    }
}

#[test]
fn malformed_unsigned_commits_are_listed_and_reading_goes_on() {
    let env = Env::board();
    let before = env.draft("truoc", "Đã đăng trước.");
    env.publish(&before);
    let good = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    let good_tree = env.git(&["rev-parse", "HEAD^{tree}"]).trim().to_string();
    let sub = env
        .git(&["rev-parse", "HEAD:content/tin-tuc"])
        .trim()
        .to_string();

    let mut expected: Vec<(String, &str)> = Vec::new();
    let mut with_entry = |entry: Entry, what: &'static str| {
        let tree = tree_with_content_entry(&env, &good, entry);
        let id = commit_on_head(&env, &tree, &[AUTHOR, COMMITTER], b"odd tree\n");
        expected.push((id, what));
    };
    with_entry(blob_entry(&env, "100644", b"tin-tuc/truoc.md"), "`/`");
    with_entry(
        Entry {
            mode: "40000".into(),
            name: b"..".to_vec(),
            id: sub.clone(),
        },
        "`..`",
    );
    with_entry(blob_entry(&env, "100645", b"zz-mode.md"), "mode 100645");
    with_entry(blob_entry(&env, "100644", b"z\xff.md"), "UTF-8");
    // A commit whose tree is not in the repository, then one on top of it.
    let missing = "0123456789abcdef0123456789abcdef01234567";
    let id = commit_on_head(&env, missing, &[AUTHOR, COMMITTER], b"no tree\n");
    expected.push((id, missing));
    let id = commit_on_head(&env, &good_tree, &[AUTHOR, COMMITTER], b"after it\n");
    expected.push((id, "first parent"));
    // A committer line without a time, and no author; a message that is not UTF-8.
    let id = commit_on_head(
        &env,
        &good_tree,
        &["committer Người Lạ <la@example.vn> khi-nao +0700"],
        b"th\xe1 \xff\n",
    );
    expected.push((id, "committer"));
    env.git(&["reset", "-q", "--hard"]);
    // git itself still walks all of it.
    let walked = env.git(&["rev-list", "--first-parent", "HEAD"]);
    assert!(expected.iter().all(|(id, _)| walked.contains(id.as_str())));

    // Signed steps after them count.
    let after = env.draft("sau", "Đăng sau.");
    env.publish(&after);
    let out = env.stp(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(env.site.join("public/tin-tuc/sau/index.html").is_file());
    assert!(env.page("truoc").contains("Đã đăng trước."));
    assert!(!env.page("truoc").contains("Giả mạo"));

    let out = env.stp(&["audit", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let issues = json["issues"].as_array().unwrap();
    for (commit, what) in &expected {
        let issue = issues
            .iter()
            .find(|i| i["commit"] == commit.as_str())
            .unwrap_or_else(|| panic!("no issue for {commit} ({what}): {json}"));
        assert_eq!(issue["kind"], "malformed", "{issue}");
        let why = issue["why"].as_str().unwrap();
        assert!(why.contains(what), "{commit}: {why}");
    }
    // Nothing a malformed commit changed counts: the only other issue is none.
    assert_eq!(issues.len(), expected.len(), "{json}");
    let text = env.stp(&["audit"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("malformed"), "{text}");
}
