//! `stp publish ARTICLE…` posts only the approved articles named (a legal document can wait
//! for its day) and `--dry-run` shows what would go live, checked as the step is, without
//! signing: through the real binary on a signed site.

use crate::kit::repo::Env;

fn approve(env: &Env, article: &str) {
    env.step("contributor", "submit", article);
    env.step("editor", "review", article);
    env.step("verifier", "verify", article);
    env.step("approver", "approve", article);
}

#[test]
fn only_the_named_articles_go_live_and_a_dry_run_signs_nothing() {
    let env = Env::board();
    let now = env.draft("dang-ngay", "Đăng ngay.");
    let later = env.draft("cho-hieu-luc", "Chờ ngày có hiệu lực.");
    approve(&env, &now);
    approve(&env, &later);
    let key = env.key("secretary");
    let key = key.to_str().unwrap();
    let head = env.git(&["rev-parse", "HEAD"]);

    let dry = env.ok(&["publish", "--dry-run", "--key", key]);
    assert!(
        dry.contains(&format!("would publish {now}: approved -> published")),
        "{dry}"
    );
    assert!(dry.contains(&format!("would publish {later}")), "{dry}");
    assert_eq!(
        env.git(&["rev-parse", "HEAD"]),
        head,
        "a dry run signs nothing"
    );
    assert!(!env.site.join("public").exists(), "and builds nothing");

    let json = crate::kit::versioned_json(&env.ok(&[
        "publish",
        &now,
        "--dry-run",
        "--json",
        "--key",
        key,
    ]));
    assert_eq!(json["dry_run"], true);
    assert_eq!(json["steps"].as_array().unwrap().len(), 1, "{json}");
    assert_eq!(json["steps"][0]["article"], now.as_str());

    env.ok(&["publish", &now, "--key", key]);
    assert!(env.on_site("dang-ngay"));
    assert!(!env.on_site("cho-hieu-luc"), "the other waits");
    assert!(env.log(&later).contains("approved"));

    // A draft named is refused like the step itself, and nothing is signed.
    let draft = env.draft("nhap", "Bản nháp.");
    let head = env.git(&["rev-parse", "HEAD"]);
    let err = env.refused(&["publish", &draft, "--dry-run", "--key", key]);
    assert!(err.contains(&draft), "{err}");
    let err = env.refused(&["publish", &draft, "--key", key]);
    assert!(err.contains(&draft), "{err}");
    assert_eq!(env.git(&["rev-parse", "HEAD"]), head);

    // Without names, what is still approved.
    let dry = env.ok(&["publish", "--dry-run", "--key", key]);
    assert!(dry.contains(&later) && !dry.contains(&now), "{dry}");
}

/// An approved article with `publish_at` is signed as usual but reaches the public site only
/// from that moment: a rebuild after it puts it online with nobody signing then.
#[test]
fn publish_at_holds_a_published_article_back_until_its_moment() {
    let env = Env::board();
    let article = "content/tin-tuc/hieu-luc.md";
    env.write(
        article,
        "---\ntitle: \"Nghị định có hiệu lực từ 1/1/2099\"\ndate: 2026-11-20\npublish_at: 2099-01-01 07:00\nstatus: draft\n---\n\nToàn văn.\n",
    );
    env.git(&["add", "-A"]);
    env.git(&["commit", "-q", "-m", "a scheduled article"]);
    env.publish(article);
    assert!(env.log(article).contains("published"));
    assert!(!env.on_site("hieu-luc"), "not online before its moment");
    let sitemap = std::fs::read_to_string(env.site.join("public/sitemap.xml")).unwrap();
    assert!(!sitemap.contains("hieu-luc"), "nor in the sitemap");
    // 2099-01-01 06:59 and 07:01 in Vietnam (UTC+7).
    let before = (4_070_908_800_i64 - 60).to_string();
    let after = (4_070_908_800_i64 + 60).to_string();
    let page = env.site.join("public/tin-tuc/hieu-luc/index.html");
    let out = env.stp_env(&["build"], &[("SOURCE_DATE_EPOCH", &before)]);
    assert!(out.status.success());
    assert!(!page.exists(), "a minute early");
    let out = env.stp_env(&["build"], &[("SOURCE_DATE_EPOCH", &after)]);
    assert!(out.status.success());
    assert!(page.is_file(), "online from its moment");
    // The preview shows it all along; a bad moment is refused with its line.
    env.ok(&["build", "--preview"]);
    assert!(
        env.site
            .join("preview/tin-tuc/hieu-luc/index.html")
            .is_file()
    );
    env.write(
        "content/tin-tuc/sai.md",
        "---\ntitle: \"Sai\"\ndate: 2026-11-20\npublish_at: 31/12/2099\nstatus: draft\n---\n\nX.\n",
    );
    let out = env.stp(&["check"]);
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("sai.md:4") && text.contains("publish_at"),
        "{text}"
    );
}
