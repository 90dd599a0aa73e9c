//! Time and revocation: a removed key keeps its earlier steps and loses its later ones;
//! commit timestamps, backdated or future-dated, change nothing; a delegation counts only
//! inside its dates (Điều 19.2), and stated dates never go back.

use crate::kit::repo::{Env, vietnam_today};
use chrono::Duration;

#[test]
fn a_removed_key_keeps_its_earlier_steps_and_loses_its_later_ones() {
    let env = Env::board();
    let before = env.draft("truoc", "Trước.");
    let after = env.draft("sau", "Sau.");
    env.step("contributor", "submit", &before);
    env.ok(&[
        "people",
        "remove",
        "contributor",
        "--signing-key",
        env.key("admin").to_str().unwrap(),
    ]);

    let err = env.refused(&[
        "submit",
        &after,
        "--key",
        env.key("contributor").to_str().unwrap(),
    ]);
    assert!(err.contains("not in the trusted"), "{err}");
    // Signed by hand with the removed key, and backdated: still after the removal.
    env.set_status(&after, "submitted");
    let message = format!(
        "late\n\nStp-Date: 2020-01-01\nStp-Article: {after}\nStp-Transition: draft -> submitted\nStp-Blob: {}\n",
        env.blob(&after)
    );
    env.forge(
        Some("contributor"),
        &message,
        &[
            ("GIT_COMMITTER_DATE", "@946684800 +0700"),
            ("GIT_AUTHOR_DATE", "@946684800 +0700"),
        ],
    );
    let (_, json) = env.audit();
    let issues = json["issues"].as_array().unwrap();
    assert!(issues.iter().any(|i| i["subject"] == after.as_str()));

    // The earlier submission carries on to the public site.
    env.step("editor", "review", &before);
    env.step("verifier", "verify", &before);
    env.step("approver", "approve", &before);
    env.ok(&["publish", "--key", env.key("secretary").to_str().unwrap()]);
    assert!(env.on_site("truoc"));
    assert!(!env.on_site("sau"));
    assert!(env.log(&before).contains("submit"));
    // git verifies the removed person's old commit with the exported file.
    let signers = env.site.join("../signers");
    env.ok(&[
        "people",
        "export-allowed-signers",
        signers.to_str().unwrap(),
    ]);
    let submit = env.git(&["log", "--format=%H", "--grep=stp: submit"]);
    env.git(&[
        "-c",
        &format!("gpg.ssh.allowedSignersFile={}", signers.display()),
        "verify-commit",
        submit.trim(),
    ]);
}

#[test]
fn backdated_or_future_dated_commit_timestamps_change_nothing() {
    let env = Env::board();
    let article = env.draft("thoi-gian", "T.");
    let steps = [
        ("contributor", "submit", "@4102444800 +0700"), // 2100
        ("editor", "review", "@631152000 +0700"),       // 1990
        ("verifier", "verify", "@2524608000 +0700"),    // 2050
        ("approver", "approve", "@86400 +0000"),        // 1970
    ];
    for (who, action, date) in steps {
        let out = env.stp_env(
            &[action, &article, "--key", env.key(who).to_str().unwrap()],
            &[("GIT_COMMITTER_DATE", date)],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = env.stp_env(
        &["publish", "--key", env.key("secretary").to_str().unwrap()],
        &[("GIT_COMMITTER_DATE", "@1000000000 +0700")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(env.on_site("thoi-gian"));
    let log = env.log(&article);
    let order: Vec<usize> = ["submit", "review", "verify", "approve", "publish"]
        .iter()
        .map(|a| log.find(&format!("  {a} ")).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{log}");

    // A forged unsigned withdrawal dated after everything changes nothing either.
    env.set_status(&article, "withdrawn");
    env.forge(
        None,
        "take it down",
        &[("GIT_COMMITTER_DATE", "@4102444800 +0700")],
    );
    assert!(env.on_site("thoi-gian"));
    let (clean, _) = env.audit();
    assert!(!clean);
}

#[test]
fn a_delegation_counts_only_inside_its_dates() {
    let env = Env::board();
    env.add_person("deputy", &["editor"]);
    let today = vietnam_today();
    let admin = env.key("admin");
    env.ok(&[
        "people",
        "delegate",
        "approver",
        "deputy",
        "--role",
        "approver",
        "--from",
        &(today - Duration::days(20)).to_string(),
        "--until",
        &(today - Duration::days(10)).to_string(),
        "--signing-key",
        admin.to_str().unwrap(),
    ]);
    let article = env.draft("uy-quyen", "U.");
    env.step("contributor", "submit", &article);
    env.step("editor", "review", &article);
    env.step("verifier", "verify", &article);
    let err = env.refused(&[
        "approve",
        &article,
        "--key",
        env.key("deputy").to_str().unwrap(),
    ]);
    assert!(err.contains("only by delegation"), "{err}");
    assert!(err.contains("does not cover"), "{err}");

    // Stating a date inside the old window, by hand: dates never go back.
    env.set_status(&article, "approved");
    let inside = today - Duration::days(15);
    let message = format!(
        "approve\n\nStp-Date: {inside}\nStp-Article: {article}\nStp-Transition: verified -> approved\nStp-Blob: {}\n",
        env.blob(&article)
    );
    env.forge(Some("deputy"), &message, &[]);
    let (_, json) = env.audit();
    let why: Vec<&str> = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["why"].as_str().unwrap())
        .collect();
    assert!(
        why.iter().any(|w| w.contains("dates never go back")),
        "{why:?}"
    );
    env.git(&["reset", "-q", "--hard", "HEAD~1"]);

    // A delegation covering today lets the deputy act for the approver.
    env.ok(&[
        "people",
        "delegate",
        "approver",
        "deputy",
        "--role",
        "approver",
        "--from",
        &(today - Duration::days(1)).to_string(),
        "--until",
        &(today + Duration::days(1)).to_string(),
        "--signing-key",
        admin.to_str().unwrap(),
    ]);
    env.step("deputy", "approve", &article);
    let log = env.log(&article);
    assert!(log.contains("for approver by delegation"), "{log}");
}
