//! What stp must not believe: a hand-edited `status: published`, unsigned or signed by an
//! unknown key; an editor's key signing an approve or a publish; a key added to
//! people.toml by someone who is not an admin; an object store altered under a signature.

use crate::kit::repo::Env;

/// The trailers of a step, as stp writes them.
fn step_message(env: &Env, article: &str, transition: &str) -> String {
    format!(
        "forged step\n\nStp-Date: 2026-11-29\nStp-Article: {article}\nStp-Transition: {transition}\nStp-Blob: {}\n",
        env.blob(article)
    )
}

fn issues_about(json: &serde_json::Value, subject: &str) -> Vec<String> {
    json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["subject"] == subject)
        .map(|i| i["why"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_hand_edited_published_status_unsigned_is_not_on_the_site_and_audit_lists_it() {
    let env = Env::board();
    let article = env.draft("tu-dang", "Tự đăng.");
    env.set_status(&article, "published");
    let commit = env.forge(None, "publish it myself", &[]);
    assert!(!env.on_site("tu-dang"));
    let (clean, json) = env.audit();
    assert!(!clean, "audit exits 1");
    let issue = &json["issues"][0];
    assert_eq!(issue["commit"], commit.as_str());
    assert!(issue["why"].as_str().unwrap().contains("status: published"));
    let status = env.ok(&["status"]);
    assert!(!status.contains("published"), "{status}");
    assert!(status.contains("see `stp audit`"), "{status}");
}

#[test]
fn a_step_signed_by_an_untrusted_key_is_not_valid() {
    let env = Env::board();
    let article = env.draft("la", "Khóa lạ.");
    env.set_status(&article, "published");
    let message = step_message(&env, &article, "draft -> published");
    env.forge(Some("outsider"), &message, &[]);
    assert!(!env.on_site("la"));
    let (clean, json) = env.audit();
    assert!(!clean);
    let why = issues_about(&json, &article).join("\n");
    assert!(
        why.contains("not in the trusted workflow/people.toml"),
        "{why}"
    );
    assert!(env.log(&article).contains("NOT VALID"));
}

#[test]
fn an_editors_key_signing_an_approve_or_a_publish_is_not_valid() {
    let env = Env::board();
    let article = env.draft("bien-tap", "B.");
    env.step("contributor", "submit", &article);
    env.step("editor", "review", &article);
    env.step("verifier", "verify", &article);
    env.set_status(&article, "approved");
    let message = step_message(&env, &article, "verified -> approved");
    env.forge(Some("editor"), &message, &[]);
    let (_, json) = env.audit();
    let why = issues_about(&json, &article).join("\n");
    assert!(why.contains("does not hold the approver role"), "{why}");

    // The article stays verified; a real approval, then the editor's forged publish.
    let out = env.ok(&["status", "--json"]);
    assert!(out.contains("\"verified\""), "{out}");
    env.step("approver", "approve", &article);
    env.set_status(&article, "published");
    let message = step_message(&env, &article, "approved -> published");
    env.forge(Some("editor"), &message, &[]);
    assert!(!env.on_site("bien-tap"));
    let (_, json) = env.audit();
    let why = issues_about(&json, &article).join("\n");
    assert!(why.contains("does not hold the secretary role"), "{why}");
}

#[test]
fn a_key_added_to_people_by_a_non_admin_grants_nothing() {
    let env = Env::board();
    let mut people = env.read("workflow/people.toml");
    let outsider = std::fs::read_to_string(env.key_pub("outsider")).unwrap();
    people.push_str(&format!(
        "\n[[person]]\nid = \"outsider\"\nname = \"Người lạ\"\nroles = [\"contributor\", \"editor\", \"verifier\", \"approver\", \"secretary\", \"admin\"]\nkey = \"{}\"\n",
        outsider.trim()
    ));
    env.write("workflow/people.toml", &people);
    let commit = env.forge(Some("editor"), "add myself a friend", &[]);
    let (clean, json) = env.audit();
    assert!(!clean);
    let trust: Vec<_> = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "trust")
        .collect();
    assert_eq!(trust.len(), 1);
    assert_eq!(trust[0]["commit"], commit.as_str());
    assert!(trust[0]["why"].as_str().unwrap().contains("not an admin"));

    let article = env.draft("ban", "Bạn.");
    let err = env.refused(&[
        "submit",
        &article,
        "--key",
        env.key("outsider").to_str().unwrap(),
    ]);
    assert!(err.contains("not in the trusted"), "{err}");
    env.set_status(&article, "published");
    let message = step_message(&env, &article, "draft -> published");
    env.forge(Some("outsider"), &message, &[]);
    assert!(!env.on_site("ban"));

    // An admin's next change is made on the trusted version: the friend is dropped.
    let out = env.stp(&[
        "people",
        "add",
        "deputy",
        "--name",
        "Phó",
        "--role",
        "editor",
        "--key",
        env.key_pub("deputy").to_str().unwrap(),
        "--signing-key",
        env.key("admin").to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("workflow/people.toml held changes no admin signed"),
        "{stderr}"
    );
    let people = env.read("workflow/people.toml");
    assert!(
        people.contains("deputy") && !people.contains("outsider"),
        "{people}"
    );
}

#[test]
fn uncommitted_trust_edits_are_refused_not_folded_in() {
    let env = Env::board();
    let people = env.read("workflow/people.toml");
    env.write("workflow/people.toml", &people.replace("editor", "admin"));
    let err = env.refused(&[
        "people",
        "remove",
        "contributor",
        "--signing-key",
        env.key("admin").to_str().unwrap(),
    ]);
    assert!(err.contains("uncommitted edits to the trust data"), "{err}");
}

#[test]
fn a_pinned_trust_root_refuses_another_first_admin() {
    let env = Env::board();
    let article = env.draft("ghim", "G.");
    env.publish(&article);
    let pin = env.fingerprint("admin");
    let out = env.stp_env(&["build"], &[("STP_TRUST_ROOT", &pin)]);
    assert!(out.status.success());
    assert!(env.site.join("public/tin-tuc/ghim/index.html").is_file());
    let other = env.fingerprint("outsider");
    // Under another pin nothing is trusted: not the articles, not the site files, so
    // there is no public site to build, and the one built before stays as it was.
    let out = env.stp_env(&["build", "--out", "other"], &[("STP_TRUST_ROOT", &other)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("site files") && err.contains("no signed version"),
        "{err}"
    );
    assert!(!env.site.join("other").exists());
    assert!(env.site.join("public/tin-tuc/ghim/index.html").is_file());
    let out = env.stp_env(&["audit"], &[("STP_TRUST_ROOT", &other)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("not the pinned trust root"));
}

#[test]
fn a_first_admin_without_workflow_settings_is_refused_before_anything_is_written() {
    let env = Env::bare();
    std::fs::create_dir_all(env.site.join("content/tin-tuc")).unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/site/site.toml"),
        env.site.join("site.toml"),
    )
    .unwrap();
    env.write("content/tin-tuc/bai.md", "---\ntitle: Bài\n---\nx\n");
    env.git(&["init", "-q"]);
    env.git(&["add", "-A"]);
    env.git(&["commit", "-qm", "site before stp"]);
    let before = env.git(&["rev-parse", "HEAD"]);
    let err = env.refused(&[
        "people",
        "add",
        "admin",
        "--name",
        "Quản Trị",
        "--role",
        "admin",
        "--key",
        env.key_pub("admin").to_str().unwrap(),
        "--signing-key",
        env.key("admin").to_str().unwrap(),
    ]);
    assert!(err.contains("workflow/workflow.toml is missing"), "{err}");
    assert_eq!(
        env.git(&["rev-parse", "HEAD"]),
        before,
        "no commit was written"
    );
    assert!(!env.site.join("workflow/people.toml").exists());
}

/// The published version's object in `.git/objects` replaced by other content under the
/// same id (what a tampered or damaged object store looks like): the signatures still
/// verify, but stp reads nothing that does not hash to its id. `stp audit` reads the
/// object and refuses; the public build shows the signed text, from the working tree
/// while that holds the signed bytes, and refuses once it must read the object.
#[test]
fn an_altered_object_store_is_refused_and_the_site_keeps_the_signed_text() {
    use std::io::Write;
    let env = Env::board();
    let article = env.draft("nguyen-ban", "Bản đã ký.");
    env.publish(&article);
    assert!(env.on_site("nguyen-ban"));
    let blob = env
        .git(&["rev-parse", &format!("HEAD:{article}")])
        .trim()
        .to_string();
    let object = env.loose_object(&blob);
    assert!(object.is_file(), "the test expects a loose object");
    let text = env.read(&article).replace("Bản đã ký.", "Bản bị sửa lén.");
    let mut forged = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    write!(forged, "blob {}\0{text}", text.len()).unwrap();
    std::fs::remove_file(&object).unwrap();
    std::fs::write(&object, forged.finish().unwrap()).unwrap();

    let out = env.stp(&["audit"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "audit must fail: {stderr}");
    assert!(stderr.contains(&blob), "{stderr}");
    assert!(stderr.contains("does not match its id"), "{stderr}");
    assert!(stderr.contains("git fsck"), "{stderr}");

    // The working tree still holds the signed bytes (their id is the signed one): the
    // public build takes them from there and shows the signed text.
    env.ok(&["build"]);
    let page = env.page("nguyen-ban");
    assert!(page.contains("Bản đã ký.") && !page.contains("Bản bị sửa lén."));
    // Without them, the build reads the object, refuses it, and the site stays whole.
    std::fs::remove_file(env.site.join(&article)).unwrap();
    let out = env.stp(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "the public build must fail: {stderr}"
    );
    assert!(stderr.contains("does not match its id"), "{stderr}");
    let page = env.page("nguyen-ban");
    assert!(page.contains("Bản đã ký."), "the old site stays whole");
    assert!(!page.contains("Bản bị sửa lén."));
}
