//! Content bound to approval: an edit to a published article never reaches the site until
//! its revision is published; a content change voids the steps signed before it; withdraw
//! takes an article down; return and refusal carry their reason and ground into the log.

use crate::kit::repo::Env;

#[test]
fn the_site_keeps_the_signed_version_until_the_revision_is_published() {
    let env = Env::board();
    let article = env.draft("sua", "Bản đã ký.");
    env.publish(&article);
    let signed = env.read(&article);
    env.write(
        &article,
        &signed.replace("Bản đã ký.", "Bản sửa chưa duyệt."),
    );
    env.forge(None, "edit the published article", &[]);
    assert!(env.on_site("sua"));
    assert!(env.page("sua").contains("Bản đã ký."));
    assert!(!env.page("sua").contains("chưa duyệt"));

    env.step("contributor", "submit", &article);
    env.step("editor", "review", &article);
    env.step("verifier", "verify", &article);
    env.step("approver", "approve", &article);
    env.ok(&["build"]);
    assert!(
        env.page("sua").contains("Bản đã ký."),
        "revisions in progress never leak"
    );
    env.ok(&["publish", "--key", env.key("secretary").to_str().unwrap()]);
    assert!(env.page("sua").contains("Bản sửa chưa duyệt."));
    let (clean, _) = env.audit();
    assert!(clean, "editing content is not a status change");
}

#[test]
fn a_content_change_after_a_step_voids_it() {
    let env = Env::board();
    let article = env.draft("doi", "Đã xác thực.");
    env.step("contributor", "submit", &article);
    env.step("editor", "review", &article);
    env.step("verifier", "verify", &article);
    let text = env.read(&article);
    env.write(&article, &text.replace("Đã xác thực.", "Lén sửa."));
    env.forge(None, "sneak an edit in", &[]);
    let err = env.refused(&[
        "approve",
        &article,
        "--key",
        env.key("approver").to_str().unwrap(),
    ]);
    assert!(err.contains("is submitted"), "{err}");
    assert!(env.log(&article).contains("the step is void"));
    // The revision goes through the steps again.
    env.step("editor", "review", &article);
    env.step("verifier", "verify", &article);
    env.step("approver", "approve", &article);
}

#[test]
fn withdraw_takes_the_article_off_the_site() {
    let env = Env::board();
    let article = env.draft("go", "Gỡ.");
    env.publish(&article);
    assert!(env.on_site("go"));
    let err = env.refused(&[
        "withdraw",
        &article,
        "--reason",
        "Hết hiệu lực",
        "--key",
        env.key("secretary").to_str().unwrap(),
    ]);
    assert!(err.contains("does not hold the approver role"), "{err}");
    env.ok(&[
        "withdraw",
        &article,
        "--reason",
        "Hết hiệu lực",
        "--key",
        env.key("approver").to_str().unwrap(),
    ]);
    assert!(!env.on_site("go"));
    let log = env.log(&article);
    assert!(
        log.contains("withdraw") && log.contains("reason: Hết hiệu lực"),
        "{log}"
    );
}

#[test]
fn return_and_reject_carry_their_reason_and_ground_into_the_log() {
    let env = Env::board();
    let article = env.draft("tra", "Trả.");
    env.step("contributor", "submit", &article);
    env.step("editor", "review", &article);
    env.ok(&[
        "return",
        &article,
        "--reason",
        "Thiếu nguồn số liệu",
        "--key",
        env.key("verifier").to_str().unwrap(),
    ]);
    env.step("contributor", "submit", &article);
    let out = env.stp(&[
        "reject",
        &article,
        "--ground",
        "e",
        "--reason",
        "x",
        "--key",
        env.key("editor").to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown ground is a usage error"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("Điều 12.3"));
    env.ok(&[
        "reject",
        &article,
        "--ground",
        "c",
        "--reason",
        "Thông tin sai sự thật",
        "--key",
        env.key("editor").to_str().unwrap(),
    ]);
    let log = env.log(&article);
    assert!(log.contains("return   edited -> returned"), "{log}");
    assert!(log.contains("reason: Thiếu nguồn số liệu"), "{log}");
    assert!(log.contains("reject   submitted -> rejected"), "{log}");
    assert!(log.contains("ground: Điều 12.3.c"), "{log}");
    assert!(log.contains("reason: Thông tin sai sự thật"), "{log}");
    let err = env.refused(&[
        "submit",
        &article,
        "--key",
        env.key("contributor").to_str().unwrap(),
    ]);
    assert!(err.contains("is rejected"), "{err}");
    assert!(!env.on_site("tra"));
}

#[test]
fn a_bundles_files_come_from_the_publish_commit() {
    let env = Env::board();
    let article = "content/tin-tuc/goi/index.md";
    env.write(
        article,
        "---\ntitle: \"Gói\"\ndate: 2026-11-20\nstatus: draft\nattachments:\n  - file: bao-cao.pdf\n    title: \"Báo cáo\"\n---\n\nGói.\n",
    );
    env.write("content/tin-tuc/goi/bao-cao.pdf", "%PDF-1.4 bản đã duyệt");
    env.git(&["add", "-A"]);
    env.git(&["commit", "-q", "-m", "bundle"]);
    env.publish(article);
    env.write("content/tin-tuc/goi/bao-cao.pdf", "%PDF-1.4 bản thay lén");
    env.forge(None, "replace the attachment", &[]);
    assert!(env.on_site("goi"));
    let pdf = std::fs::read_to_string(env.site.join("public/tin-tuc/goi/bao-cao.pdf")).unwrap();
    assert!(pdf.contains("bản đã duyệt"), "{pdf}");
}
