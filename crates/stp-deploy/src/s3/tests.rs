//! The S3 target against a real S3-compatible server (moto's, started for each test).

use std::path::Path;

use super::test_server::{KEY_ID, Moto, REGION, SECRET};
use super::*;
use rusty_s3::S3Action as _;

fn store(moto: &Moto, bucket: &str, prefix: &str) -> Store {
    moto.store(bucket, prefix)
}

/// Puts `bytes` at `key` of `bucket` as a person or another tool would: signed, without
/// stp's metadata.
fn by_hand(moto: &Moto, bucket: &str, key: &str, bytes: &[u8]) {
    let endpoint = moto.endpoint().parse().unwrap();
    let bucket = rusty_s3::Bucket::new(
        endpoint,
        rusty_s3::UrlStyle::Path,
        bucket.to_string(),
        REGION,
    )
    .unwrap();
    let credentials = rusty_s3::Credentials::new(KEY_ID, SECRET);
    let url = bucket
        .put_object(Some(&credentials), key)
        .sign(std::time::Duration::from_secs(60));
    let answer = ureq::put(url.as_str()).send(bytes).unwrap();
    assert_eq!(answer.status(), 200, "PUT {key}");
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn deploy(store: &Store, build: &Path, dry_run: bool) -> Result<Changes, DeployError> {
    to_s3(
        store,
        &S3Deploy {
            build,
            dry_run,
            progress: &|_, _, _| {},
        },
    )
}

/// A small build: pages, a fingerprinted asset with its gzip copy, a search fragment, a
/// feed, a picture, an empty file, a gzip file of its own, `_headers` and the build record.
fn small_build(dir: &Path) {
    for (rel, bytes) in [
        ("index.html", "<p>Trang chủ</p>".as_bytes()),
        ("tin-tuc/a/index.html", "<p>Bài a</p>".as_bytes()),
        ("assets/site.0a1b2c3d.css", b"body{color:#123}"),
        ("assets/site.0a1b2c3d.css.gz", b"\x1f\x8b not really gzip"),
        ("tim-kiem/t/0.0a1b2c3d.json", b"{}"),
        ("index.xml", b"<rss/>"),
        ("anh/logo.png", b"\x89PNG\r\n\x1a\n"),
        ("empty.txt", b""),
        ("tai-lieu/du-lieu.gz", b"\x1f\x8b data"),
        ("_headers", b"/*\n"),
        (RECORD, br#"{"format":1,"signed_commit":"aaaa"}"#),
    ] {
        write(dir, rel, bytes);
    }
}

/// A new bucket on `moto` (its store under `prefix`) and `small_build` in a temporary
/// folder (kept as long as the returned guard).
fn bucket_and_build(
    moto: &Moto,
    bucket: &str,
    prefix: &str,
) -> (Store, tempfile::TempDir, std::path::PathBuf) {
    let store = store(moto, bucket, prefix);
    store.create_bucket().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let build = tmp.path().join("public");
    small_build(&build);
    (store, tmp, build)
}

#[test]
fn the_changed_files_go_with_their_headers_and_the_removed_ones_go_last() {
    let moto = Moto::start();
    let (store, _tmp, build) = bucket_and_build(&moto, "stp-unit", "/site/");

    let first = deploy(&store, &build, false).unwrap();
    assert_eq!(first.uploaded.len(), 11, "{first:?}");
    assert!(first.deleted.is_empty() && first.left.is_empty());
    let files = digests(&build).unwrap();
    for (rel, digest) in &files {
        let object = store.get(rel).unwrap().expect(rel);
        assert_eq!(
            object.bytes,
            std::fs::read(build.join(rel)).unwrap(),
            "{rel}"
        );
        assert_eq!(
            object.digest.as_deref(),
            Some(manifest::hex(digest).as_str())
        );
        let (ty, encoding) = match rel.as_str() {
            "assets/site.0a1b2c3d.css.gz" => ("text/css; charset=utf-8", Some("gzip")),
            "tai-lieu/du-lieu.gz" => ("application/gzip", None),
            _ => (content_type(rel), None),
        };
        assert_eq!(object.content_type.as_deref(), Some(ty), "{rel}");
        assert_eq!(object.content_encoding.as_deref(), encoding, "{rel}");
        let caching = if rel.starts_with("assets/") || rel.starts_with("tim-kiem/t/") {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=300"
        };
        assert_eq!(object.cache_control.as_deref(), Some(caching), "{rel}");
    }
    let written = store.get(MANIFEST).unwrap().expect("the manifest");
    assert_eq!(manifest::read(&written.bytes), Some(files));

    // Nothing changed: nothing is sent, not even the manifest.
    let again = deploy(&store, &build, false).unwrap();
    assert!(again.is_empty() && again.unchanged == 11, "{again:?}");

    // A page changed, one removed, one added: a dry run says so and sends nothing.
    write(&build, "index.html", "<p>Trang chủ mới</p>".as_bytes());
    std::fs::remove_dir_all(build.join("tin-tuc/a")).unwrap();
    write(&build, "tin-tuc/b/index.html", "<p>Bài b</p>".as_bytes());
    let dry = deploy(&store, &build, true).unwrap();
    assert_eq!(dry.uploaded, ["index.html", "tin-tuc/b/index.html"]);
    assert_eq!(dry.deleted, ["tin-tuc/a/index.html"]);
    assert!(store.get("tin-tuc/b/index.html").unwrap().is_none());
    assert!(store.get("tin-tuc/a/index.html").unwrap().is_some());
    assert_eq!(deploy(&store, &build, false).unwrap(), dry);
    assert!(store.get("tin-tuc/a/index.html").unwrap().is_none());
    let home = store.get("index.html").unwrap().unwrap();
    assert_eq!(home.bytes, "<p>Trang chủ mới</p>".as_bytes());
    let written = store.get(MANIFEST).unwrap().unwrap();
    assert_eq!(
        manifest::read(&written.bytes),
        Some(digests(&build).unwrap())
    );
}

#[test]
fn a_prefix_with_objects_stp_did_not_send_is_refused_and_theirs_are_never_deleted() {
    let moto = Moto::start();
    let (site, _tmp, build) = bucket_and_build(&moto, "stp-foreign", "site");

    by_hand(&moto, "stp-foreign", "site/theirs.html", b"not stp's");
    let err = deploy(&site, &build, false).unwrap_err().to_string();
    assert!(
        err.contains("did not deploy") && err.contains("theirs.html"),
        "{err}"
    );
    assert!(site.get("index.html").unwrap().is_none(), "nothing sent");
    assert!(site.get("theirs.html").unwrap().is_some());

    // Once stp deployed a prefix, an object put there by hand is left alone, and one at a
    // path of the build is replaced by the build's file.
    let other = store(&moto, "stp-foreign", "other");
    deploy(&other, &build, false).unwrap();
    by_hand(&moto, "stp-foreign", "other/extra.html", b"by hand");
    by_hand(
        &moto,
        "stp-foreign",
        "other/index.html",
        b"changed by hand, longer than the page was",
    );
    let changes = deploy(&other, &build, false).unwrap();
    assert_eq!(changes.uploaded, ["index.html"]);
    assert_eq!(changes.left, ["extra.html"]);
    assert!(changes.deleted.is_empty());
    std::fs::remove_file(build.join("empty.txt")).unwrap();
    let changes = deploy(&other, &build, false).unwrap();
    assert_eq!(changes.deleted, ["empty.txt"]);
    assert_eq!(other.get("extra.html").unwrap().unwrap().bytes, b"by hand");

    // A deploy inside another one, or around it, is refused.
    for (prefix, why) in [
        ("other/inner", "is inside another deploy"),
        ("", "holds another deploy"),
    ] {
        let err = deploy(&store(&moto, "stp-foreign", prefix), &build, false)
            .unwrap_err()
            .to_string();
        assert!(err.contains(why), "{prefix}: {err}");
    }
}

#[test]
fn a_lost_or_broken_manifest_costs_requests_never_a_wrong_comparison() {
    let moto = Moto::start();
    let (store, _tmp, build) = bucket_and_build(&moto, "stp-manifest", "");
    deploy(&store, &build, false).unwrap();

    store.delete(&[MANIFEST.to_string()]).unwrap();
    write(&build, "index.html", "<p>Đã sửa</p>".as_bytes());
    let changes = deploy(&store, &build, false).unwrap();
    assert_eq!(
        changes.uploaded,
        ["index.html"],
        "the others are known by their metadata"
    );
    assert_eq!(changes.unchanged, 10);
    let written = store.get(MANIFEST).unwrap().expect("written again");
    assert_eq!(
        manifest::read(&written.bytes),
        Some(digests(&build).unwrap())
    );

    by_hand(&moto, "stp-manifest", MANIFEST, b"{ broken");
    std::fs::remove_file(build.join("index.xml")).unwrap();
    let changes = deploy(&store, &build, false).unwrap();
    assert!(changes.uploaded.is_empty(), "{changes:?}");
    assert_eq!(
        changes.deleted,
        ["index.xml"],
        "stp's own object, known by its metadata"
    );
    assert!(store.get("index.xml").unwrap().is_none());
}

#[test]
fn a_missing_bucket_or_a_refusal_is_named_with_the_service_answer() {
    let moto = Moto::start();
    let tmp = tempfile::tempdir().unwrap();
    small_build(tmp.path());
    let err = deploy(&store(&moto, "no-such-bucket", "site"), tmp.path(), true)
        .unwrap_err()
        .to_string();
    assert!(err.contains("NoSuchBucket"), "{err}");
    assert!(err.contains("s3://no-such-bucket/site/"), "{err}");
}

#[test]
fn the_fingerprinted_files_go_before_the_pages_that_name_them() {
    let moto = Moto::start();
    let (store, _tmp, build) = bucket_and_build(&moto, "stp-order", "");
    let sent = std::sync::Mutex::new(Vec::new());
    let progress = |_: usize, _: usize, path: &str| sent.lock().unwrap().push(path.to_string());
    to_s3(
        &store,
        &S3Deploy {
            build: &build,
            dry_run: false,
            progress: &progress,
        },
    )
    .unwrap();
    let sent = sent.into_inner().unwrap();
    let at = |rel: &str| sent.iter().position(|p| p == rel).expect(rel);
    for early in ["assets/site.0a1b2c3d.css", "tim-kiem/t/0.0a1b2c3d.json"] {
        for page in ["index.html", "tin-tuc/a/index.html", "index.xml"] {
            assert!(at(early) < at(page), "{early} after {page}: {sent:?}");
        }
    }
    assert_eq!(sent.last().map(String::as_str), Some(RECORD), "{sent:?}");
}
