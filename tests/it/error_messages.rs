//! Messages that name what went wrong and what to do: a folder that does not exist yet,
//! a date written the Vietnamese way, a key file that is not there, a missing --reason, a
//! section typo, and a report made before its month is over.

use crate::kit::repo::Env;
use crate::kit::stderr;

#[test]
fn export_allowed_signers_makes_the_folder() {
    let env = Env::board();
    env.ok(&["people", "export-allowed-signers", ".stp/allowed_signers"]);
    let text = env.read(".stp/allowed_signers");
    assert!(text.contains("ssh-ed25519 "), "{text}");
}

#[test]
fn delegate_takes_dd_mm_yyyy_and_names_the_formats_otherwise() {
    let env = Env::board();
    env.add_person("deputy", &["editor"]);
    let admin = env.key("admin");
    let delegate = |from: &str| {
        env.stp(&[
            "people",
            "delegate",
            "editor",
            "deputy",
            "--role",
            "editor",
            "--from",
            from,
            "--until",
            "31/12/2026",
            "--signing-key",
            admin.to_str().unwrap(),
        ])
    };
    let o = delegate("21/12/2026");
    assert!(o.status.success(), "{}", stderr(&o));
    let list = env.ok(&["people", "list"]);
    assert!(
        list.contains("deputy acts as editor for editor from 2026-12-21 until 2026-12-31"),
        "{list}"
    );
    let o = delegate("32/12/2026");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("`32/12/2026` is not a date: write it as YYYY-MM-DD or DD/MM/YYYY"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_missing_key_file_is_named_with_how_to_make_one() {
    let env = Env::board();
    let article = env.draft("bai", "Nội dung.");
    let missing = env.keys.join("khong-co");
    let err = env.refused(&["submit", &article, "--key", missing.to_str().unwrap()]);
    assert!(
        err.contains(&format!("{}: no such key file", missing.display())),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
    assert!(
        err.contains(&format!(
            "hint: check the path, or make a key there with `stp key new {}`",
            missing.display()
        )),
        "{err}"
    );
}

#[test]
fn a_missing_reason_is_named_alone() {
    let env = Env::board();
    let article = env.draft("bai", "Nội dung.");
    env.step("contributor", "submit", &article);
    let key = env.key("editor");
    let key = key.to_str().unwrap();
    for (command, args) in [
        ("return", vec!["return", &article, "--key", key]),
        ("withdraw", vec!["withdraw", &article, "--key", key]),
        (
            "reject",
            vec!["reject", &article, "--ground", "c", "--key", key],
        ),
        ("site return", vec!["site", "return", "--key", key]),
        ("audit ack", vec!["audit", "ack", "0123456789"]),
    ] {
        assert_eq!(
            env.refused(&args),
            format!(
                "error: `stp {command}` needs --reason\nhint: say why, in words the sender and the log will read: --reason \"…\"\n"
            ),
            "{args:?}"
        );
    }
}

#[test]
fn a_section_typo_lists_the_sections_with_their_names() {
    let env = Env::board();
    let err = env.refused(&["new", "tin-tuk", "Bài mới"]);
    assert!(err.contains("tin-tuc (Tin tức - Sự kiện)"), "{err}");
}

#[test]
fn a_report_made_mid_month_says_its_figures_run_to_that_day() {
    let env = Env::board();
    let vars = [("STP_NOW", "2026-12-15T12:00")];
    let out = env.home.join("bao-cao");
    let o = env.stp_env(
        &[
            "report",
            "--month",
            "2026-12",
            "--out",
            out.to_str().unwrap(),
        ],
        &vars,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("số liệu tính đến ngày 15/12/2026 (figures up to 2026-12-15)"),
        "{}",
        stderr(&o)
    );
    let html = std::fs::read_to_string(out.join("bao-cao-2026-12.html")).unwrap();
    assert!(html.contains("Số liệu tính đến ngày 15/12/2026"), "{html}");
    let o = env.stp_env(&["report", "--month", "2026-12", "--json"], &vars);
    let v = crate::kit::versioned_json(&String::from_utf8_lossy(&o.stdout));
    assert_eq!(v["figures_until"], "2026-12-15");
    // A month that is over says nothing of the kind.
    let o = env.stp_env(&["report", "--month", "2026-11"], &vars);
    assert!(!stderr(&o).contains("số liệu tính đến"), "{}", stderr(&o));
}
