//! `stp sync` between two clones of one site sharing a bare repository: steps on different
//! articles are both kept (the later ones signed again on top), steps on the same article
//! let the first one land and refuse the other with a clear message, keeping it on a
//! branch; after each sync `git verify-commit` and `stp audit` pass on both clones.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::kit::repo::Env;

/// A board site `A` pushed to a bare repository, and a clone `B` of it.
struct Clones {
    env: Env,
    b: PathBuf,
}

fn clones() -> Clones {
    let env = Env::board();
    env.add_person("deputy", &["editor"]);
    let bare = env.shared_remote();
    let sent = env.ok(&["sync"]);
    assert!(sent.contains("sent"), "{sent}");
    let b = env.site.parent().unwrap().join("clone-b");
    let out = env.run_in(
        &env.home,
        "git",
        &["clone", "-q", bare.to_str().unwrap(), b.to_str().unwrap()],
    );
    assert!(out.status.success(), "{out:?}");
    Clones { env, b }
}

impl Clones {
    fn stp_b(&self, args: &[&str]) -> Output {
        self.env.stp_in(&self.b, args)
    }

    fn ok_b(&self, args: &[&str]) -> String {
        self.env.ok_in(&self.b, args)
    }

    fn step_b(&self, who: &str, action: &str, article: &str) {
        self.ok_b(&[
            action,
            article,
            "--key",
            self.env.key(who).to_str().unwrap(),
        ]);
    }

    fn git_b(&self, args: &[&str]) -> String {
        self.env.git_in(&self.b, args)
    }

    /// `git verify-commit` accepts every stp commit, and `stp audit` finds nothing, in `dir`.
    fn all_verified(&self, dir: &Path) {
        let signers = dir.join(".git/allowed_signers");
        let out = self.env.stp_in(
            dir,
            &[
                "people",
                "export-allowed-signers",
                signers.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{out:?}");
        let allowed = format!("gpg.ssh.allowedSignersFile={}", signers.display());
        let log = self.env.run_in(dir, "git", &["log", "--format=%H %s"]);
        let log = String::from_utf8_lossy(&log.stdout).into_owned();
        for line in log.lines().filter(|l| l.contains(" stp:")) {
            let id = line.split(' ').next().unwrap();
            let out = self
                .env
                .run_in(dir, "git", &["-c", &allowed, "verify-commit", id]);
            assert!(out.status.success(), "{line}: {out:?}");
        }
        let merges = self
            .env
            .run_in(dir, "git", &["rev-list", "--merges", "HEAD"]);
        assert!(merges.stdout.is_empty(), "history stays linear");
        let out = self.env.stp_in(dir, &["audit"]);
        assert!(out.status.success(), "audit in {}: {out:?}", dir.display());
    }

    /// Two articles submitted on A, and both clones in step.
    fn two_submitted(&self) -> (String, String) {
        let x = self.env.draft("bai-x", "Bài X.");
        let y = self.env.draft("bai-y", "Bài Y.");
        self.env.step("contributor", "submit", &x);
        self.env.step("contributor", "submit", &y);
        self.env.ok(&["sync"]);
        self.ok_b(&["sync"]);
        (x, y)
    }

    fn state_in(&self, dir: &Path, article: &str) -> String {
        let out = self.env.stp_in(dir, &["status", "--json"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["article"] == article)
            .map(|a| a["state"].as_str().unwrap().to_string())
            .unwrap_or_default()
    }
}

#[test]
fn the_first_step_on_an_article_lands_and_the_other_is_refused_and_kept() {
    let c = clones();
    let env = &c.env;
    let article = env.draft("cung-bai", "Cùng một bài.");
    env.step("contributor", "submit", &article);
    env.ok(&["sync"]);
    let got = c.ok_b(&["sync"]);
    assert!(got.contains("received"), "{got}");
    assert_eq!(c.state_in(&c.b, &article), "submitted");

    // Both editors review the same article at once, each on their own clone.
    env.step("editor", "review", &article);
    c.step_b("deputy", "review", &article);
    let b_review = c.git_b(&["rev-parse", "HEAD"]).trim().to_string();
    let landed = env.ok(&["sync"]);
    assert!(landed.contains("sent 1 commits"), "{landed}");

    let out = c.stp_b(&["sync", "--key", env.key("deputy").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 of your commits were not sent"), "{err}");
    assert!(err.contains(&format!("`stp: review {article}`")), "{err}");
    assert!(
        err.contains(&format!(
            "{article} was changed by `stp: review {article}` by Người editor"
        )),
        "{err}"
    );
    assert!(
        err.contains("nothing is lost: they are kept on branch stp-unsent/main-1"),
        "{err}"
    );
    assert!(err.contains("hint: see where the article is now"), "{err}");

    // Nothing is lost: B's own review is on the branch; B now follows the shared history.
    let kept = c.git_b(&["rev-parse", "stp-unsent/main-1"]);
    assert_eq!(kept.trim(), b_review);
    assert_eq!(
        c.git_b(&["rev-parse", "HEAD"]),
        env.git(&["rev-parse", "HEAD"])
    );
    let log = String::from_utf8_lossy(&c.stp_b(&["log", &article]).stdout).into_owned();
    assert!(log.contains("(editor, editor)"), "{log}");
    assert!(!log.contains("(deputy, editor)"), "{log}");
    assert!(
        std::fs::read_to_string(c.b.join(&article))
            .unwrap()
            .contains("status: edited")
    );
    assert!(c.ok_b(&["sync"]).contains("up to date"));
    c.all_verified(&env.site);
    c.all_verified(&c.b);
}

#[test]
fn steps_on_different_articles_are_both_kept_ours_signed_again_on_top() {
    let c = clones();
    let env = &c.env;
    let (x, y) = c.two_submitted();

    env.step("editor", "review", &x);
    c.step_b("deputy", "review", &y);
    let b_before = c.git_b(&["rev-parse", "HEAD"]);
    env.ok(&["sync"]);

    // B's review must be signed again on top of A's, which needs B's key.
    let out = c.stp_b(&["sync"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs your key; nothing was changed"), "{err}");
    assert_eq!(c.git_b(&["rev-parse", "HEAD"]), b_before);

    let done = c.ok_b(&["sync", "--key", env.key("deputy").to_str().unwrap()]);
    assert!(done.contains("received 1 commits"), "{done}");
    assert!(done.contains("signed again on top of theirs"), "{done}");
    assert!(done.contains("sent 1 commits"), "{done}");
    let message = c.git_b(&["log", "-1", "--format=%B"]);
    assert!(message.contains(&format!("Stp-Article: {y}")), "{message}");
    let got = env.ok(&["sync"]);
    assert!(got.contains("received 1 commits"), "{got}");
    for dir in [&env.site, &c.b] {
        assert_eq!(c.state_in(dir, &x), "edited");
        assert_eq!(c.state_in(dir, &y), "edited");
    }
    let log = env.log(&y);
    assert!(log.contains("(deputy, editor)"), "{log}");
    c.all_verified(&env.site);
    c.all_verified(&c.b);

    // The rest of the path still works across clones.
    env.step("verifier", "verify", &y);
    env.step("approver", "approve", &y);
    env.ok(&["sync"]);
    c.ok_b(&["sync"]);
    c.ok_b(&["publish", "--key", env.key("secretary").to_str().unwrap()]);
    c.ok_b(&["sync"]);
    env.ok(&["sync"]);
    assert!(env.on_site("bai-y"));
    c.all_verified(&env.site);
}

#[test]
fn sync_without_a_remote_says_how_to_add_one() {
    let env = Env::board();
    let err = env.refused(&["sync"]);
    assert!(err.contains("no remote `origin`"), "{err}");
    assert!(err.contains("git remote add origin PATH"), "{err}");
}

#[test]
fn a_step_that_would_not_be_valid_on_top_of_theirs_is_not_signed_again() {
    let c = clones();
    let env = &c.env;
    let y = env.draft("bai-y", "Bài Y.");
    env.step("contributor", "submit", &y);
    env.ok(&["sync"]);
    c.ok_b(&["sync"]);

    // The admin removes the deputy on A while the deputy reviews on B.
    env.ok(&[
        "people",
        "remove",
        "deputy",
        "--signing-key",
        env.key("admin").to_str().unwrap(),
    ]);
    env.ok(&["sync"]);
    c.step_b("deputy", "review", &y);
    let out = c.stp_b(&["sync", "--key", env.key("deputy").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("would not be valid"), "{err}");
    assert!(
        err.contains("not in the trusted workflow/people.toml"),
        "{err}"
    );
    assert!(err.contains("stp-unsent/main-1"), "{err}");
    assert_eq!(
        c.git_b(&["rev-parse", "HEAD"]),
        env.git(&["rev-parse", "HEAD"])
    );
    assert_eq!(c.state_in(&c.b, &y), "submitted");
    c.all_verified(&c.b);
}

#[test]
fn only_the_users_own_and_unsigned_commits_are_done_again() {
    let c = clones();
    let env = &c.env;
    let (x, y) = c.two_submitted();
    env.step("editor", "review", &x);
    env.ok(&["sync"]);

    // On B: an unsigned draft, the contributor's submit of it, the deputy's review of Y.
    let z = "content/tin-tuc/bai-z.md";
    std::fs::write(
        c.b.join(z),
        "---\ntitle: \"Tin Z\"\ndate: 2026-11-20\n---\n\nBài Z.\n",
    )
    .unwrap();
    c.git_b(&["add", "-A"]);
    c.git_b(&["commit", "-q", "-m", "draft z"]);
    c.step_b("contributor", "submit", z);
    c.step_b("deputy", "review", &y);

    let out = c.stp_b(&["sync", "--key", env.key("deputy").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 of your commits were not sent"), "{err}");
    assert!(
        err.contains(&format!(
            "`stp: submit {z}`: it is signed by Người contributor's key"
        )),
        "{err}"
    );
    assert!(err.contains("and your other commits"), "{err}");
    let sent = c.git_b(&["log", "--format=%s", "origin/main", "-3"]);
    assert_eq!(
        sent.lines().collect::<Vec<_>>(),
        [
            format!("stp: review {y}").as_str(),
            "draft z",
            &format!("stp: review {x}")
        ]
    );
    assert_eq!(c.state_in(&c.b, &y), "edited");
    assert!(c.b.join(z).is_file(), "the draft came along, unsigned");
    // The branch keeps the old tip: everything of ours, as it was signed.
    let kept = c.git_b(&["log", "--format=%s", "-3", "stp-unsent/main-1"]);
    assert_eq!(
        kept.lines().collect::<Vec<_>>(),
        [
            format!("stp: review {y}").as_str(),
            &format!("stp: submit {z}"),
            "draft z"
        ]
    );
    c.all_verified(&c.b);
}

#[test]
fn two_clones_syncing_the_same_article_at_the_same_moment_land_exactly_one() {
    let c = clones();
    let env = &c.env;
    let (x, _) = c.two_submitted();
    env.step("editor", "review", &x);
    c.step_b("deputy", "review", &x);
    let a_review = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    let b_review = c.git_b(&["rev-parse", "HEAD"]).trim().to_string();

    let sync_in = |dir: &Path, who: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_stp"))
            .env("STP_LANG", "en")
            .current_dir(dir)
            .env("HOME", &env.home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("STP_KEY")
            .env_remove("STP_TRUST_ROOT")
            .args(["sync", "--key", env.key(who).to_str().unwrap()])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = sync_in(&env.site, "editor");
    let b = sync_in(&c.b, "deputy");
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(
        a.status.success() != b.status.success(),
        "exactly one lands:\nA {a:?}\nB {b:?}"
    );
    let (loser_dir, loser_review, winner_review, loser_key) = if a.status.success() {
        (c.b.clone(), b_review, a_review, "deputy")
    } else {
        (env.site.clone(), a_review, b_review, "editor")
    };
    let loser = if a.status.success() { &b } else { &a };
    let err = String::from_utf8_lossy(&loser.stderr);
    assert!(
        err.contains("nothing was lost") || err.contains("nothing is lost"),
        "{err}"
    );

    // The loser syncs again (if the race ended at the push) and is refused, keeping its step.
    let again = c.env.stp_in(
        &loser_dir,
        &["sync", "--key", env.key(loser_key).to_str().unwrap()],
    );
    let again_err = String::from_utf8_lossy(&again.stderr);
    assert!(
        again.status.success() || again_err.contains("were not sent"),
        "{again:?}"
    );
    let kept = c
        .env
        .run_in(&loser_dir, "git", &["rev-parse", "stp-unsent/main-1"]);
    assert_eq!(String::from_utf8_lossy(&kept.stdout).trim(), loser_review);
    for dir in [&env.site, &c.b] {
        c.env.stp_in(dir, &["sync"]);
        let head = c.env.run_in(dir, "git", &["rev-parse", "HEAD"]);
        assert_eq!(String::from_utf8_lossy(&head.stdout).trim(), winner_review);
        assert_eq!(c.state_in(dir, &x), "edited");
        c.all_verified(dir);
    }
}
