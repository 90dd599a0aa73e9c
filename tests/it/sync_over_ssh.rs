//! `stp sync` with a shared repository on another machine, reached over ssh the way an
//! agency would set it up (`git remote add origin server:/srv/site.git`): a real OpenSSH
//! server (`/usr/sbin/sshd`, Debian's openssh-server) on 127.0.0.1 with its own host key
//! and one authorised user key, and git's ssh transport through stp's `sync_git.rs`. Two
//! clones step on the same article: the first to sync lands, the other is refused with its
//! step kept on a branch; every commit still verifies and `stp audit` passes on both.

use std::path::Path;

use crate::kit::repo::Env;
use crate::kit::sshd::Server;

/// Starts sshd (crate::kit::sshd) and makes git (global config in `env`'s HOME) reach
/// it as `stp-test-server`.
fn start_server(env: &Env, dir: &Path) -> Server {
    let server = Server::start(dir);
    let ssh = format!("ssh -F {}", server.client_config.display());
    let out = env.run_in(
        &env.home,
        "git",
        &["config", "--global", "core.sshCommand", &ssh],
    );
    assert!(out.status.success(), "{out:?}");
    server
}

/// `git verify-commit` accepts every stp commit and `stp audit` passes, in `dir`.
fn all_verified(env: &Env, dir: &Path) {
    let signers = dir.join(".git/allowed_signers");
    env.ok_in(
        dir,
        &[
            "people",
            "export-allowed-signers",
            signers.to_str().unwrap(),
        ],
    );
    let allowed = format!("gpg.ssh.allowedSignersFile={}", signers.display());
    let log = env.git_in(dir, &["log", "--format=%H %s"]);
    let mut checked = 0;
    for line in log.lines().filter(|l| l.contains(" stp:")) {
        let id = line.split(' ').next().unwrap();
        env.git_in(dir, &["-c", &allowed, "verify-commit", id]);
        checked += 1;
    }
    assert!(checked > 5, "{log}");
    env.ok_in(dir, &["audit"]);
}

#[test]
fn two_clones_sync_through_an_ssh_server_and_the_first_step_on_an_article_lands() {
    let env = Env::board();
    env.add_person("deputy", &["editor"]);
    let server_dir = env.home.join("server");
    std::fs::create_dir_all(&server_dir).unwrap();
    let server = start_server(&env, &server_dir);
    let bare = server_dir.join("site.git");
    let out = env.run_in(
        &env.home,
        "git",
        &["init", "-q", "--bare", bare.to_str().unwrap()],
    );
    assert!(out.status.success());
    let url = format!("stp-test-server:{}", bare.display());
    env.git(&["remote", "add", "origin", &url]);

    // A sends the whole site to the empty shared repository.
    let sent = env.ok(&["sync"]);
    assert!(sent.contains("sent"), "{sent}");
    let b = env.home.join("clone-b");
    let out = env.run_in(
        &env.home,
        "git",
        &["clone", "-q", &url, b.to_str().unwrap()],
    );
    assert!(out.status.success(), "{out:?}");

    let article = env.draft("qua-ssh", "Gửi qua máy chủ.");
    env.step("contributor", "submit", &article);
    env.ok(&["sync"]);
    let got = env.ok_in(&b, &["sync"]);
    assert!(got.contains("received"), "{got}");

    // Both step on the same article at once; A syncs first.
    env.step("editor", "review", &article);
    env.ok_in(
        &b,
        &[
            "review",
            &article,
            "--key",
            env.key("deputy").to_str().unwrap(),
        ],
    );
    let b_review = env.git_in(&b, &["rev-parse", "HEAD"]);
    let landed = env.ok(&["sync"]);
    assert!(landed.contains("sent 1 commits"), "{landed}");
    let deputy = env.key("deputy");
    let out = env.stp_in(&b, &["sync", "--key", deputy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 of your commits were not sent"), "{err}");
    assert!(err.contains("kept on branch stp-unsent/main-1"), "{err}");
    assert_eq!(
        env.git_in(&b, &["rev-parse", "stp-unsent/main-1"]),
        b_review
    );
    assert_eq!(
        env.git_in(&b, &["rev-parse", "HEAD"]),
        env.git(&["rev-parse", "HEAD"])
    );
    assert_eq!(
        env.git_in(&b, &["ls-remote", "origin", "refs/heads/main"])
            .split('\t')
            .next()
            .unwrap(),
        env.git(&["rev-parse", "HEAD"]).trim()
    );
    assert!(env.ok_in(&b, &["sync"]).contains("up to date"));
    all_verified(&env, &env.site);
    all_verified(&env, &b);
    let log = std::fs::read_to_string(&server.log).unwrap();
    assert!(
        log.matches("Accepted publickey").count() >= 6,
        "every fetch and push went through sshd:\n{log}"
    );
}

#[test]
fn an_unreachable_server_is_refused_with_what_to_check() {
    let env = Env::board();
    env.git(&[
        "remote",
        "add",
        "origin",
        "khong-co-may-chu.invalid:/srv/site.git",
    ]);
    let out = env.stp(&["sync"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot fetch from khong-co-may-chu.invalid:/srv/site.git"),
        "{err}"
    );
    assert!(err.contains("git remote -v"), "{err}");
}
