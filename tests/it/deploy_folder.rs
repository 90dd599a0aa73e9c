//! `stp deploy FOLDER` through the real binary on a signed site: the public build goes into
//! a web server's folder whole, only what changed is sent (by content), a dry run changes
//! nothing, a preview never goes out, and a build from a history without the deployed
//! commit (a rollback) is refused unless an admin signed a decision allowing it.

use crate::kit::repo::Env;

fn json(text: &str) -> serde_json::Value {
    crate::kit::versioned_json(text)
}

fn deploy(env: &Env, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["deploy", "--json"];
    all.extend_from_slice(args);
    json(&env.ok(&all))
}

#[test]
fn the_public_build_goes_out_whole_and_only_what_changed_is_sent() {
    let env = Env::board();
    let first = env.draft("mot", "Bài một.");
    env.publish(&first);
    env.ok(&["build"]);
    let www = env.home.join("www");
    let www_arg = www.to_str().unwrap();
    let out = deploy(&env, &[www_arg]);
    let sent = out["uploaded"].as_u64().unwrap();
    assert!(sent > 10, "{out}");
    assert_eq!(out["deleted"], 0);
    assert!(www.join("tin-tuc/mot/index.html").is_file());
    assert!(
        www.join(".stp-build.json").is_file(),
        "the target records its commit"
    );

    // Nothing changed: nothing is sent.
    let again = deploy(&env, &[www_arg]);
    assert_eq!(again["uploaded"], 0, "{again}");
    assert_eq!(again["unchanged"].as_u64(), Some(sent));

    // A new article: its page and the pages that list it, not the whole site.
    let second = env.draft("hai", "Bài hai.");
    env.publish(&second);
    env.ok(&["build"]);
    let dry = deploy(&env, &[www_arg, "--dry-run"]);
    assert!(
        !www.join("tin-tuc/hai/index.html").exists(),
        "a dry run sends nothing"
    );
    let files: Vec<&str> = dry["files"]["uploaded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(files.contains(&"tin-tuc/hai/index.html"), "{files:?}");
    assert!(files.len() < sent as usize, "only what changed: {files:?}");
    let real = deploy(&env, &[www_arg]);
    assert_eq!(real["uploaded"], dry["uploaded"]);
    assert!(www.join("tin-tuc/hai/index.html").is_file());

    // A withdrawn article's page is deleted from the folder.
    env.withdraw(&first, "Hết hiệu lực");
    env.ok(&["build"]);
    let gone = deploy(&env, &[www_arg]);
    assert!(gone["deleted"].as_u64().unwrap() >= 1, "{gone}");
    assert!(!www.join("tin-tuc/mot/index.html").exists());
}

#[test]
fn a_preview_never_goes_out_and_a_rollback_is_refused() {
    let env = Env::board();
    let first = env.draft("mot", "Bài một.");
    env.publish(&first);
    env.ok(&["build", "--preview"]);
    let www = env.home.join("www");
    let www_arg = www.to_str().unwrap();
    let preview = env.site.join("preview");
    let err = env.refused(&["deploy", www_arg, "--from", preview.to_str().unwrap()]);
    assert!(err.contains("is not a public build"), "{err}");
    assert!(!www.exists(), "nothing written");

    env.ok(&["build"]);
    let old_head = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    let old_public = env.home.join("old-public");
    let copy = std::process::Command::new("cp")
        .args([
            "-a",
            env.site.join("public").to_str().unwrap(),
            old_public.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(copy.success());
    // The approver withdraws the article, the new build goes out.
    env.withdraw(&first, "Sai thông tin");
    env.ok(&["build"]);
    deploy(&env, &[www_arg]);
    assert!(!www.join("tin-tuc/mot/index.html").exists());

    // The old build (from before the withdraw) would put the page back: refused.
    let old = old_public.to_str().unwrap();
    let err = env.refused(&["deploy", www_arg, "--from", old]);
    assert!(err.contains("would roll the site back"), "{err}");
    assert!(
        !www.join("tin-tuc/mot/index.html").exists(),
        "the folder is unchanged"
    );

    // So is a build after resetting the history past the signed withdraw.
    env.git(&["reset", "-q", "--hard", &old_head]);
    env.ok(&["build", "--allow-rewind"]);
    let err = env.refused(&["deploy", www_arg]);
    assert!(err.contains("would roll the site back"), "{err}");
    assert!(!www.join("tin-tuc/mot/index.html").exists());
    let deployed = serde_json::from_str::<serde_json::Value>(
        &std::fs::read_to_string(www.join(".stp-build.json")).unwrap(),
    )
    .unwrap()["signed_commit"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        err.contains(&format!("stp audit allow-rollback {deployed}")),
        "the refusal says how to decide it: {err}"
    );
    // No unsigned say-so rolls it back.
    let err = env.refused(&["deploy", www_arg, "--allow-rewind"]);
    assert!(err.contains("--allow-rewind"), "{err}");
    // Nor a decision written by hand: unsigned, or signed by someone who is not an admin.
    let reset_to = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    for (n, key) in [None, Some("approver")].into_iter().enumerate() {
        env.write(&format!("ghi-chu-{n}.txt"), "khôi phục");
        env.forge(
            key,
            &format!("stp: allow rolling back\n\nStp-Ack: {deployed}\nStp-Ack-Reason: tự cho phép"),
            &[],
        );
        env.ok(&["build"]);
        let err = env.refused(&["deploy", www_arg]);
        assert!(err.contains("would roll the site back"), "{key:?}: {err}");
        assert!(!www.join("tin-tuc/mot/index.html").exists());
    }
    env.git(&["reset", "-q", "--hard", &reset_to]);

    // Only an admin decides it, with a reason, and only for a commit not in this history.
    let rollback = |who: &str, commit: &str, reason: &str| {
        env.stp(&[
            "audit",
            "allow-rollback",
            commit,
            "--reason",
            reason,
            "--key",
            env.key(who).to_str().unwrap(),
        ])
    };
    let not_admin = rollback("approver", &deployed, "Khôi phục");
    assert!(!not_admin.status.success());
    assert!(
        crate::kit::stderr(&not_admin).contains("only an admin"),
        "{not_admin:?}"
    );
    let in_history = rollback("admin", &old_head, "Khôi phục");
    assert!(
        crate::kit::stderr(&in_history).contains("is in this history"),
        "{in_history:?}"
    );
    let no_reason = rollback("admin", &deployed, " ");
    assert!(!no_reason.status.success(), "{no_reason:?}");

    // The admin's decision, signed; a build made before it still does not go out.
    let err = env.refused(&["deploy", www_arg]);
    assert!(err.contains("would roll the site back"), "{err}");
    let decided = rollback(
        "admin",
        &deployed,
        "Gỡ nhầm bài một; Trưởng Ban yêu cầu khôi phục",
    );
    assert!(decided.status.success(), "{decided:?}");
    let err = env.refused(&["deploy", www_arg]);
    assert!(
        err.contains("would roll the site back"),
        "the old public/ does not hold the decision: {err}"
    );
    env.ok(&["build"]);
    deploy(&env, &[www_arg]);
    assert!(www.join("tin-tuc/mot/index.html").is_file());
    let (passes, audit) = env.audit();
    assert!(passes, "the decision is no finding: {audit}");
}

#[test]
fn a_folder_with_other_files_or_the_build_itself_is_never_replaced() {
    let env = Env::board();
    env.ok(&["build"]);
    let www = env.home.join("www");
    std::fs::create_dir_all(www.join("other-site")).unwrap();
    std::fs::write(www.join("other-site/index.html"), "một trang khác").unwrap();
    let err = env.refused(&["deploy", www.to_str().unwrap()]);
    assert!(err.contains("stp did not deploy"), "{err}");
    assert!(
        www.join("other-site/index.html").is_file(),
        "nothing deleted"
    );
    let public = env.site.join("public");
    for target in [public.clone(), public.join("www"), env.site.clone()] {
        let err = env.refused(&["deploy", target.to_str().unwrap()]);
        assert!(err.contains("one holds the other"), "{err}");
    }
    assert!(
        public.join(".stp-build.json").is_file(),
        "the build is untouched"
    );
}

#[test]
fn a_target_stp_cannot_use_is_refused_by_name() {
    let env = Env::board();
    env.ok(&["build"]);
    for (target, why) in [
        ("ftp://web1/site", "ftp://"),
        ("web1:/", "root"),
        ("web1:/srv/../etc", ".."),
    ] {
        let err = env.refused(&["deploy", target]);
        assert!(err.contains(why), "{target}: {err}");
    }
}
