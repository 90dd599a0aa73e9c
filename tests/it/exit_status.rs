//! The exit statuses, for scripts and CI: 0 success, 1 the command ran and found something
//! (audit findings, check problems, overdue articles), 2 an error, a refusal or a usage
//! mistake. For `audit`, `check` and `status --overdue`: a clean run, a finding, an error
//! (no site repository) and a usage mistake (an option that does not exist).

use crate::kit::repo::{Env, vietnam_today};
use crate::kit::stp_at;

#[test]
fn findings_exit_1_errors_and_usage_mistakes_exit_2() {
    let env = Env::board();
    // A moment when a news article submitted today is long overdue.
    let late = format!("{}T17:00", vietnam_today() + chrono::Duration::days(30));
    let late = late.as_str();
    let nowhere = tempfile::tempdir().unwrap();
    let code = |args: &[&str]| {
        let o = env.stp_env(args, &[("STP_NOW", late)]);
        o.status.code().unwrap_or(-1)
    };
    let error = |args: &[&str]| {
        let o = stp_at(nowhere.path(), args)
            .env("STP_NOW", late)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(err.contains("no site.toml"), "{args:?}: {err}");
        o.status.code().unwrap_or(-1)
    };
    let mut table = Vec::new();
    let mut row = |command: &str, clean: i32, finding: i32| {
        let args = match command {
            "status" => vec!["status", "--overdue"],
            c => vec![c],
        };
        let mut usage = args.clone();
        usage.push("--no-such-option");
        table.push(format!(
            "{:<17} clean {clean}  finding {finding}  error {}  usage {}",
            args.join(" "),
            error(&args),
            code(&usage)
        ));
    };

    let clean = [
        code(&["audit"]),
        code(&["check"]),
        code(&["status", "--overdue"]),
    ];
    // One article with a broken link, submitted today and overdue a month later; one
    // hand-edited as published without a signature.
    let overdue = env.draft("tre-han", "Xem [bài không có](/tin-tuc/khong-co/).");
    env.step("contributor", "submit", &overdue);
    let forged = env.draft("tu-dang", "Tự đăng.");
    env.set_status(&forged, "published");
    env.forge(None, "publish it myself", &[]);

    row("audit", clean[0], code(&["audit"]));
    row("check", clean[1], code(&["check"]));
    row("status", clean[2], code(&["status", "--overdue"]));
    insta::assert_snapshot!("exit_statuses", table.join("\n"));
}

#[test]
fn help_shows_the_exit_statuses() {
    let o = stp_at(std::path::Path::new("."), &["--help"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("Exit status:"), "{help}");
    assert!(
        help.contains("1  the command ran and found something"),
        "{help}"
    );
    assert!(help.contains("2  error or refusal"), "{help}");
}

#[test]
fn a_refused_step_exits_2() {
    let env = Env::board();
    let article = env.draft("bai", "Nội dung.");
    // An editor may not approve, and nothing was submitted.
    let err = env.refused(&[
        "approve",
        &article,
        "--key",
        env.key("editor").to_str().unwrap(),
    ]);
    assert!(err.starts_with("error: "), "{err}");
}
