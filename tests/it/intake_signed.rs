//! Intake on a site with a signed history: the secretary's `submit` is a signed commit
//! that keeps the source message (the secretary role alone may take in), the article then
//! goes through the board's steps, and a key without the right is refused with nothing
//! left behind.

use crate::kit::repo::Env;

const MAIL: &str = "From: =?utf-8?Q?Nguy=E1=BB=85n_V=C4=83n_An?= <an@lt.binhphuoc.gov.vn>\r\n\
To: bbt.stp@binhphuoc.gov.vn\r\n\
Subject: =?utf-8?Q?H=E1=BB=99i_ngh=E1=BB=8B_h=C3=B2a_gi=E1=BA=A3i_c=C6=A1_s=E1=BB=9F?=\r\n\
Date: Mon, 04 May 2026 08:00:00 +0700\r\n\
MIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: 8bit\r\n\
\r\n\
Phòng Tư pháp huyện Lộc Ninh tổ chức hội nghị hòa giải cơ sở.\r\n\
Đơn vị: Phòng Tư pháp huyện Lộc Ninh\r\n\
Điện thoại: 0271 3000 111\r\n";

fn intake(env: &Env, who: &str) -> std::process::Output {
    let mail = env.home.join("bai.eml");
    std::fs::write(&mail, MAIL).unwrap();
    env.stp(&[
        "intake",
        mail.to_str().unwrap(),
        "--section",
        "tin-tuc",
        "--key",
        env.key(who).to_str().unwrap(),
    ])
}

#[test]
fn intake_is_a_signed_submit_that_the_board_takes_to_the_site() {
    let env = Env::board();
    env.keygen("thu-ky");
    // The secretary role alone: Điều 11.1 makes the secretary the point of intake.
    env.add_person("thu-ky", &["secretary"]);
    let out = intake(&env, "thu-ky");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let article = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(article.starts_with("content/tin-tuc/"), "{article}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("submitted by thu-ky"));

    // The commit holds the article and the source message, and git verifies it.
    let files = env.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(files.contains(&article), "{files}");
    assert!(
        files.contains("/nguon/"),
        "the source message is kept: {files}"
    );
    let log = env.log(&article);
    assert!(log.contains("submitted"), "{log}");
    assert!(log.contains("thu-ky"), "{log}");

    env.step("editor", "review", &article);
    env.step("verifier", "verify", &article);
    env.step("approver", "approve", &article);
    env.ok(&["publish", "--key", env.key("secretary").to_str().unwrap()]);
    env.ok(&["build"]);
    let slug = article
        .trim_start_matches("content/tin-tuc/")
        .trim_end_matches("/index.md");
    let page = std::fs::read_to_string(env.site.join(format!("public/tin-tuc/{slug}/index.html")))
        .unwrap();
    assert!(page.contains("hội nghị hòa giải cơ sở"), "{page}");
    assert!(
        !env.site
            .join(format!("public/tin-tuc/{slug}/nguon"))
            .exists(),
        "the record is never published"
    );
}

#[test]
fn intake_by_a_key_without_the_right_leaves_nothing() {
    let env = Env::board();
    let before = env.git(&["rev-parse", "HEAD"]);
    let out = intake(&env, "editor");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("refused:"), "{err}");
    assert_eq!(env.git(&["rev-parse", "HEAD"]), before, "no commit");
    let status = env.git(&["status", "--porcelain"]);
    assert!(status.trim().is_empty(), "nothing half-written: {status}");
}
