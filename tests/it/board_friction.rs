//! What a board met in its first week, each tried as the board would: changing one
//! person's roles without losing the others, an untouched `stp new` article that must not
//! reach the board, and a home page that shows every section's news, the contacts and the
//! day each article was posted.

use crate::kit::repo::Env;
use crate::kit::{stderr, stdout};

/// The roles `stp people list` prints for `id`.
fn roles_of(env: &Env, id: &str) -> String {
    env.ok(&["people", "list"])
        .lines()
        .find(|l| l.starts_with(&format!("{id} ")))
        .and_then(|l| l.split('[').nth(1))
        .and_then(|r| r.split(']').next())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn adding_a_role_to_a_person_keeps_their_other_roles_unit_and_title() {
    let env = Env::board();
    let admin = env.key("admin");
    let admin = admin.to_str().unwrap();
    let key = env.key_pub("verifier");
    env.ok(&[
        "people",
        "add",
        "verifier",
        "--name",
        "Người verifier",
        "--role",
        "verifier",
        "--key",
        key.to_str().unwrap(),
        "--unit",
        "Văn phòng Sở",
        "--title",
        "Chánh Văn phòng",
        "--signing-key",
        admin,
    ]);
    // The hint after a refused step used to tell the admin to run exactly this.
    let said = env.ok(&[
        "people",
        "add",
        "verifier",
        "--name",
        "Người verifier",
        "--role",
        "approver",
        "--key",
        key.to_str().unwrap(),
        "--signing-key",
        admin,
    ]);
    assert!(said.contains("role granted: approver"), "{said}");
    assert_eq!(roles_of(&env, "verifier"), "verifier, approver");
    let people = env.read("workflow/people.toml");
    assert!(
        people.contains("Văn phòng Sở") && people.contains("Chánh Văn phòng"),
        "{people}"
    );
}

/// `stp people ACTION ID ROLE` signed by `who`'s key.
fn role_change(env: &Env, who: &str, action: &str, id: &str, role: &str) -> std::process::Output {
    let key = env.key(who);
    env.stp(&[
        "people",
        action,
        id,
        role,
        "--signing-key",
        key.to_str().unwrap(),
    ])
}

#[test]
fn grant_and_revoke_change_one_role_and_refuse_what_changes_nothing() {
    let env = Env::board();
    let out = role_change(&env, "admin", "grant", "editor", "verifier");
    assert!(stdout(&out).contains("role granted: verifier"), "{out:?}");
    assert_eq!(roles_of(&env, "editor"), "editor, verifier");
    let head = env.git(&["rev-parse", "HEAD"]);
    let again = role_change(&env, "admin", "grant", "editor", "verifier");
    assert!(
        !again.status.success() && stderr(&again).contains("changes nothing"),
        "{again:?}"
    );
    assert_eq!(
        env.git(&["rev-parse", "HEAD"]),
        head,
        "a refused change made a commit"
    );
    let out = role_change(&env, "admin", "revoke", "editor", "editor");
    assert!(stdout(&out).contains("role revoked: editor"), "{out:?}");
    assert_eq!(roles_of(&env, "editor"), "verifier");
    let last = role_change(&env, "admin", "revoke", "editor", "verifier");
    assert!(
        stderr(&last).contains("stp people remove editor"),
        "{last:?}"
    );
    // Only an admin changes roles.
    let not_admin = role_change(&env, "editor", "grant", "editor", "approver");
    assert!(stderr(&not_admin).contains("not an admin"), "{not_admin:?}");
    assert_eq!(roles_of(&env, "editor"), "verifier");
}

#[test]
fn a_refused_step_names_who_holds_the_role_and_the_grant_that_gives_it() {
    let env = Env::board();
    let article = env.draft("tin-thu", "Sở Tư pháp tổ chức hội nghị tập huấn.");
    env.step("contributor", "submit", &article);
    let said = env.refused(&[
        "review",
        &article,
        "--key",
        env.key("verifier").to_str().unwrap(),
    ]);
    assert!(said.contains("held by editor"), "{said}");
    assert!(said.contains("stp people grant verifier editor"), "{said}");
}

#[test]
fn an_untouched_new_legal_document_is_listed_by_check_and_refused_at_submit() {
    let env = Env::board();
    let rel = env.ok(&["new", "van-ban", "Quyết định ban hành kế hoạch"]);
    let rel = rel.trim();
    env.git(&["add", "-A"]);
    env.git(&["commit", "-q", "-m", "new"]);
    let out = env.stp(&["check"]);
    let listed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        !out.status.success(),
        "check passed an empty legal document:\n{listed}"
    );
    for field in [
        "document.number",
        "document.issuer",
        "document.excerpt",
        "placeholder",
    ] {
        assert!(
            listed.contains(field),
            "check does not list {field}:\n{listed}"
        );
    }
    assert!(
        listed.contains(&format!("{rel}:")),
        "no file and line:\n{listed}"
    );
    let said = env.refused(&[
        "submit",
        rel,
        "--key",
        env.key("contributor").to_str().unwrap(),
    ]);
    assert!(said.contains("document.number"), "{said}");
    assert!(said.contains("stp check"), "{said}");
    // Filled in, it goes.
    let text = env
        .read(rel)
        .replace("number: \"\"", "number: \"15/QĐ-STP\"")
        .replace("issuer: \"\"", "issuer: \"Sở Tư pháp\"")
        .replace(
            "excerpt: \"\"",
            "excerpt: \"Ban hành kế hoạch phổ biến pháp luật\"",
        )
        .replace(
            stp::content::PLACEHOLDER_BODY,
            "Quyết định ban hành kế hoạch năm 2027.",
        );
    env.write(rel, &text);
    env.write(&rel.replace("index.md", "van-ban.pdf"), "%PDF-1.4\n");
    env.step("contributor", "submit", rel);
}

#[test]
fn the_home_page_shows_article_sections_the_contacts_and_the_day_each_was_posted() {
    let env = Env::board();
    let news = env.draft("tin-hoi-nghi", "Sở Tư pháp tổ chức hội nghị tập huấn.");
    let dissemination = "content/pho-bien-phap-luat/diem-moi-luat-dat-dai.md";
    env.write(
        dissemination,
        "---\ntitle: \"Điểm mới của Luật Đất đai\"\ndate: 2026-11-20\nstatus: draft\n---\n\nLuật Đất đai năm 2024 có nhiều điểm mới.\n",
    );
    env.git(&["add", "-A"]);
    env.git(&["commit", "-q", "-m", "draft"]);
    env.publish(&news);
    env.publish(dissemination);
    env.ok(&["build"]);
    let home = std::fs::read_to_string(env.site.join("public/index.html")).unwrap();
    assert!(
        home.contains("Điểm mới của Luật Đất đai"),
        "the home page does not show the legal-dissemination section's article"
    );
    assert!(
        home.contains("id=\"lien-he-nhanh\""),
        "no contacts in the side column"
    );
    // The drafts say 20/11/2026 in `date:`; the board posted them today.
    let posted = crate::kit::repo::vietnam_today()
        .format("%Y-%m-%d")
        .to_string();
    let page = env.page("tin-hoi-nghi");
    let shown = |html: &str| {
        html.lines()
            .filter(|l| l.contains("<time"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        page.contains(&format!("Ngày đăng: <time datetime=\"{posted}\">")),
        "the article page does not show the day it was posted ({posted}):\n{}",
        shown(&page)
    );
    if posted != "2026-11-20" {
        assert!(
            !page.contains("datetime=\"2026-11-20\""),
            "the article page shows `date:`:\n{}",
            shown(&page)
        );
        assert!(
            !home.contains("datetime=\"2026-11-20\""),
            "the home page shows `date:`:\n{}",
            shown(&home)
        );
    }
}

#[test]
fn a_summary_picture_the_body_also_shows_appears_once() {
    let env = Env::board();
    let rel = "content/tin-tuc/hoi-truong/index.md";
    env.write(
        rel,
        "---\ntitle: \"Hội trường mới\"\ndate: 2026-11-20\nstatus: draft\nimage:\n  src: hoi-truong.png\n  alt: \"Hội trường Sở Tư pháp\"\n---\n\nSở Tư pháp khánh thành hội trường mới.\n\n![Hội trường Sở Tư pháp](hoi-truong.png)\n",
    );
    crate::kit::write(
        &env.site.join("content/tin-tuc/hoi-truong/hoi-truong.png"),
        crate::kit::intake::picture(image::ImageFormat::Png, 8, 6),
    );
    env.ok(&["build", "--preview", "--out", "preview"]);
    let page =
        std::fs::read_to_string(env.site.join("preview/tin-tuc/hoi-truong/index.html")).unwrap();
    assert_eq!(
        page.matches("hoi-truong.png").count(),
        1,
        "the picture is shown twice:\n{page}"
    );
}
