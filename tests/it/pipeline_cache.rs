//! The ledger cache end to end: what a command reads with the cache is what it reads
//! without it, after steps appended to the journal, after history is rewritten under the
//! cache, and after the cache file is damaged (then it is rebuilt).

use crate::kit::repo::Env;

/// `(read_now, commits)` of a load, from the timings line stp prints on request.
fn reads(env: &Env, args: &[&str]) -> (usize, usize) {
    let out = env.stp_env(args, &[("STP_LEDGER_TIMINGS", "1")]);
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find_map(|l| l.strip_prefix("ledger: read_now "))
        .unwrap_or_else(|| panic!("no timings line in {err}"));
    let mut words = line.split_whitespace();
    let read_now = words.next().unwrap().parse().unwrap();
    assert_eq!(words.next(), Some("of"));
    (read_now, words.next().unwrap().parse().unwrap())
}

fn cache_file(env: &Env) -> std::path::PathBuf {
    env.site.join(".git/stp/ledger-cache.bin")
}

/// The status and the article's trail, as read with whatever cache there is.
fn view(env: &Env, article: &str) -> (String, String) {
    (
        env.ok(&["status", "--json"]),
        env.ok(&["log", article, "--json"]),
    )
}

/// The same, read from scratch.
fn fresh_view(env: &Env, article: &str) -> (String, String) {
    std::fs::remove_file(cache_file(env)).unwrap();
    view(env, article)
}

#[test]
fn steps_appended_to_the_journal_read_as_history_read_from_scratch() {
    let env = Env::board();
    let a = env.draft("a", "A.");
    let b = env.draft("b", "B.");
    env.publish(&a);
    env.step("contributor", "submit", &b);
    env.step("editor", "review", &b);
    env.ok(&[
        "return",
        &b,
        "--reason",
        "Thiếu nguồn",
        "--key",
        env.key("verifier").to_str().unwrap(),
    ]);
    // Each step read the commit before it; nothing is left to read.
    assert_eq!(reads(&env, &["status"]).0, 0);
    let cached = view(&env, &b);
    assert_eq!(cached, fresh_view(&env, &b));
    let (read_now, commits) = reads(&env, &["status"]);
    assert_eq!(read_now, 0);
    assert!(commits > 10);
}

#[test]
fn history_rewritten_under_the_cache_is_read_again() {
    let env = Env::board();
    let a = env.draft("a", "A.");
    env.step("contributor", "submit", &a);
    env.step("editor", "review", &a);
    env.step("verifier", "verify", &a);
    env.step("approver", "approve", &a);
    env.ok(&["publish", "--key", env.key("secretary").to_str().unwrap()]);
    assert!(env.ok(&["status", "--json"]).contains("\"published\""));
    // The publish commit, which the cache ends at, is dropped; the article is returned.
    env.git(&["reset", "-q", "--hard", "HEAD~1"]);
    env.ok(&[
        "return",
        &a,
        "--reason",
        "Sai số liệu",
        "--key",
        env.key("approver").to_str().unwrap(),
    ]);
    let (read_now, commits) = reads(&env, &["status"]);
    assert_eq!(
        read_now, 0,
        "the return step read the history again and cached it"
    );
    let cached = view(&env, &a);
    assert!(cached.0.contains("\"returned\""), "{}", cached.0);
    assert!(!cached.0.contains("\"published\""), "{}", cached.0);
    assert_eq!(cached, fresh_view(&env, &a));
    // Rewriting again without stp: everything is read again, not taken from the cache.
    env.git(&["reset", "-q", "--hard", "HEAD~1"]);
    env.draft("c", "C.");
    assert_eq!(reads(&env, &["status"]), (commits, commits));
    assert!(env.ok(&["status", "--json"]).contains("\"approved\""));
}

#[test]
fn a_damaged_cache_is_ignored_and_rebuilt() {
    let env = Env::board();
    let a = env.draft("a", "A.");
    env.publish(&a);
    let before = view(&env, &a);
    let good = std::fs::read(cache_file(&env)).unwrap();
    let (_, commits) = reads(&env, &["status"]);
    let mut flipped = good.clone();
    let last = flipped.len() - 20;
    flipped[last] ^= 1;
    let cases = [
        (b"not a cache".to_vec(), commits),
        (Vec::new(), commits),
        // Cut or damaged in the journal: read again from the last record that checks out.
        (good[..good.len() - 10].to_vec(), 1),
        (flipped, 1),
    ];
    for (bytes, at_least) in cases {
        std::fs::write(cache_file(&env), &bytes).unwrap();
        let (read_now, all) = reads(&env, &["status"]);
        assert!(
            read_now >= at_least && all == commits,
            "{read_now} of {all}"
        );
        assert_eq!(reads(&env, &["status"]), (0, commits), "rebuilt");
        assert_eq!(view(&env, &a), before);
    }
}

#[test]
fn history_read_on_all_cores_reads_as_one_commit_at_a_time() {
    let env = Env::board();
    let a = env.draft("a", "A.");
    env.step("contributor", "submit", &a);
    env.step("editor", "review", &a);
    // Enough commits that a full read goes in parallel (64 and more), while each command
    // until now read one or two commits on its own thread, through the cache.
    for i in 0..70 {
        env.draft(&format!("d{i}"), "D.");
    }
    env.write(
        &a,
        &env.read(&a).replace("status: edited", "status: published"),
    );
    env.git(&["commit", "-qam", "hand-edited status"]);
    env.step("verifier", "verify", &a);
    env.step("approver", "approve", &a);
    env.ok(&["publish", "--key", env.key("secretary").to_str().unwrap()]);
    let cached = view(&env, &a);
    let (read_now, commits) = reads(&env, &["status"]);
    assert_eq!(read_now, 0);
    assert!(commits > 75);
    assert_eq!(cached, fresh_view(&env, &a));
    let audit = env.stp(&["audit", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&audit.stdout).unwrap();
    assert_eq!(json["commits"], commits);
    assert_eq!(json["issues"].as_array().unwrap().len(), 1, "{json}");
    assert!(cached.0.contains("\"published\""));
}
