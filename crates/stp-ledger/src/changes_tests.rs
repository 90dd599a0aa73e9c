//! The raw tree comparison against libgit2's own tree diff, on histories that add, change,
//! move and delete articles, bundle files and whole folders, turn files into folders and
//! change modes, with names that test git's entry order.

use git2::{FileMode, Signature, Tree};

use super::super::article_text::content_digest;
use super::super::repo::{blob_at, bundle_files};
use super::*;

/// The articles a commit changes, worked out with libgit2's tree diff (the reference).
fn reference(repo: &Repository, tree: &Tree<'_>, parent: Option<&Tree<'_>>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let diff = repo.diff_tree_to_tree(parent, Some(tree), None).unwrap();
    for delta in diff.deltas() {
        for file in [delta.old_file(), delta.new_file()] {
            let Some(path) = file.path().and_then(|p| p.to_str()) else {
                continue;
            };
            if !path.starts_with("content/") {
                continue;
            }
            if path.ends_with(".md") {
                out.insert(path.to_string());
            } else {
                for t in [tree].into_iter().chain(parent) {
                    out.extend(reference_bundle_articles(repo, t, path));
                }
            }
        }
    }
    out
}

/// The bundle articles (`index*.md`) in the nearest folder above `file` that has one, read
/// with libgit2's tree API.
fn reference_bundle_articles(repo: &Repository, tree: &Tree<'_>, file: &str) -> Vec<String> {
    let mut dir = std::path::Path::new(file).parent();
    while let Some(d) = dir.filter(|d| d.starts_with("content/")) {
        if let Some(sub) = tree
            .get_path(d)
            .ok()
            .and_then(|e| repo.find_tree(e.id()).ok())
        {
            let found: Vec<String> = sub
                .iter()
                .filter_map(|e| e.name().ok().map(str::to_string))
                .filter(|n| n.starts_with("index.") && n.ends_with(".md"))
                .map(|n| format!("{}/{n}", d.display()))
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
        dir = d.parent();
    }
    Vec::new()
}

/// The article's blob and content digest in `tree`, read path by path.
fn reference_version(repo: &Repository, tree: Oid, path: &str) -> Option<(Oid, String)> {
    let (oid, bytes) = blob_at(repo, tree, path)?;
    Some((oid, content_digest(&bytes, &bundle_files(repo, tree, path))))
}

type Edit<'a> = (&'a str, Option<(&'a str, FileMode)>);

/// Commits `edits` (path → text and mode, or removal) on top of `parent`.
fn commit(repo: &Repository, parent: Option<Oid>, edits: &[Edit<'_>]) -> Oid {
    let parent = parent.map(|p| repo.find_commit(p).unwrap());
    let base = match &parent {
        Some(p) => p.tree().unwrap(),
        None => repo
            .find_tree(repo.treebuilder(None).unwrap().write().unwrap())
            .unwrap(),
    };
    // One edit at a time, so that a file can become a folder within one commit.
    let mut tree = base;
    for (path, edit) in edits {
        let mut update = git2::build::TreeUpdateBuilder::new();
        match edit {
            Some((text, mode)) => update.upsert(*path, repo.blob(text.as_bytes()).unwrap(), *mode),
            None => update.remove(*path),
        };
        tree = repo
            .find_tree(update.create_updated(repo, &tree).unwrap())
            .unwrap();
    }
    let who = Signature::now("T", "t@example.vn").unwrap();
    let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
    repo.commit(None, &who, &who, "x", &tree, &parents).unwrap()
}

fn article(status: &str) -> String {
    format!("---\ntitle: \"A\"\nstatus: {status}\n---\n\nBody {status}.\n")
}

#[test]
fn the_raw_comparison_finds_what_a_tree_diff_finds() {
    let dir = tempfile::tempdir().unwrap();
    let repo = Repository::init(dir.path()).unwrap();
    let f = FileMode::Blob;
    let draft = article("draft");
    let sub = article("submitted");
    let steps: Vec<Vec<Edit<'_>>> = vec![
        vec![("site.toml", Some(("x", f)))],
        vec![("content/tin-tuc/x.md", Some((&draft, f)))],
        vec![
            ("content/tin-tuc/x.md", Some((&sub, f))),
            ("content/tin-tuc/x-a.md", Some((&draft, f))),
            ("content/tin-tuc/x/index.md", Some((&draft, f))),
            ("content/tin-tuc/x/anh.png", Some(("png", f))),
            ("content/van-ban/a/b/c.pdf", Some(("pdf", f))),
            ("content/van-ban/a/index.vi.md", Some((&draft, f))),
        ],
        vec![("content/tin-tuc/x/anh.png", Some(("png 2", f)))],
        vec![("content/van-ban/a/b/c.pdf", None)],
        vec![(
            "content/tin-tuc/x-a.md",
            Some((&draft, FileMode::BlobExecutable)),
        )],
        vec![
            ("content/tin-tuc/x.md", None),
            ("content/tin-tuc/x.md/index.md", Some((&sub, f))),
        ],
        vec![("workflow/people.toml", Some(("[x]", f)))],
        vec![
            ("content/van-ban/a/index.vi.md", None),
            ("content/tin-tuc/x", None),
        ],
        vec![("content/tin-tuc", None), ("content/a.md", Some((&sub, f)))],
    ];
    let mut parent = None;
    for (i, edits) in steps.iter().enumerate() {
        let oid = commit(&repo, parent, edits);
        let c = repo.find_commit(oid).unwrap();
        let tree = c.tree().unwrap();
        let parent_tree = c.parent(0).ok().map(|p| p.tree().unwrap());
        let mut reader = FactReader::new(&repo).unwrap();
        let facts = reader.read_unverified(oid).unwrap().0;
        let expected = reference(&repo, &tree, parent_tree.as_ref());
        assert_eq!(facts.changed, expected, "commit {i}");
        for path in &expected {
            let got = &facts.articles[path];
            assert_eq!(
                got.version,
                reference_version(&repo, tree.id(), path),
                "{i} {path}"
            );
            let status =
                |t: &Tree<'_>| blob_at(&repo, t.id(), path).and_then(|(_, b)| status_of(&b));
            assert_eq!(got.status, status(&tree), "{i} {path}");
            assert_eq!(got.parent_status, parent_tree.as_ref().and_then(status));
        }
        parent = Some(oid);
    }
}

#[test]
fn only_the_last_commit_s_trees_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let repo = Repository::init(dir.path()).unwrap();
    let blob = |t: &'static str| Some((t, FileMode::Blob));
    let one = commit(&repo, None, &[("content/a/x.md", blob("1"))]);
    let two = commit(&repo, Some(one), &[("content/a/y.md", blob("2"))]);
    let three = commit(&repo, Some(two), &[("content/a/z.md", blob("3"))]);
    let section = |c: Oid| {
        let tree = repo.find_commit(c).unwrap().tree().unwrap();
        tree.get_path(std::path::Path::new("content/a"))
            .unwrap()
            .id()
    };
    let mut reader = FactReader::new(&repo).unwrap();
    reader.read_unverified(one).unwrap();
    assert!(reader.previous.contains_key(&section(one)));
    reader.read_unverified(two).unwrap();
    let facts = reader.read_unverified(three).unwrap().0;
    assert_eq!(
        facts.changed,
        BTreeSet::from(["content/a/z.md".to_string()])
    );
    assert!(reader.previous.contains_key(&section(two)));
    assert!(reader.previous.contains_key(&section(three)));
    assert!(!reader.previous.contains_key(&section(one)));
}

#[test]
fn damaged_raw_trees_end_the_entries() {
    let entry = b"100644 a.md\0aaaaaaaaaaaaaaaaaaaa";
    assert_eq!(entries(entry).count(), 1);
    for cut in 1..entry.len() {
        let got: Vec<_> = entries(&entry[..cut]).collect();
        assert!(matches!(got.as_slice(), [None]), "cut {cut}");
    }
}
