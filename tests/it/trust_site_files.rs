//! The whole public site comes from what the right people signed: the site files
//! (`site.toml`, `themes/`, `static/`) reach the public build only through a signed site
//! change (proposed by a site administrator, approved by another approver, posted with the
//! next publish). Each attack below is made with git itself, as someone with push access
//! would, on a real repository with real ssh-keygen keys, and the real binary judges it.

use crate::kit::repo::Env;

/// A board with a site administrator and one published article.
fn published_site() -> (Env, String) {
    let env = Env::board();
    env.keygen("webmaster");
    env.add_person("webmaster", &["site-admin"]);
    let article = env.draft("tin-dau", "Nội dung đã ký.");
    env.publish(&article);
    (env, article)
}

/// Commits `change` unsigned, builds the public site, and checks the output is
/// byte-identical to the one before and that audit exits 1 naming `named`.
fn unsigned_change_changes_nothing(env: &Env, change: impl FnOnce(&Env), named: &str) {
    env.ok(&["build"]);
    let before = crate::kit::files(&env.site.join("public"));
    assert!(!before.is_empty());
    change(env);
    let commit = env.forge(None, "chỉnh giao diện", &[]);
    env.ok(&["build"]);
    let after = crate::kit::files(&env.site.join("public"));
    assert!(
        before == after,
        "the public output changed after an unsigned commit to {named}"
    );
    let out = env.stp(&["audit"]);
    assert_eq!(out.status.code(), Some(1), "audit must fail");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with(&commit[..10]))
        .unwrap_or_else(|| panic!("audit does not name {commit}:\n{text}"));
    assert!(line.contains(named), "{line}");
}

#[test]
fn an_unsigned_script_in_the_base_template_reaches_no_page() {
    let (env, _) = published_site();
    unsigned_change_changes_nothing(
        &env,
        |env| {
            let t = env.read("themes/default/templates/base.html");
            env.write(
                "themes/default/templates/base.html",
                &t.replace("</body>", "<script>alert(1)</script></body>"),
            );
        },
        "themes/default/templates/base.html",
    );
    let page = std::fs::read_to_string(env.site.join("public/index.html")).unwrap();
    assert!(!page.contains("alert(1)"));
}

#[test]
fn an_unsigned_theme_asset_and_i18n_change_reach_no_page() {
    let (env, _) = published_site();
    unsigned_change_changes_nothing(
        &env,
        |env| {
            env.write("themes/default/static/site.js", "alert(document.cookie)");
            let i = env.read("themes/default/i18n.toml");
            env.write("themes/default/i18n.toml", &format!("{i}\n# changed\n"));
        },
        "themes/default/static/site.js",
    );
}

#[test]
fn an_unsigned_static_page_does_not_replace_a_published_article() {
    let (env, _) = published_site();
    unsigned_change_changes_nothing(
        &env,
        |env| {
            env.write(
                "static/tin-tuc/tin-dau/index.html",
                "<h1>Bài giả mạo</h1><script>alert(1)</script>",
            )
        },
        "static/tin-tuc/tin-dau/index.html",
    );
    assert!(env.page("tin-dau").contains("Nội dung đã ký."));
}

#[test]
fn unsigned_settings_change_neither_title_nor_base_url_nor_menu() {
    let (env, _) = published_site();
    unsigned_change_changes_nothing(
        &env,
        |env| {
            let s = env.read("site.toml");
            let s = s
                .replacen(
                    "base_url = \"",
                    "base_url = \"https://attacker.example/x",
                    1,
                )
                .replacen("title = \"", "title = \"GIẢ MẠO ", 1);
            env.write(
                "site.toml",
                &format!("{s}\n[[menu]]\nname = \"Bấm\"\nurl = \"javascript:alert(1)\"\n"),
            );
        },
        "site.toml",
    );
    let home = std::fs::read_to_string(env.site.join("public/index.html")).unwrap();
    assert!(!home.contains("GIẢ MẠO") && !home.contains("attacker.example"));
}

#[test]
fn removing_a_section_unsigned_does_not_stop_the_public_build() {
    let (env, _) = published_site();
    unsigned_change_changes_nothing(
        &env,
        |env| {
            let s = env.read("site.toml");
            let slug = s.find("slug = \"tin-tuc\"").expect("site.toml has tin-tuc");
            let start = s[..slug].rfind("[[sections]]").unwrap();
            let cut = match s[slug..].find("[[sections]]") {
                Some(n) => format!("{}{}", &s[..start], &s[slug + n..]),
                None => s[..start].to_string(),
            };
            env.write("site.toml", &cut);
        },
        "site.toml",
    );
    assert!(env.on_site("tin-dau"));
    // Signed, it is refused while an article of the section is live.
    let err = env.refused(&[
        "site",
        "propose",
        "--key",
        env.key("webmaster").to_str().unwrap(),
    ]);
    assert!(err.contains("tin-tuc") && err.contains("is live"), "{err}");
}

#[test]
fn a_committed_static_symlink_to_etc_copies_nothing_out() {
    let (env, _) = published_site();
    env.ok(&["build"]);
    let before = crate::kit::files(&env.site.join("public"));
    std::fs::remove_dir_all(env.site.join("static")).ok();
    std::os::unix::fs::symlink("/etc", env.site.join("static")).unwrap();
    env.forge(None, "static", &[]);
    env.ok(&["build"]);
    assert!(!env.site.join("public/shadow").exists());
    assert!(!env.site.join("public/passwd").exists());
    assert!(before == crate::kit::files(&env.site.join("public")));
    // Proposing it as a signed change is refused too, and so is a preview.
    let err = env.refused(&[
        "site",
        "propose",
        "--key",
        env.key("webmaster").to_str().unwrap(),
    ]);
    assert!(
        err.contains("static") && err.contains("symbolic link"),
        "{err}"
    );
    let err = env.refused(&["build", "--preview", "--out", "../xem-truoc"]);
    assert!(err.contains("symbolic link"), "{err}");
}

#[test]
fn a_theme_outside_the_repository_is_refused() {
    let (env, _) = published_site();
    let s = env.read("site.toml");
    let s = if s.contains("theme = ") {
        s.replace("theme = \"default\"", "theme = \"../../elsewhere\"")
    } else {
        format!("theme = \"../../elsewhere\"\n{s}")
    };
    env.write("site.toml", &s);
    let err = env.refused(&["build", "--preview", "--out", "../xem-truoc"]);
    assert!(err.contains("elsewhere"), "{err}");
    let err = env.refused(&[
        "site",
        "propose",
        "--key",
        env.key("webmaster").to_str().unwrap(),
    ]);
    assert!(err.contains("elsewhere"), "{err}");
}

#[test]
fn a_signed_site_change_goes_live_with_the_next_publish() {
    let (env, _) = published_site();
    let key = |who: &str| env.key(who).display().to_string();
    let s = env.read("site.toml");
    let old_title = s
        .lines()
        .find(|l| l.starts_with("title = "))
        .expect("a title line")
        .to_string();
    env.write(
        "site.toml",
        &s.replacen(&old_title, "title = \"Cổng thông tin mới\"", 1),
    );
    // Only a site administrator proposes.
    let err = env.refused(&["site", "propose", "--key", &key("editor")]);
    assert!(err.contains("site-admin"), "{err}");
    let out = env.ok(&[
        "site",
        "propose",
        "--reason",
        "Đổi tên cổng",
        "--key",
        &key("webmaster"),
    ]);
    assert!(out.contains("site.toml"), "{out}");
    let diff = env.ok(&["site", "diff"]);
    assert!(diff.contains("+title = \"Cổng thông tin mới\""), "{diff}");
    // Proposed, not yet live.
    env.ok(&["build"]);
    let home = std::fs::read_to_string(env.site.join("public/index.html")).unwrap();
    assert!(!home.contains("Cổng thông tin mới"));
    let status = env.ok(&["status"]);
    assert!(
        status.contains("site files") && status.contains("proposed"),
        "{status}"
    );
    // The proposer may not approve even holding the approver role; a secretary may not.
    let err = env.refused(&["site", "approve", "--key", &key("secretary")]);
    assert!(err.contains("approver"), "{err}");
    env.ok(&["site", "approve", "--key", &key("approver")]);
    env.ok(&["build"]);
    let home = std::fs::read_to_string(env.site.join("public/index.html")).unwrap();
    assert!(
        !home.contains("Cổng thông tin mới"),
        "approved is not yet published"
    );
    env.ok(&["publish", "--key", &key("secretary")]);
    let home = std::fs::read_to_string(env.site.join("public/index.html")).unwrap();
    assert!(home.contains("Cổng thông tin mới"));
    let log = env.ok(&["log", "site"]);
    for word in ["propose", "approve", "publish", "Đổi tên cổng"] {
        assert!(log.contains(word), "{word} missing from:\n{log}");
    }
    let (clean, json) = env.audit();
    assert!(clean, "{json}");
    let verify = env.run_in(&env.site, "git", &["cat-file", "-p", "HEAD"]);
    assert!(String::from_utf8_lossy(&verify.stdout).contains("gpgsig"));
}

#[test]
fn the_proposer_cannot_approve_and_an_edit_after_proposing_voids_it() {
    let (env, _) = published_site();
    env.add_person("webmaster", &["site-admin", "approver"]);
    let key = |who: &str| env.key(who).display().to_string();
    env.write("static/thong-bao.txt", "Thông báo nghỉ lễ.");
    env.ok(&["site", "propose", "--key", &key("webmaster")]);
    let err = env.refused(&["site", "approve", "--key", &key("webmaster")]);
    assert!(err.contains("may not approve"), "{err}");
    // An unsigned edit after the proposal voids it: nothing waits for approval.
    env.write("static/thong-bao.txt", "Đã sửa sau khi đề xuất.");
    env.forge(None, "sửa", &[]);
    let err = env.refused(&["site", "approve", "--key", &key("approver")]);
    assert!(err.contains("no change of the site files waits"), "{err}");
    let log = env.ok(&["log", "site"]);
    assert!(log.contains("voided"), "{log}");
}

#[test]
fn a_returned_site_change_never_goes_live() {
    let (env, _) = published_site();
    let key = |who: &str| env.key(who).display().to_string();
    env.write("static/thong-bao.txt", "Thông báo.");
    env.ok(&["site", "propose", "--key", &key("webmaster")]);
    env.ok(&[
        "site",
        "return",
        "--reason",
        "Sai nội dung",
        "--key",
        &key("approver"),
    ]);
    let err = env.refused(&["publish", "--key", &key("secretary")]);
    assert!(err.contains("no approved article"), "{err}");
    env.ok(&["build"]);
    assert!(!env.site.join("public/thong-bao.txt").exists());
}

#[test]
fn reverting_an_unsigned_change_adds_no_finding_and_an_admin_ack_clears_audit() {
    let (env, _) = published_site();
    let t = env.read("themes/default/templates/base.html");
    env.write(
        "themes/default/templates/base.html",
        &t.replace("</body>", "<script>x()</script></body>"),
    );
    let bad = env.forge(None, "thêm script", &[]);
    env.git(&["revert", "--no-edit", &bad]);
    let (clean, json) = env.audit();
    assert!(!clean);
    let issues = json["issues"].as_array().unwrap();
    assert_eq!(issues.len(), 1, "the revert is not a finding: {json}");
    assert_eq!(issues[0]["commit"], bad);
    // Only an admin acknowledges, with a reason.
    let err = env.refused(&[
        "audit",
        "ack",
        &bad[..12],
        "--reason",
        "x",
        "--key",
        env.key("editor").to_str().unwrap(),
    ]);
    assert!(err.contains("not an admin"), "{err}");
    env.ok(&[
        "audit",
        "ack",
        &bad[..12],
        "--reason",
        "Đã hoàn tác bằng git revert; không lên trang",
        "--key",
        env.key("admin").to_str().unwrap(),
    ]);
    let out = env.stp(&["audit"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("acknowledged by quan-tri"), "{text}");
    assert!(
        text.contains(&bad[..10]),
        "the finding stays listed: {text}"
    );
}

#[test]
fn an_unsigned_edit_of_a_published_article_is_pending_in_audit_status_and_build() {
    let (env, article) = published_site();
    let text = env.read(&article);
    env.write(&article, &text.replace("Nội dung đã ký.", "Sửa lén."));
    env.forge(None, "sửa bài", &[]);
    let (_, json) = env.audit();
    assert_eq!(json["unsigned_edits"][0], article, "{json}");
    let out = env.stp(&["build"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&article) && err.contains("unsigned edits"),
        "{err}"
    );
    assert!(env.page("tin-dau").contains("Nội dung đã ký."));
    let status = env.ok(&["status"]);
    assert!(
        status.contains(&article) && status.contains("unsigned"),
        "{status}"
    );
}

/// The public build takes a live article's bytes from the working tree only when they
/// are the signed blob (same git id); anything else there is passed over for git.
#[test]
fn the_public_build_takes_from_the_working_tree_only_the_signed_bytes() {
    let (env, article) = published_site();
    let path = env.site.join(&article);
    let signed = std::fs::read(&path).unwrap();
    // An edit not committed, of the same length: the signed text is built.
    let text = String::from_utf8(signed.clone()).unwrap();
    env.write(
        &article,
        &text.replace("Nội dung đã ký.", "Nội dung đã sửa"),
    );
    env.ok(&["build"]);
    assert!(env.page("tin-dau").contains("Nội dung đã ký."));
    assert!(!env.page("tin-dau").contains("đã sửa"));
    // A symlink to a file of other text: not followed.
    let elsewhere = env.site.join("khac.md");
    std::fs::write(&elsewhere, text.replace("Nội dung đã ký.", "Nội dung khác")).unwrap();
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &path).unwrap();
    env.ok(&["build"]);
    assert!(env.page("tin-dau").contains("Nội dung đã ký."));
    // A FIFO nobody writes to: the build neither waits on it nor fails.
    std::fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    let mut build = env.stp_command(&["build"]);
    let mut child = build.spawn().unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("the public build waited on a FIFO at {article}");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(status.success());
    assert!(env.page("tin-dau").contains("Nội dung đã ký."));
    // The signed bytes themselves, back in place: the same page as from git.
    std::fs::remove_file(&path).unwrap();
    std::fs::write(&path, &signed).unwrap();
    let from_tree = env.page("tin-dau");
    env.ok(&["build"]);
    assert_eq!(env.page("tin-dau"), from_tree);
    // The article's folder a symlink to a folder outside holding other text under the
    // same name: the file is reached, its bytes are not the signed ones, git is read.
    let folder = path.parent().unwrap().to_path_buf();
    let outside = env.site.parent().unwrap().join("thu-muc-khac");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(
        outside.join(path.file_name().unwrap()),
        text.replace("Nội dung đã ký.", "Nội dung lạ."),
    )
    .unwrap();
    std::fs::rename(&folder, env.site.join("cat-di")).unwrap();
    std::os::unix::fs::symlink(&outside, &folder).unwrap();
    env.ok(&["build"]);
    let page = env.page("tin-dau");
    assert!(page.contains("Nội dung đã ký.") && !page.contains("Nội dung lạ."));
}

/// The repository lost the signed blob of a live article (a damaged clone, an object
/// deleted by hand). While the working tree still holds those very bytes, they are that
/// version and the page is built from them; once it does not (an edit, or the signed bytes
/// behind a symbolic link), the public build refuses, naming the article and what to do,
/// and the public site already built stays as it was.
#[test]
fn a_live_article_whose_signed_blob_is_gone_is_built_only_from_the_same_bytes() {
    let (env, article) = published_site();
    let blob = env.blob(&article);
    let loose = env.loose_object(&blob);
    assert!(loose.is_file(), "the signed blob is a loose object here");
    std::fs::remove_file(&loose).unwrap();
    env.ok(&["build"]);
    assert!(env.page("tin-dau").contains("Nội dung đã ký."));
    let before = crate::kit::files(&env.site.join("public"));

    let text = env.read(&article);
    env.write(&article, &text.replace("Nội dung đã ký.", "Nội dung khác."));
    let out = env.stp(&["build"]);
    assert!(
        !out.status.success(),
        "the build went on without the signed text"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&article)
            && err.contains("missing from the repository")
            && err.contains("git fetch"),
        "{err}"
    );
    // The signed bytes behind a symbolic link at the article's path: not followed, so
    // not the article's file, and the build refuses as well.
    let path = env.site.join(&article);
    let elsewhere = env.site.join("../ban-da-ky.md");
    std::fs::write(&elsewhere, &text).unwrap();
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &path).unwrap();
    let out = env.stp(&["build"]);
    assert!(
        !out.status.success(),
        "a symbolic link stood in for the signed file"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("missing from the repository"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // In Vietnamese, the run's language by default.
    let out = env.stp_env(&["build"], &[("STP_LANG", "vi")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&article) && err.contains("không còn trong kho git"),
        "{err}"
    );
    assert!(
        before == crate::kit::files(&env.site.join("public")),
        "the refused build changed the public site"
    );
}
