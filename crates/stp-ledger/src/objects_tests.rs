use super::*;

use std::io::Write;

fn repo() -> (tempfile::TempDir, Repository) {
    let dir = tempfile::tempdir().unwrap();
    let repo = Repository::init(dir.path()).unwrap();
    (dir, repo)
}

/// A signed commit with a multi-line signature and a tree `content/a.md`.
fn signed_commit(repo: &Repository) -> (Oid, Oid, Oid) {
    let blob = repo.blob(b"---\nstatus: draft\n---\nBody\n").unwrap();
    let mut inner = repo.treebuilder(None).unwrap();
    inner.insert("a.md", blob, 0o100644).unwrap();
    let inner = inner.write().unwrap();
    let mut root = repo.treebuilder(None).unwrap();
    root.insert("content", inner, 0o040000).unwrap();
    let root = root.write().unwrap();
    let tree = repo.find_tree(root).unwrap();
    let who = git2::Signature::new(
        "Ai Đó",
        "a@example.vn",
        &git2::Time::new(1_700_000_000, 420),
    )
    .unwrap();
    let buffer = repo
        .commit_create_buffer(&who, &who, "Nộp bài\n\nStp-Step: x\n", &tree, &[])
        .unwrap();
    let armored = "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\nAAAA\n-----END SSH SIGNATURE-----";
    let oid = repo
        .commit_signed(buffer.as_str().unwrap(), armored, None)
        .unwrap();
    (oid, root, blob)
}

#[test]
fn a_parsed_commit_has_what_libgit2_reads() {
    let (_dir, repo) = repo();
    let (oid, root, _) = signed_commit(&repo);
    let objects = Objects::new(&repo).unwrap();
    let raw = objects.commit(oid).unwrap();
    let commit = repo.find_commit(oid).unwrap();
    assert_eq!(raw.tree, root);
    assert_eq!(raw.parent, None);
    assert_eq!(raw.time, commit.time().seconds());
    assert_eq!(raw.message, commit.message_bytes());
    let (signature, signed) = repo.extract_signature(&oid, None).unwrap();
    let (ours, our_signed) = raw.signature.expect("the commit is signed");
    assert_eq!(ours, signature.to_vec());
    assert_eq!(our_signed, signed.to_vec());
}

#[test]
fn an_unsigned_commit_has_no_signature_and_a_parent() {
    let (_dir, repo) = repo();
    let (first, root, _) = signed_commit(&repo);
    let who = git2::Signature::now("B", "b@example.vn").unwrap();
    let parent = repo.find_commit(first).unwrap();
    let tree = repo.find_tree(root).unwrap();
    let oid = repo
        .commit(
            None,
            &who,
            &who,
            "gpgsig in the message is not a signature\n",
            &tree,
            &[&parent],
        )
        .unwrap();
    let raw = Objects::new(&repo).unwrap().commit(oid).unwrap();
    assert_eq!(raw.parent, Some(first));
    assert_eq!(raw.signature, None);
}

#[test]
fn paths_are_found_through_checked_trees() {
    let (_dir, repo) = repo();
    let (_, root, blob) = signed_commit(&repo);
    let objects = Objects::new(&repo).unwrap();
    let (id, bytes) = objects.blob_at(root, "content/a.md").unwrap().unwrap();
    assert_eq!(id, blob);
    assert!(bytes.starts_with(b"---\nstatus: draft"));
    assert_eq!(objects.blob_at(root, "content/b.md").unwrap(), None);
    assert_eq!(objects.blob_at(root, "content").unwrap(), None);
    assert_eq!(objects.blob_at(root, "content/a.md/x").unwrap(), None);
    assert!(objects.subtree_at(root, "content").unwrap().is_some());
    let files = objects.files_under(root).unwrap();
    assert_eq!(files, vec![("content/a.md".to_string(), blob)]);
}

#[test]
fn ids_are_the_sha1_git_computes() {
    let (_dir, repo) = repo();
    let (commit, root, blob) = signed_commit(&repo);
    let odb = repo.odb().unwrap();
    for oid in [commit, root, blob] {
        let object = odb.read(oid).unwrap();
        assert!(matches_id(oid, object.kind(), object.data()));
        assert!(!matches_id(oid, object.kind(), b"something else"));
    }
}

/// A loose object whose file is replaced by another object's content, under the old name:
/// what an altered object store looks like.
#[test]
fn an_altered_object_is_refused_as_damaged() {
    let (dir, repo) = repo();
    let good = repo.blob(b"status: approved\n").unwrap();
    let hex = good.to_string();
    let path = dir
        .path()
        .join(".git/objects")
        .join(&hex[..2])
        .join(&hex[2..]);
    let mut forged = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    forged.write_all(b"blob 18\0status: published\n").unwrap();
    let forged = forged.finish().unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&path, perms).unwrap();
    std::fs::write(&path, forged).unwrap();
    relax_libgit2_check();
    let objects = Objects::new(&repo).unwrap();
    let err = objects.read(good, ObjectType::Blob).unwrap_err();
    assert!(
        matches!(err, ReadError::Damaged(oid) if oid == good),
        "{err}"
    );
    assert!(err.to_string().contains("git fsck"));
}

#[test]
fn a_damaged_tree_is_malformed_not_empty() {
    assert!(entries(b"100644 a.md\0short").any(|e| e.is_none()));
    assert!(RawCommit::parse(b"tree nothex\n\nmsg").is_none());
    assert!(RawCommit::parse(b"author x\n\nno tree").is_none());
    let tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    let no_space = format!("tree {tree}\ngpgsig\n\nmsg");
    assert_eq!(
        RawCommit::parse(no_space.as_bytes()).unwrap().signature,
        None
    );
}

#[test]
fn a_commit_git_walks_past_is_parsed_with_its_flaws() {
    let tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    let no_time = format!("tree {tree}\ncommitter X <x@y> soon +0700\n\nmsg");
    let commit = RawCommit::parse(no_time.as_bytes()).unwrap();
    assert_eq!(commit.time, 0);
    assert_eq!(
        commit.flaw.as_deref(),
        Some("its committer line has no time, it has no author line")
    );
    let whole = format!("tree {tree}\nauthor X <x@y> 1 +0700\ncommitter X <x@y> 2 +0700\n\nm");
    let commit = RawCommit::parse(whole.as_bytes()).unwrap();
    assert_eq!((commit.time, commit.flaw), (2, None));
}

#[test]
fn a_blob_over_the_limit_is_refused_loose_or_not() {
    let (_dir, repo) = repo();
    let objects = Objects::new(&repo).unwrap();
    // Text like an article's: the loose file is small, so it is read at once.
    let text = "Nội dung bài viết về thủ tục hành chính. ".repeat(200);
    let small = repo.blob(text.as_bytes()).unwrap();
    assert!(objects.loose_within(small, 10 * 1024 * 1024));
    assert_eq!(
        objects
            .blob_within(small, 10 * 1024 * 1024)
            .unwrap()
            .unwrap(),
        text.as_bytes()
    );
    // A limit under what its file could inflate to: the size is read first and refused.
    assert!(!objects.loose_within(small, 100));
    assert_eq!(
        objects.blob_within(small, 100).unwrap(),
        Err(text.len()),
        "over the limit, the size alone is answered"
    );
    // Zeros compress about a thousandfold: one megabyte against a 100 KB limit is over,
    // and its small file does not let it through unread.
    let zeros = repo.blob(&vec![0u8; 1 << 20]).unwrap();
    assert!(!objects.loose_within(zeros, 100 * 1024));
    assert_eq!(
        objects.blob_within(zeros, 100 * 1024).unwrap(),
        Err(1 << 20)
    );
    assert_eq!(
        objects.blob_within(zeros, 2 << 20).unwrap().unwrap().len(),
        1 << 20
    );
}
