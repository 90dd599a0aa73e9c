//! `stp adopt`: a Department's articles from before stp come in as published in one
//! admin-signed commit; articles with a signed history are refused; an adoption signed by
//! anyone but an admin grants nothing.

use crate::kit::repo::Env;

/// A site made with `stp init --example`: 69 articles committed before any step.
fn example_site() -> Env {
    let env = Env::bare();
    env.ok(&[
        "init",
        env.site.to_str().unwrap(),
        "--example",
        "--admin-key",
        env.key_pub("admin").to_str().unwrap(),
        "--admin-name",
        "Quản Trị",
    ]);
    env.add_person("editor", &["editor"]);
    env
}

fn published_count(env: &Env) -> usize {
    let status: serde_json::Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    status["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["state"] == "published" && a["live"] == true)
        .count()
}

#[test]
fn adopt_all_puts_every_article_of_an_existing_site_on_the_public_site_in_one_commit() {
    let env = example_site();
    let articles = env.git(&["ls-files", "content/*.md", "content/**/*.md"]);
    let count = articles.lines().count();
    assert!(count > 60, "{articles}");
    let before = env.git(&["rev-list", "--count", "HEAD"]);

    let out = env.ok(&[
        "adopt",
        "--all",
        "--key",
        env.key("admin").to_str().unwrap(),
    ]);
    assert!(out.contains(&format!("{count} articles adopted")), "{out}");
    let after = env.git(&["rev-list", "--count", "HEAD"]);
    assert_eq!(
        after.trim().parse::<u32>().unwrap(),
        before.trim().parse::<u32>().unwrap() + 1,
        "one commit"
    );
    let message = env.git(&["log", "-1", "--format=%B"]);
    assert_eq!(message.matches("Stp-Adopt: content/").count(), count);
    assert_eq!(message.matches("Stp-Blob: ").count(), count);
    assert_eq!(published_count(&env), count);

    let built = env.ok(&["build"]);
    assert!(
        built.contains(&format!("{count} published articles")),
        "{built}"
    );
    let public = env.site.join("public");
    assert!(
        public
            .join("tin-tuc/phieu-ly-lich-tu-phap-qua-vneid/index.html")
            .is_file()
    );
    // A bundle's file comes from the adoption commit's tree.
    assert!(public.join("van-ban/qd-12-2026/qd-12-2026.pdf").is_file());
    assert!(public.join("en/gioi-thieu/lich-su/index.html").is_file());

    let log = env.log("content/tin-tuc/phieu-ly-lich-tu-phap-qua-vneid.md");
    assert!(log.contains("adopted"), "{log}");
    assert!(log.contains("(quan-tri, admin)"), "{log}");
    assert!(log.contains("on the public site"), "{log}");
    assert!(
        env.read("content/van-ban/qd-12-2026/index.md")
            .contains("status: published")
    );

    let (clean, json) = env.audit();
    assert!(clean, "{json}");
    env.verify_head_with_git();

    let err = env.refused(&[
        "adopt",
        "--all",
        "--key",
        env.key("admin").to_str().unwrap(),
    ]);
    assert!(err.contains("nothing to adopt"), "{err}");
}

#[test]
fn an_article_with_a_signed_history_is_refused_by_name_and_skipped_by_all() {
    let env = Env::board();
    let done = env.draft("da-dang", "Đã đăng qua stp.");
    env.publish(&done);
    let old = env.draft("bai-cu", "Bài từ trước khi có stp.");
    let admin = env.key("admin");

    let err = env.refused(&["adopt", &done, &old, "--key", admin.to_str().unwrap()]);
    assert!(
        err.contains(&format!(
            "{done} already has a signed history (it is published)"
        )),
        "{err}"
    );
    assert!(err.contains("nothing was adopted"), "{err}");
    assert!(err.contains("hint: see its trail with `stp log"), "{err}");
    assert!(!env.on_site("bai-cu"));

    let out = env.ok(&["adopt", "--all", "--key", admin.to_str().unwrap()]);
    assert!(
        out.contains(&format!("{old}: adopted as published")),
        "{out}"
    );
    assert!(out.contains("left alone: 1 articles"), "{out}");
    assert!(!out.contains(&format!("{done}: adopted")), "{out}");
    assert!(env.on_site("bai-cu"));
    assert_eq!(env.log(&done).matches("adopted").count(), 0);

    // An adopted article is revised like any published one.
    env.write(&old, &env.read(&old).replace("trước khi", "TRƯỚC KHI"));
    env.step("contributor", "submit", &old);
    assert!(
        env.page("bai-cu").contains("trước khi"),
        "the adopted version stays live"
    );
}

#[test]
fn an_adoption_signed_by_a_non_admin_grants_nothing() {
    let env = Env::board();
    let article = env.draft("tu-nhan", "Tự nhận là đã đăng.");
    let err = env.refused(&[
        "adopt",
        &article,
        "--key",
        env.key("secretary").to_str().unwrap(),
    ]);
    assert!(err.contains("`secretary` is not an admin"), "{err}");

    // The same trailers, committed with git and the secretary's key, count for nothing.
    env.set_status(&article, "published");
    let message = format!(
        "stp: adopt {article} from before stp\n\nStp-Date: 2026-11-29\nStp-Adopt: {article}\nStp-Blob: {}\n",
        env.blob(&article)
    );
    env.forge(Some("secretary"), &message, &[]);
    assert!(!env.on_site("tu-nhan"));
    let (clean, json) = env.audit();
    assert!(!clean);
    let why = json["issues"][0]["why"].as_str().unwrap();
    assert!(why.contains("`secretary` is not an admin"), "{why}");
    let log = env.log(&article);
    assert!(log.contains("NOT VALID"), "{log}");

    // An unknown key fares no better.
    let article = env.draft("la", "Khóa lạ.");
    env.set_status(&article, "published");
    let message = format!(
        "stp: adopt\n\nStp-Adopt: {article}\nStp-Blob: {}\n",
        env.blob(&article)
    );
    env.forge(Some("outsider"), &message, &[]);
    assert!(!env.on_site("la"));
}
