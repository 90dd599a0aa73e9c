//! `stp calendar holidays|due` on a real site folder and outside one.

use std::path::Path;
use std::process::{Command, Output};

fn stp(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stp"))
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
        out.starts_with("2026-01-01 Tết Dương lịch\n2026-01-02 Nghỉ hoán đổi"),
        "{out}"
    );
    assert!(
        out.contains("2026-04-27 Nghỉ bù Giỗ Tổ Hùng Vương"),
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

    std::fs::write(&file, &text).unwrap();
    let o = stp(
        dir.path(),
        &["calendar", "due", "13/02/2026", "--working-days", "2"],
    );
    assert_eq!(o.status.code(), Some(2));
    let o = stp(dir.path(), &["calendar", "due", "2026-02-13"]);
    assert_eq!(o.status.code(), Some(2));
}
