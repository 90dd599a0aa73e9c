//! `stp calendar holidays|due` on a real site folder and outside one.

use std::path::Path;
use std::process::{Command, Output};

fn stp(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stp"))
        .env("STP_LANG", "en")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/site");
    std::fs::copy(repo.join("site.toml"), dir.path().join("site.toml")).unwrap();
    std::fs::create_dir(dir.path().join("workflow")).unwrap();
    std::fs::copy(
        repo.join("workflow/calendar.toml"),
        dir.path().join("workflow/calendar.toml"),
    )
    .unwrap();
    dir
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn holidays_of_2030_put_tet_on_2_february() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&stp(dir.path(), &["calendar", "holidays", "2030"]));
    let dates: Vec<&str> = out.lines().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(
        dates,
        [
            "2030-01-01",
            "2030-02-01",
            "2030-02-02",
            "2030-02-03",
            "2030-02-04",
            "2030-02-05",
            "2030-02-06",
            "2030-02-07",
            "2030-04-12",
            "2030-04-30",
            "2030-05-01",
            "2030-09-02",
            "2030-09-03",
            "2030-11-24",
            "2030-11-25",
        ]
    );
    assert!(out.contains("2030-02-02 Tết Nguyên đán (mùng 1)"), "{out}");
}

#[test]
fn holidays_follow_the_sites_declarations() {
    let dir = site();
    let out = stdout(&stp(dir.path(), &["calendar", "holidays", "2026"]));
    assert!(
        out.starts_with(
            "2026-01-01 Tết Dương lịch [nghỉ, theo quy tắc]\n\
             2026-01-02 Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026) [nghỉ, theo thông báo]\n\
             2026-01-10 Làm bù cho ngày 02/01/2026 [làm việc, theo thông báo]\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("2026-04-27 Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch) [nghỉ, theo quy tắc]\n"),
        "{out}"
    );
    assert!(
        out.contains("2026-09-03 Quốc khánh (ngày liền kề) [nghỉ, theo quy tắc]\n"),
        "{out}"
    );
}

#[test]
fn due_in_working_days_and_administrative_hours() {
    let dir = site();
    let out = stdout(&stp(
        dir.path(),
        &["calendar", "due", "2026-02-13", "--working-days", "2"],
    ));
    assert!(out.starts_with("2026-02-24 "), "{out}");
    let out = stdout(&stp(
        dir.path(),
        &["calendar", "due", "2026-04-29", "--working-days", "1"],
    ));
    assert!(out.starts_with("2026-05-04 "), "{out}");
    let out = stdout(&stp(
        dir.path(),
        &["calendar", "due", "2026-03-05T15:00", "--admin-hours", "12"],
    ));
    assert!(out.starts_with("2026-03-09T09:00 "), "{out}");
    // Friday 2/1/2026 is swapped off in the site's calendar: Monday 5/1 is the next day.
    let out = stdout(&stp(
        dir.path(),
        &["calendar", "due", "2025-12-31", "--working-days", "1"],
    ));
    assert!(out.starts_with("2026-01-05 "), "{out}");
}

#[test]
fn bad_calendar_and_bad_start_are_refused() {
    let dir = site();
    let file = dir.path().join("workflow/calendar.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("2026-01-10", "2026-13-10")).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("2026-01-10\""))
        .unwrap()
        + 1;
    let o = stp(dir.path(), &["calendar", "holidays", "2026"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "workflow/calendar.toml:{line}: `2026-13-10` is not a date"
        )),
        "{err}"
    );

    // A make-up day must be a weekly rest day: Friday 9/1/2026 is refused.
    std::fs::write(&file, text.replace("2026-01-10", "2026-01-09")).unwrap();
    let o = stp(dir.path(), &["calendar", "holidays", "2026"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "workflow/calendar.toml:{line}: 2026-01-09 is a Friday: a working_days entry"
        )),
        "{err}"
    );

    std::fs::write(&file, &text).unwrap();
    let o = stp(
        dir.path(),
        &["calendar", "due", "13/02/2026", "--working-days", "2"],
    );
    assert_eq!(o.status.code(), Some(2));
    let o = stp(dir.path(), &["calendar", "due", "2026-02-13"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The output of `stp calendar due ARGS…`, which must succeed.
fn due(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["calendar", "due"];
    all.extend(args);
    stdout(&stp(dir, &all))
}

fn failure(o: &Output, code: i32) -> String {
    assert_eq!(o.status.code(), Some(code), "{o:?}");
    assert!(o.stdout.is_empty(), "{o:?}");
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The dates of the lines of `out` that end with `suffix`.
fn dates_marked(out: &str, suffix: &str) -> Vec<String> {
    out.lines()
        .filter(|l| l.ends_with(suffix))
        .map(|l| l[..10].to_string())
        .collect()
}

#[test]
fn holidays_show_the_notices_of_2024_and_2025_and_worked_saturdays() {
    let dir = site();
    let out = stdout(&stp(dir.path(), &["calendar", "holidays", "2024"]));
    assert_eq!(
        dates_marked(&out, "[nghỉ, theo thông báo]"),
        [
            "2024-02-08",
            "2024-02-09",
            "2024-02-12",
            "2024-02-13",
            "2024-02-14",
            "2024-04-29",
            "2024-09-03",
        ]
    );
    assert_eq!(
        dates_marked(&out, "[làm việc, theo thông báo]"),
        ["2024-05-04"]
    );
    assert!(
        !out.contains("2024-02-15"),
        "the rule's Tết is replaced: {out}"
    );

    let out = stdout(&stp(dir.path(), &["calendar", "holidays", "2025"]));
    assert!(
        out.contains("2025-04-26 Làm bù cho ngày 02/5/2025 [làm việc, theo thông báo]\n"),
        "{out}"
    );
    assert!(
        out.contains("2025-04-30 Ngày Chiến thắng (30/4) [nghỉ, theo quy tắc]\n"),
        "{out}"
    );
    assert_eq!(
        dates_marked(&out, "[nghỉ, theo thông báo]"),
        [
            "2025-01-27",
            "2025-01-28",
            "2025-01-29",
            "2025-01-30",
            "2025-01-31",
            "2025-05-02",
            "2025-09-01",
        ]
    );
    // Without a notice (2027) every day comes from the rule.
    let out = stdout(&stp(dir.path(), &["calendar", "holidays", "2027"]));
    assert!(!out.is_empty());
    assert_eq!(
        out.lines().count(),
        dates_marked(&out, "[nghỉ, theo quy tắc]").len()
    );
}

#[test]
fn holidays_json_has_the_schema_version_first() {
    let dir = site();
    let o = stp(dir.path(), &["calendar", "holidays", "2025", "--json"]);
    let out = stdout(&o);
    assert!(
        out.starts_with("{\n  \"schema_version\": 1,\n  \"year\": 2025,"),
        "{out}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let worked: Vec<&serde_json::Value> = v["days"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "worked")
        .collect();
    assert_eq!(worked.len(), 1);
    assert_eq!(worked[0]["date"], "2025-04-26");
    assert_eq!(worked[0]["source"], "notice");
    insta::assert_snapshot!("calendar_holidays_2025_json", out);
}

#[test]
fn due_across_the_announced_swaps() {
    let dir = site();
    // Friday 25/4/2025 + 1 working day: the make-up Saturday 26/4.
    let out = due(dir.path(), &["2025-04-25", "--working-days", "1"]);
    assert_eq!(
        out,
        "2025-04-26 Saturday, 1 working day after 2025-04-25 (the start day not counted)\n"
    );
    // Friday 26/4/2024 + 1: Monday 29/4 swapped off, 30/4 and 1/5 holidays.
    let out = due(dir.path(), &["2024-04-26", "--working-days", "1"]);
    assert!(
        out.starts_with("2024-05-02 Thursday, 1 working day after"),
        "{out}"
    );
    // Tết 2024 by the notice: from Wednesday 7/2, 1 working day is Thursday 15/2.
    let out = due(dir.path(), &["2024-02-07", "--working-days", "1"]);
    assert!(out.starts_with("2024-02-15 "), "{out}");
    // Seconds are dropped; one hour is singular.
    let out = stdout(&stp(
        dir.path(),
        &[
            "calendar",
            "due",
            "2026-03-05T15:00:45",
            "--admin-hours",
            "1",
        ],
    ));
    assert_eq!(
        out,
        "2026-03-05T16:00 Thursday, 1 administrative hour after 2026-03-05T15:00\n"
    );
}

#[test]
fn due_outside_the_calendars_range_is_refused() {
    let dir = site();
    for (args, what) in [
        (
            ["2199-12-31", "--working-days", "1"],
            "the end of 1 working day after 2199-12-31",
        ),
        (
            ["9999-12-31", "--working-days", "1"],
            "the start 9999-12-31",
        ),
        (
            ["1900-12-31", "--working-days", "0"],
            "the start 1900-12-31",
        ),
        (
            ["2199-12-31T16:00", "--admin-hours", "2"],
            "the end of 2 administrative hours after 2199-12-31T16:00",
        ),
    ] {
        let mut all = vec!["calendar", "due"];
        all.extend(args);
        let err = failure(&stp(dir.path(), &all), 2);
        assert!(
            err.contains(&format!("{what} is outside the calendar's range 1901–2199")),
            "{args:?}: {err}"
        );
    }
    // The last day inside the range still answers.
    let out = due(dir.path(), &["2199-12-30", "--working-days", "1"]);
    assert!(out.starts_with("2199-12-31 Tuesday"), "{out}");
}

#[test]
fn zero_working_days_on_a_day_off_says_so() {
    let dir = site();
    let out = due(dir.path(), &["2026-02-16", "--working-days", "0"]);
    assert_eq!(
        out,
        "2026-02-16 Monday is a day off (Tết Nguyên đán); the next working day is 2026-02-23 Monday\n"
    );
    let out = due(dir.path(), &["2026-03-07", "--working-days", "0"]);
    assert_eq!(
        out,
        "2026-03-07 Saturday is a day off (ngày nghỉ hằng tuần); the next working day is 2026-03-09 Monday\n"
    );
    // On a working day: the day itself.
    let out = due(dir.path(), &["2026-03-09", "--working-days", "0"]);
    assert_eq!(
        out,
        "2026-03-09 Monday, 0 working days after 2026-03-09 (the start day not counted)\n"
    );
}

#[test]
fn due_json_snapshots() {
    let dir = site();
    let run = |args: &[&str]| {
        let out = due(dir.path(), &[args, &["--json"]].concat());
        assert!(out.starts_with("{\n  \"schema_version\": 1,\n"), "{out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(v["due"].is_string(), "{out}");
        out
    };
    insta::assert_snapshot!(
        "calendar_due_working_days_json",
        run(&["2025-04-25", "--working-days", "1"])
    );
    insta::assert_snapshot!(
        "calendar_due_day_off_json",
        run(&["2026-02-16", "--working-days", "0"])
    );
    insta::assert_snapshot!(
        "calendar_due_admin_hours_json",
        run(&["2026-03-05T15:00", "--admin-hours", "12"])
    );
}

#[test]
fn two_holidays_on_one_date_show_both_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&stp(dir.path(), &["calendar", "holidays", "1947"]));
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("1947-04-30"))
        .collect();
    assert_eq!(
        lines,
        [
            "1947-04-30 Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng (30/4) [nghỉ, theo quy tắc]"
        ]
    );
}
