//! The article size limit holds for history too: an unsigned 60 MB article version
//! (over `MAX_FILE_BYTES`, 4 MiB) is never read by `stp build` or `stp audit` (their peak
//! memory stays below the blob's size), never published, and listed by audit with the
//! path, the size and the limit; reading goes on. Packed as a delta, the same.

use std::io::Write;

use crate::kit::repo::Env;

const BIG: usize = 60 * 1024 * 1024;

/// Peak resident memory (KiB) of `stp ARGS` in the site, from /usr/bin/time, and whether
/// it succeeded.
fn peak_kib(env: &Env, args: &[&str]) -> (u64, bool) {
    let mut all = vec!["-f", "peak %M", env!("CARGO_BIN_EXE_stp")];
    all.extend_from_slice(args);
    let out = env.run_in(&env.site, "/usr/bin/time", &all);
    let err = String::from_utf8_lossy(&out.stderr);
    let kib = err
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("peak "))
        .unwrap_or_else(|| panic!("no peak line in {err}"))
        .trim()
        .parse()
        .unwrap();
    (kib, out.status.success())
}

#[test]
fn an_article_over_the_size_limit_in_history_is_never_read() {
    let env = Env::board();
    let small = env.draft("nho", "Bài nhỏ.");
    env.publish(&small);
    // A 60 MB article, written streamed, committed unsigned.
    let path = "content/tin-tuc/lon.md";
    let mut file = std::fs::File::create(env.site.join(path)).unwrap();
    file.write_all(b"---\ntitle: \"Lon\"\ndate: 2026-11-20\nstatus: published\n---\n\n")
        .unwrap();
    let line = [b'a'; 1023];
    for _ in 0..BIG / 1024 {
        file.write_all(&line).unwrap();
        file.write_all(b"\n").unwrap();
    }
    drop(file);
    let commit = env.forge(None, "a big article", &[]);
    let size = std::fs::metadata(env.site.join(path)).unwrap().len();
    // And a signed step after it still counts.
    let after = env.draft("sau", "Sau.");
    env.step("contributor", "submit", &after);

    let limit_kib = (BIG / 1024) as u64;
    let (build_kib, ok) = peak_kib(&env, &["build"]);
    assert!(ok);
    assert!(build_kib < limit_kib, "stp build peaked at {build_kib} KiB");
    assert!(env.site.join("public/tin-tuc/nho/index.html").is_file());
    assert!(!env.site.join("public/tin-tuc/lon").exists());

    let (audit_kib, ok) = peak_kib(&env, &["audit"]);
    assert!(!ok, "audit lists the big version");
    assert!(audit_kib < limit_kib, "stp audit peaked at {audit_kib} KiB");
    eprintln!("peak RSS: stp build {build_kib} KiB, stp audit {audit_kib} KiB; blob {size} bytes");
    let issue = env.audit_issue(&commit);
    assert_eq!(issue["kind"], "size");
    assert_eq!(issue["subject"], path);
    let why = issue["why"].as_str().unwrap();
    assert!(why.contains(&size.to_string()), "{why}");
    assert!(why.contains(&(4 * 1024 * 1024).to_string()), "{why}");
    assert!(env.log(&after).contains("submit"));

    // Packed, with the big article's next version stored as a delta of it (or it of the
    // next): each size comes from its pack entry (`ledger::pack_sizes`), still unread.
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(env.site.join(path))
        .unwrap();
    file.write_all(b"more\n").unwrap();
    drop(file);
    let bigger = env.forge(None, "a bigger article", &[]);
    env.git(&["repack", "-q", "-adf"]);
    let (audit_kib, ok) = peak_kib(&env, &["audit"]);
    assert!(!ok);
    assert!(audit_kib < limit_kib, "stp audit peaked at {audit_kib} KiB");
    for (commit, size) in [(&commit, size), (&bigger, size + 5)] {
        let issue = env.audit_issue(commit);
        assert_eq!(issue["kind"], "size");
        assert!(issue["why"].as_str().unwrap().contains(&size.to_string()));
    }
}
