//! Naming an article by its slug instead of its path, as a board member would type it:
//! every step of the pipeline by slug (and by section/slug) signs the same commits the
//! path does; a name that fits two articles, or none, is refused before anything is
//! signed, and the refusal lists the choices.

use crate::kit::repo::Env;
use crate::kit::stderr;

#[test]
fn every_step_by_slug_puts_the_article_on_the_site() {
    let env = Env::board();
    env.draft("hop-bao-cao-quy", "Nội dung cuộc họp báo quý.");
    env.step("contributor", "submit", "hop-bao-cao-quy");
    env.step("editor", "review", "tin-tuc/hop-bao-cao-quy");
    env.step("verifier", "verify", "content/tin-tuc/hop-bao-cao-quy");
    env.step("approver", "approve", "hop-bao-cao-quy");
    env.ok(&[
        "publish",
        "hop-bao-cao-quy",
        "--key",
        env.key("secretary").to_str().unwrap(),
    ]);
    assert!(env.on_site("hop-bao-cao-quy"));
    let log = env.log("hop-bao-cao-quy");
    for step in ["submit", "review", "verify", "approve", "publish"] {
        assert!(log.contains(step), "{step} missing from the trail: {log}");
    }
    let (clean, _) = env.audit();
    assert!(clean, "every step by slug is a valid signed step");
}

#[test]
fn a_name_that_fits_two_articles_or_none_is_refused_and_nothing_is_signed() {
    let env = Env::board();
    env.draft("tap-huan", "Tin tập huấn.");
    env.write(
        "content/hoi-nghi-tap-huan/tap-huan.md",
        "---\ntitle: \"Tập huấn\"\ndate: 2026-11-20\nstatus: draft\n---\n\nHội nghị.\n",
    );
    env.git(&["add", "-A"]);
    env.git(&["commit", "-q", "-m", "second tap-huan"]);
    let head = env.git(&["rev-parse", "HEAD"]);

    let key = env.key("contributor");
    let out = env.stp(&["submit", "tap-huan", "--key", key.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("names 2 articles")
            && err.contains("content/hoi-nghi-tap-huan/tap-huan.md")
            && err.contains("content/tin-tuc/tap-huan.md")
            && err.contains("hint: add the section"),
        "{err}"
    );
    let out = env.stp(&["submit", "khong-co-bai-nay", "--key", key.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no article is named khong-co-bai-nay") && err.contains("stp status"),
        "{err}"
    );
    let out = env.stp(&["submit", "../../etc/passwd", "--key", key.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(env.git(&["rev-parse", "HEAD"]), head, "nothing was signed");

    // The section picks one.
    env.step("contributor", "submit", "tin-tuc/tap-huan");
    let said = env.log("content/tin-tuc/tap-huan.md");
    assert!(said.contains("submit"), "{said}");
    let other = env.stp(&["log", "hoi-nghi-tap-huan/tap-huan"]);
    assert!(
        stderr(&other).contains("content/hoi-nghi-tap-huan/tap-huan.md has no signed step"),
        "the other one was left alone: {}",
        stderr(&other)
    );
}
