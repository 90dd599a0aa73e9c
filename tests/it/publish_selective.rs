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
