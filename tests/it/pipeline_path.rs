//! The whole path from submit to publish with real keys, checked by git itself; the
//! refusals on the way; queues; signing through ssh-agent; and the ledger cache.

use crate::kit::repo::Env;

#[test]
fn submit_to_publish_every_commit_verifies_with_git() {
    let env = Env::board();
    let article = env.draft("hoi-nghi", "Hội nghị tổng kết.");
    assert!(!env.on_site("hoi-nghi"), "a draft is never public");
    env.publish(&article);
    assert!(env.on_site("hoi-nghi"));
    assert!(env.page("hoi-nghi").contains("Hội nghị tổng kết."));
    assert!(env.read(&article).contains("status: published"));

    let signers = env.site.join("../allowed_signers");
    env.ok(&[
        "people",
        "export-allowed-signers",
        signers.to_str().unwrap(),
    ]);
    let allowed = format!("gpg.ssh.allowedSignersFile={}", signers.display());
    let log = env.git(&["log", "--format=%H %s"]);
    let mut stp_commits = 0;
    for line in log.lines() {
        let (id, summary) = line.split_once(' ').unwrap();
        if !summary.starts_with("stp:") {
            continue;
        }
        stp_commits += 1;
        env.git(&["-c", &allowed, "verify-commit", id]);
    }
    // init, five people, five steps.
    assert_eq!(stp_commits, 11);
    let (clean, _) = env.audit();
    assert!(clean, "a lawful history has no findings");

    let log = env.log(&article);
    for who in ["contributor", "editor", "verifier", "approver", "secretary"] {
        assert!(log.contains(&format!("({who}, {who})")), "{log}");
    }
}

#[test]
fn each_step_refuses_the_wrong_key_role_or_state_with_one_line() {
    let env = Env::board();
    let article = env.draft("a", "A.");
    let err = env.refused(&[
        "review",
        &article,
        "--key",
        env.key("editor").to_str().unwrap(),
    ]);
    assert!(err.contains("is draft"), "{err}");
    env.step("contributor", "submit", &article);
    let err = env.refused(&[
        "review",
        &article,
        "--key",
        env.key("outsider").to_str().unwrap(),
    ]);
    assert!(
        err.contains("is not in the trusted workflow/people.toml"),
        "{err}"
    );
    assert!(err.contains("hint: ask an admin"), "{err}");
    let err = env.refused(&[
        "review",
        &article,
        "--key",
        env.key("approver").to_str().unwrap(),
    ]);
    assert!(err.contains("does not hold the editor role"), "{err}");
    assert_eq!(err.lines().next().unwrap().matches("error:").count(), 1);
    let err = env.refused(&["publish", "--key", env.key("secretary").to_str().unwrap()]);
    assert!(err.contains("no approved article"), "{err}");
    let err = env.refused(&[
        "return",
        &article,
        "--reason",
        " ",
        "--key",
        env.key("editor").to_str().unwrap(),
    ]);
    assert!(err.contains("needs --reason"), "{err}");
}

#[test]
fn four_eyes_keeps_the_editor_from_verifying_their_own_edit() {
    let env = Env::board();
    env.add_person("deputy", &["editor", "verifier"]);
    let article = env.draft("b", "B.");
    env.step("contributor", "submit", &article);
    env.step("deputy", "review", &article);
    let err = env.refused(&[
        "verify",
        &article,
        "--key",
        env.key("deputy").to_str().unwrap(),
    ]);
    assert!(err.contains("four_eyes"), "{err}");
    env.step("verifier", "verify", &article);
}

#[test]
fn review_verify_approve_alone_list_the_callers_queue() {
    let env = Env::board();
    let a = env.draft("q1", "Q1.");
    let b = env.draft("q2", "Q2.");
    env.step("contributor", "submit", &a);
    env.step("contributor", "submit", &b);
    env.step("editor", "review", &b);
    let queue = env.ok(&["review", "--key", env.key("editor").to_str().unwrap()]);
    assert!(queue.contains(&a) && !queue.contains(&b), "{queue}");
    let queue = env.ok(&["verify", "--key", env.key("verifier").to_str().unwrap()]);
    assert!(queue.contains(&b) && !queue.contains(&a), "{queue}");
    let queue = env.ok(&["approve", "--key", env.key("approver").to_str().unwrap()]);
    assert!(queue.contains("nothing waits"), "{queue}");
    let status = env.ok(&["status", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&status).unwrap();
    let waiting: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["waiting_for"].as_str().unwrap())
        .collect();
    assert_eq!(waiting, ["editor", "verifier"]);
}

#[test]
fn a_key_held_by_ssh_agent_signs_through_the_agent() {
    let env = Env::board();
    let socket = env.home.join("agent.sock");
    let agent = std::process::Command::new("ssh-agent")
        .args(["-D", "-a"])
        .arg(&socket)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    struct Kill(std::process::Child);
    impl Drop for Kill {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let _agent = Kill(agent);
    for _ in 0..100 {
        if socket.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let sock = socket.to_str().unwrap();
    let out = env.run_in(
        &env.home,
        "env",
        &[
            &format!("SSH_AUTH_SOCK={sock}"),
            "ssh-add",
            env.key("contributor").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let article = env.draft("agent", "Qua ssh-agent.");
    let public = env.key_pub("contributor");
    let out = env.stp_env(
        &["submit", &article, "--key", public.to_str().unwrap()],
        &[("SSH_AUTH_SOCK", sock)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(env.log(&article).contains("submit"));
}

#[test]
fn key_new_writes_a_key_ssh_keygen_reads_and_stp_signs_with() {
    let env = Env::board();
    let path = env.keys.join("new");
    env.ok(&["key", "new", path.to_str().unwrap()]);
    let out = env.run_in(
        &env.home,
        "ssh-keygen",
        &["-y", "-f", path.to_str().unwrap()],
    );
    assert!(out.status.success(), "{out:?}");
    let public = std::fs::read_to_string(env.keys.join("new.pub")).unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with(public.split(" stp").next().unwrap()));
    env.refused(&["key", "new", path.to_str().unwrap()]);
    env.add_person("new", &["contributor"]);
    let article = env.draft("new-key", "N.");
    env.step("new", "submit", &article);
}

#[test]
fn a_rebuild_after_one_new_commit_reads_one_commit() {
    let env = Env::board();
    let article = env.draft("cache", "C.");
    env.ok(&["build"]);
    env.step("contributor", "submit", &article);
    // The step itself read the new commit; a build now reads nothing new.
    let out = env.ok(&["build", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["ledger"]["read_now"], 0);
    env.draft("cache-2", "D.");
    let out = env.ok(&["build", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["ledger"]["read_now"], 1);
}

#[test]
fn without_an_admin_previews_work_and_publishing_waits_for_the_first_admin() {
    let env = Env::bare();
    env.ok(&["init", env.site.to_str().unwrap(), "--example"]);
    env.ok(&["build", "--preview"]);
    env.git(&["add", "-A"]);
    env.git(&["commit", "-q", "-m", "new site"]);
    let article = env.draft("cho", "Chờ.");
    let err = env.refused(&[
        "submit",
        &article,
        "--key",
        env.key("contributor").to_str().unwrap(),
    ]);
    assert!(err.contains("no admin has signed"), "{err}");
    // Someone else cannot make themselves the first admin with another key.
    let err = env.refused(&[
        "people",
        "add",
        "admin",
        "--name",
        "Quản Trị",
        "--role",
        "admin",
        "--key",
        env.key_pub("admin").to_str().unwrap(),
        "--signing-key",
        env.key("outsider").to_str().unwrap(),
    ]);
    assert!(err.contains("signed with that admin's own key"), "{err}");
    let out = env.ok(&[
        "people",
        "add",
        "admin",
        "--name",
        "Quản Trị",
        "--role",
        "admin",
        "--key",
        env.key_pub("admin").to_str().unwrap(),
        "--signing-key",
        env.key("admin").to_str().unwrap(),
    ]);
    assert!(out.contains(&env.fingerprint("admin")), "{out}");
    env.add_person("contributor", &["contributor"]);
    env.step("contributor", "submit", &article);
    let (clean, json) = env.audit();
    assert!(clean, "{json}");
    assert_eq!(json["trusted_on_first_use"], true);
}
