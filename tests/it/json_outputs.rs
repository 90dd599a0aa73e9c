//! `--json` on every command that reports something: one JSON object per run, its first
//! field `"schema_version": 1`. Snapshots of each shape, with commit ids, key fingerprints
//! and temporary paths redacted (docs/cli.md lists the fields).

use crate::kit::repo::{Env, ROLES, vietnam_today};
use crate::kit::{redact, stderr, stdout, versioned_json};

/// The moment status and reports are as of.
const NOW: &str = "2026-12-31T17:00";

/// Runs `stp ARGS --json`-style commands on `env`'s site, checks the convention, and
/// returns the output redacted for a snapshot.
fn json(env: &Env, args: &[&str]) -> String {
    json_and_value(env, args).0
}

/// [`json`], and the output as it was, parsed.
fn json_and_value(env: &Env, args: &[&str]) -> (String, serde_json::Value) {
    let o = env.stp_env(args, &[("STP_NOW", NOW)]);
    let text = stdout(&o);
    assert!(
        !text.is_empty(),
        "stp {args:?} printed nothing:\n{}",
        stderr(&o)
    );
    let value = versioned_json(&text);
    let mut known: Vec<(String, String)> = vec![
        (env.site.display().to_string(), "<site>".into()),
        (vietnam_today().to_string(), "<today>".into()),
    ];
    for (who, _) in ROLES {
        known.push((env.fingerprint(who), format!("<{who}'s key>")));
    }
    let known: Vec<(&str, &str)> = known
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    (mask(&redact(&text, &known)), value)
}

/// Values that change from run to run (commit times, ages, sizes), as `<n>`.
fn mask(text: &str) -> String {
    const KEYS: [&str; 7] = [
        "time", "since", "age_days", "days", "bytes", "files", "read_now",
    ];
    text.lines()
        .map(|l| match l.trim_start().split_once(": ") {
            Some((k, v)) if KEYS.iter().any(|key| k == format!("\"{key}\"")) => {
                let comma = if v.ends_with(',') { "," } else { "" };
                format!("{}: <n>{comma}", l.split(": ").next().unwrap_or_default())
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn key(env: &Env, who: &str) -> String {
    env.key(who).display().to_string()
}

#[test]
fn the_steps_say_what_was_committed() {
    let env = Env::board();
    let a = env.draft("bai-a", "Bài A.");
    let b = env.draft("bai-b", "Bài B.");
    insta::assert_snapshot!(
        "json_submit",
        json(
            &env,
            &[
                "submit",
                &a,
                &b,
                "--json",
                "--key",
                &key(&env, "contributor")
            ]
        )
    );
    let queue = json(&env, &["review", "--json", "--key", &key(&env, "editor")]);
    insta::assert_snapshot!("json_review_queue", queue);
    for (who, action) in [
        ("editor", "review"),
        ("verifier", "verify"),
        ("approver", "approve"),
    ] {
        let (out, v) = json_and_value(&env, &[action, &a, "--json", "--key", &key(&env, who)]);
        assert_eq!(v["action"], action, "{out}");
        assert_eq!(v["signer"]["id"], who, "{out}");
        assert_eq!(v["steps"][0]["article"], a.as_str(), "{out}");
    }
    let (publish, v) = json_and_value(
        &env,
        &["publish", "--json", "--key", &key(&env, "secretary")],
    );
    assert_eq!(v["build"]["report"]["articles"], 1, "{publish}");
    insta::assert_snapshot!("json_publish", publish);
    insta::assert_snapshot!(
        "json_return",
        json(
            &env,
            &[
                "return",
                &b,
                "--reason",
                "Thiếu nguồn.",
                "--json",
                "--key",
                &key(&env, "editor")
            ]
        )
    );
    let (withdraw, v) = json_and_value(
        &env,
        &[
            "withdraw",
            &a,
            "--reason",
            "Hết hiệu lực.",
            "--json",
            "--key",
            &key(&env, "approver"),
        ],
    );
    assert_eq!(v["steps"][0]["to"], "withdrawn", "{withdraw}");
    env.ok(&["submit", &b, "--key", &key(&env, "contributor")]);
    let (reject, v) = json_and_value(
        &env,
        &[
            "reject",
            &b,
            "--ground",
            "c",
            "--reason",
            "Không đúng sự thật.",
            "--json",
            "--key",
            &key(&env, "editor"),
        ],
    );
    assert_eq!(v["steps"][0]["to"], "rejected", "{reject}");

    insta::assert_snapshot!("json_status", json(&env, &["status", "--json"]));
    insta::assert_snapshot!("json_log", json(&env, &["log", &a, "--json"]));
    insta::assert_snapshot!(
        "json_people_list",
        json(&env, &["people", "list", "--json"])
    );
}

#[test]
fn audit_check_build_and_site_log_are_versioned_objects() {
    let env = Env::board();
    let a = env.draft("tu-dang", "Xem [bài không có](/tin-tuc/khong-co/).");
    env.set_status(&a, "published");
    env.forge(None, "publish it myself", &[]);
    insta::assert_snapshot!("json_audit", json(&env, &["audit", "--json"]));
    insta::assert_snapshot!("json_check", json(&env, &["check", "--json"]));
    insta::assert_snapshot!("json_build", json(&env, &["build", "--json"]));
    insta::assert_snapshot!("json_site_log", json(&env, &["log", "site", "--json"]));
}

#[test]
fn report_of_access_logs_is_a_versioned_object() {
    let env = Env::board();
    let logs = env.home.join("access.log");
    std::fs::write(
        &logs,
        "1.2.3.4 - - [01/Dec/2026:08:00:00 +0700] \"GET /tin-tuc/bai/ HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"\n",
    )
    .unwrap();
    let out = json(
        &env,
        &["report", "--logs", logs.to_str().unwrap(), "--json"],
    );
    insta::assert_snapshot!("json_report_logs", out);
    let (out, v) = json_and_value(&env, &["report", "--month", "2026-12", "--json"]);
    assert_eq!(v["month"], "2026-12", "{out}");
    assert_eq!(v["whole_month"], false, "{out}");
    assert!(
        v["html"]
            .as_str()
            .unwrap()
            .ends_with("bao-cao-2026-12.html")
    );
}

#[test]
fn intake_lists_the_articles_written_and_refused() {
    use crate::kit::intake::{mail, root, site, stp};
    let dir = site();
    let root = root(&dir);
    let eml = dir.path().join("thu.eml");
    std::fs::write(
        &eml,
        mail(
            "From: An <an@example.vn>\r\nSubject: Tin mới\r\n",
            "Nội dung.\nĐơn vị: Phòng Tư pháp huyện Lộc Ninh\nĐiện thoại: 0271 3000 111\n",
            &[],
        ),
    )
    .unwrap();
    let missing = dir.path().join("khong-co.docx");
    let o = stp(
        &root,
        &[
            "intake",
            eml.to_str().unwrap(),
            missing.to_str().unwrap(),
            "--section",
            "tin-tuc",
            "--json",
        ],
    );
    let text = stdout(&o);
    versioned_json(&text);
    insta::assert_snapshot!(
        "json_intake",
        mask(&redact(
            &text,
            &[(&dir.path().display().to_string(), "<dir>")]
        ))
    );
}

#[test]
fn people_changes_adoption_and_acknowledgements_say_what_was_committed() {
    let env = Env::board();
    let admin = key(&env, "admin");
    env.add_person("deputy", &["editor"]);
    let remove = [
        "people",
        "remove",
        "deputy",
        "--signing-key",
        &admin,
        "--json",
    ];
    insta::assert_snapshot!("json_people_remove", json(&env, &remove));

    let old = env.draft("bai-cu", "Bài đăng trước khi có stp.");
    insta::assert_snapshot!(
        "json_adopt",
        json(&env, &["adopt", &old, "--key", &admin, "--json"])
    );

    let forged = env.draft("tu-dang", "Tự đăng.");
    env.set_status(&forged, "published");
    let commit = env.forge(None, "publish it myself", &[]);
    let ack = [
        "audit",
        "ack",
        &commit,
        "--reason",
        "Đã xem, đã hoàn tác.",
        "--key",
        &admin,
        "--json",
    ];
    let (out, v) = json_and_value(&env, &ack);
    assert_eq!(v["acknowledged"], commit.as_str(), "{out}");
    insta::assert_snapshot!("json_audit_ack", out);
}
