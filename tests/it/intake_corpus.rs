//! The intake corpus (`crates/stp-intake/tests/corpus/`: Word and OpenOffice documents made
//! with python-docx and LibreOffice, one per feature) through the real binary: each
//! document `stp intake` takes in gives exactly the Markdown its snapshot holds (the
//! reader's own tests check the points one by one), the site then passes `stp check` and
//! builds, and a document that would leave an empty article is refused with nothing
//! written.

use std::path::{Path, PathBuf};

use crate::kit::intake::{article, content_files, root, site, stp};
use crate::kit::stderr;

fn intake_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/stp-intake/tests")
}

/// Each snapshot of the corpus: the document's file name and the Markdown expected.
fn expected() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(intake_dir().join("snapshots")).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let Some(name) = stem.strip_prefix("corpus__") else {
            continue;
        };
        let (base, ext) = name.rsplit_once('_').unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        // An insta snapshot: a header between `---` lines, then the value.
        let value = text.splitn(3, "---\n").nth(2).unwrap().trim().to_string();
        out.push((format!("{base}.{ext}"), value));
    }
    out.sort();
    out
}

#[test]
fn every_corpus_document_comes_out_as_its_snapshot_through_the_binary() {
    let expected = expected();
    assert!(expected.len() >= 15, "{expected:?}");
    let dir = site();
    let root = root(&dir);
    let mut flags = 0;
    for (name, want) in &expected {
        let file = intake_dir().join("corpus").join(name);
        let out = stp(
            &root,
            &["intake", file.to_str().unwrap(), "--section", "tin-tuc"],
        );
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        flags += stderr(&out).matches("flag: ").count();
        let rel = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let (front, body) = article(&root, &rel);
        let got = format!("title: {}\n\n{}", front["title"].as_str().unwrap(), body);
        assert_eq!(got.trim(), want, "{name}");
    }
    assert!(flags > 0, "the pictures the web cannot show are flagged");
    let check = stp(&root, &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let build = stp(&root, &["build", "--preview"]);
    assert!(build.status.success(), "{}", stderr(&build));
}

#[test]
fn a_document_that_leaves_an_empty_article_is_refused_with_nothing_written() {
    let dir = site();
    let root = root(&dir);
    let before = content_files(&root);
    let file = intake_dir().join("corpus/empty-body.docx");
    let out = stp(
        &root,
        &["intake", file.to_str().unwrap(), "--section", "tin-tuc"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("leaves the article empty"),
        "{}",
        stderr(&out)
    );
    assert_eq!(content_files(&root), before);
}
