//! `stp publish` in a clone of a shared site sends the publish to the shared repository
//! itself (the secretary no longer has to remember `stp sync`) and says so; when another
//! clone's commits came first it is signed again on top of them; when the shared
//! repository cannot be reached the publish stays signed here, the public site is built,
//! and the error says how to send it later; `--no-sync` sends nothing.

use std::path::PathBuf;

use crate::kit::repo::Env;
use crate::kit::{stderr, stdout};

/// A board site with a shared bare repository as `origin`, everything sent; an article
/// approved and waiting for the secretary.
fn shared_site() -> (Env, PathBuf, String) {
    let env = Env::board();
    let bare = env.site.parent().unwrap().join("shared.git");
    let init = env.run_in(
        &env.home,
        "git",
        &["init", "-q", "--bare", bare.to_str().unwrap()],
    );
    assert!(init.status.success());
    env.git(&["remote", "add", "origin", bare.to_str().unwrap()]);
    let article = env.draft("hop-bao", "Thông cáo họp báo.");
    env.approve(&article);
    env.ok(&["sync"]);
    (env, bare, article)
}

fn remote_head(env: &Env, bare: &std::path::Path) -> String {
    env.git(&["--git-dir", bare.to_str().unwrap(), "rev-parse", "main"])
        .trim()
        .to_string()
}

fn publish(env: &Env, extra: &[&str]) -> std::process::Output {
    let key = env.key("secretary");
    let mut args = vec!["publish", "--key", key.to_str().unwrap()];
    args.extend_from_slice(extra);
    env.stp(&args)
}

#[test]
fn the_publish_reaches_the_shared_repository_and_says_so() {
    let (env, bare, _) = shared_site();
    let out = publish(&env, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("sent 1 commits to origin"),
        "{}",
        stdout(&out)
    );
    let head = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    assert_eq!(
        remote_head(&env, &bare),
        head,
        "the shared repository has the publish"
    );
    assert!(env.git(&["log", "-1", "--format=%s"]).contains("publish"));
    assert!(env.site.join("public/tin-tuc/hop-bao/index.html").is_file());
}

#[test]
fn another_clones_commits_first_the_publish_is_signed_again_on_top_and_built_from_that() {
    let (env, bare, _) = shared_site();
    // Another member drafts and submits in a clone of their own, and sends first.
    let b = env.site.parent().unwrap().join("clone-b");
    let clone = env.run_in(
        &env.home,
        "git",
        &["clone", "-q", bare.to_str().unwrap(), b.to_str().unwrap()],
    );
    assert!(clone.status.success());
    crate::kit::write(
        &b.join("content/tin-tuc/tin-khac.md"),
        "---\ntitle: \"Tin khác\"\ndate: 2026-11-21\nstatus: draft\n---\n\nTin khác.\n",
    );
    env.git_in(&b, &["add", "-A"]);
    env.git_in(&b, &["commit", "-q", "-m", "draft tin-khac"]);
    let key = env.key("contributor");
    env.ok_in(&b, &["submit", "tin-khac", "--key", key.to_str().unwrap()]);
    env.ok_in(&b, &["sync"]);
    let theirs = remote_head(&env, &bare);

    let out = publish(&env, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("received") && said.contains("signed again on top of theirs"),
        "{said}"
    );
    let head = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    assert_eq!(remote_head(&env, &bare), head);
    let ancestor = env.run_in(
        &env.site,
        "git",
        &["merge-base", "--is-ancestor", &theirs, &head],
    );
    assert!(
        ancestor.status.success(),
        "their commits are kept under ours"
    );
    assert!(env.site.join("public/tin-tuc/hop-bao/index.html").is_file());
    let (clean, report) = env.audit();
    assert!(clean, "{report}");
}

#[test]
fn an_unreachable_shared_repository_leaves_the_publish_signed_here_and_says_how_to_send_it() {
    let (env, bare, _) = shared_site();
    let before = remote_head(&env, &bare);
    let moved = bare.with_file_name("moved.git");
    std::fs::rename(&bare, &moved).unwrap();
    let out = publish(&env, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("error: published and signed in this clone, but not sent to origin")
            && err.contains("hint: send it with `stp sync --remote origin`"),
        "{err}"
    );
    assert!(
        env.git(&["log", "-1", "--format=%s"]).contains("publish"),
        "signed here"
    );
    assert!(
        env.site.join("public/tin-tuc/hop-bao/index.html").is_file(),
        "and built"
    );
    std::fs::rename(&moved, &bare).unwrap();
    assert_eq!(remote_head(&env, &bare), before, "nothing half-sent");
    let later = env.ok(&["sync"]);
    assert!(later.contains("sent 1 commits"), "{later}");
}

#[test]
fn no_sync_sends_nothing() {
    let (env, bare, _) = shared_site();
    let before = remote_head(&env, &bare);
    let out = publish(&env, &["--no-sync"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("sent"), "{}", stdout(&out));
    assert_eq!(remote_head(&env, &bare), before);
}
