//! No rollback: history that goes around a signed step is never silently used. A merge
//! whose other side holds a signed withdraw (or a signed removal of a person) is named by
//! audit and refused by the public build until an admin acknowledges it; a history reset
//! past the signed commit the public output was built from is refused unless the build is
//! told `--allow-rewind`. Real repositories, real keys, the real binary.

use crate::kit::repo::Env;

/// A board with one published article, withdrawn by the approver afterwards. Returns the
/// environment, the article, the publish commit and the withdraw commit.
fn withdrawn() -> (Env, String, String, String) {
    let env = Env::board();
    let article = env.draft("rut", "Bài sẽ bị gỡ.");
    env.publish(&article);
    let published = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    assert!(env.on_site("rut"));
    env.ok(&[
        "withdraw",
        &article,
        "--reason",
        "Thông tin đã cũ",
        "--key",
        env.key("approver").to_str().unwrap(),
    ]);
    let withdraw = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    assert!(!env.on_site("rut"));
    (env, article, published, withdraw)
}

/// Makes HEAD a merge whose first parent is `first` and second parent `second`, with the
/// second parent's tree (as `git merge --no-ff` from `first` would).
fn merge_around(env: &Env, first: &str, second: &str) -> String {
    env.git(&["reset", "-q", "--hard", first]);
    env.git(&["merge", "-q", "--no-ff", "-m", "hợp nhất", second]);
    env.git(&["rev-parse", "HEAD"]).trim().to_string()
}

#[test]
fn a_merge_around_a_signed_withdraw_is_refused_and_named() {
    let (env, _, published, withdraw) = withdrawn();
    let merge = merge_around(&env, &published, &withdraw);
    let err = env.refused(&["build", "--out", "public-moi"]);
    assert!(
        err.contains(&merge[..10]) && err.contains("goes around signed history"),
        "{err}"
    );
    assert!(!env.site.join("public-moi").exists());
    let (clean, json) = env.audit();
    assert!(!clean);
    let finding = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["commit"] == merge && i["kind"] == "rollback")
        .unwrap_or_else(|| panic!("audit does not name the merge as a rollback: {json}"));
    assert!(
        finding["why"].as_str().unwrap().contains("withdraw"),
        "{finding}"
    );
    // An admin who judged it (here: wrongly) harmless can acknowledge it explicitly; the
    // finding stays listed, and the build then goes ahead.
    env.ok(&[
        "audit",
        "ack",
        &merge,
        "--reason",
        "Hợp nhất đã kiểm tra",
        "--key",
        env.key("admin").to_str().unwrap(),
    ]);
    let (clean, json) = env.audit();
    assert!(clean, "{json}");
    assert!(
        json["issues"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["commit"] == merge)
    );
    env.ok(&["build", "--out", "public-moi"]);
}

#[test]
fn a_merge_around_a_signed_people_remove_is_a_rollback_finding() {
    let env = Env::board();
    let before = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    env.ok(&[
        "people",
        "remove",
        "editor",
        "--signing-key",
        env.key("admin").to_str().unwrap(),
    ]);
    let removal = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    let merge = merge_around(&env, &before, &removal);
    let (clean, json) = env.audit();
    assert!(!clean);
    let kinds: Vec<&str> = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["commit"] == merge)
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"rollback"), "{json}");
    let err = env.refused(&["build", "--out", "public-moi"]);
    assert!(err.contains("goes around signed history"), "{err}");
}

#[test]
fn a_plain_merge_is_named_by_audit() {
    let env = Env::board();
    let base = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    env.draft("nhanh", "Nhánh phụ.");
    let side = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    let merge = merge_around(&env, &base, &side);
    let (clean, json) = env.audit();
    assert!(!clean);
    assert!(
        json["issues"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["commit"] == merge && i["kind"] == "merge"),
        "{json}"
    );
}

#[test]
fn a_reset_past_a_signed_withdraw_is_refused_unless_told() {
    let (env, _, published, _) = withdrawn();
    // public/ was last built from the withdraw; going back to before it brings the
    // article back on any host that builds from a fresh clone.
    env.git(&["reset", "-q", "--hard", &published]);
    let err = env.refused(&["build"]);
    assert!(err.contains("no longer contains"), "{err}");
    assert!(!env.site.join("public/tin-tuc/rut/index.html").exists());
    let record = env.read("public/.stp-build.json");
    assert!(record.contains("signed_commit"), "{record}");
    env.ok(&["build", "--allow-rewind"]);
    assert!(env.site.join("public/tin-tuc/rut/index.html").exists());
}

#[test]
fn the_build_record_names_the_last_signed_commit_and_not_head() {
    let (env, _, _, withdraw) = withdrawn();
    let record = env.read("public/.stp-build.json");
    assert!(record.contains(&withdraw), "{record}");
    // An unsigned commit on top changes nothing in the output, the record included.
    env.draft("khac", "Bản nháp.");
    env.ok(&["build"]);
    assert_eq!(env.read("public/.stp-build.json"), record);
}

/// Writes a commit object by hand (as `git hash-object --literally` lets anyone) and
/// returns its id.
fn raw_commit(env: &Env, text: &str) -> String {
    env.write("commit.txt", text);
    let id = env
        .git(&[
            "hash-object",
            "-t",
            "commit",
            "--literally",
            "-w",
            "commit.txt",
        ])
        .trim()
        .to_string();
    std::fs::remove_file(env.site.join("commit.txt")).unwrap();
    id
}

#[test]
fn a_malformed_merge_around_a_signed_withdraw_is_still_a_rollback() {
    let (env, _, published, withdraw) = withdrawn();
    let tree = env.git(&["rev-parse", &format!("{withdraw}^{{tree}}")]);
    // No author line: a malformed commit, which git still walks.
    let merge = raw_commit(
        &env,
        &format!(
            "tree {}\nparent {published}\nparent {withdraw}\ncommitter X <x@x> 1764800000 +0700\n\nhợp nhất\n",
            tree.trim()
        ),
    );
    env.git(&["reset", "-q", "--hard", &merge]);
    let out = env.stp(&["audit", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    let kinds: Vec<&str> = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["commit"] == merge)
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"malformed") && kinds.contains(&"rollback"),
        "{json}"
    );
    let err = env.refused(&["build", "--out", "public-moi"]);
    assert!(err.contains("goes around signed history"), "{err}");
}

#[test]
fn a_side_commit_with_a_junk_signature_does_not_block_the_build() {
    let env = Env::board();
    let article = env.draft("rac", "Bài thật.");
    env.publish(&article);
    let base = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    let tree = env.git(&["rev-parse", "HEAD^{tree}"]);
    // A side commit that looks like a signed step but whose signature is junk.
    let side = raw_commit(
        &env,
        &format!(
            "tree {}\nparent {base}\nauthor X <x@x> 1764800000 +0700\ncommitter X <x@x> 1764800000 +0700\ngpgsig -----BEGIN SSH SIGNATURE-----\n AAAA\n -----END SSH SIGNATURE-----\n\nstp: withdraw\n\nStp-Article: {article}\nStp-Transition: published -> withdrawn\n",
            tree.trim()
        ),
    );
    let merge = merge_around(&env, &base, &side);
    let (_, json) = env.audit();
    let kinds: Vec<&str> = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["commit"] == merge)
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["merge"], "{json}");
    env.ok(&["build", "--out", "public-moi"]);
    assert!(env.site.join("public-moi/tin-tuc/rac/index.html").is_file());
}
