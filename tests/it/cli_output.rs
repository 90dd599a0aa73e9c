//! What the commands say on stderr besides warnings and errors: no progress line when
//! stderr is not a terminal (a pipe, a file, these tests), informational lines silenced by
//! `-q`, with `-v` the site repository used and the time taken, and with `STP_TIMINGS` each
//! stage of a build.

use std::path::{Path, PathBuf};

use crate::kit::intake::{mail, root, site, stp};
use crate::kit::repo::Env;
use crate::kit::site::Site;
use crate::kit::{stderr, stdout};

/// An e-mail submission titled `subject`, written into `dir`.
fn message(dir: &Path, subject: &str) -> PathBuf {
    let path = dir.join(format!("{subject}.eml"));
    std::fs::write(
        &path,
        mail(
            &format!("From: An <an@example.vn>\r\nSubject: {subject}\r\n"),
            "Nội dung.\nĐơn vị: Phòng Tư pháp huyện Lộc Ninh\nĐiện thoại: 0271 3000 111\n",
            &[],
        ),
    )
    .unwrap();
    path
}

#[test]
fn long_work_shows_no_progress_when_stderr_is_not_a_terminal() {
    let site = Site::new();
    site.news("bai", "Bài", "Nội dung.");
    let out = site.path("preview");
    let o = site.stp(&["build", "--preview", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");

    let env = Env::board();
    let article = env.draft("bai", "Nội dung.");
    env.publish(&article);
    let pin = env.fingerprint("admin");
    for args in [
        &["audit"][..],
        &["build"],
        &["build", "--json"],
        &["audit", "--json"],
    ] {
        let o = env.stp_env(args, &[("STP_TRUST_ROOT", &pin)]);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
}

#[test]
fn quiet_silences_informational_lines_and_verbose_adds_details() {
    let dir = site();
    let root = root(&dir);
    let first = message(dir.path(), "tin-mot");
    let o = stp(
        &root,
        &["intake", first.to_str().unwrap(), "--section", "tin-tuc"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("note: ") && stderr(&o).contains("not signed"),
        "{}",
        stderr(&o)
    );

    let second = message(dir.path(), "tin-hai");
    let o = stp(
        &root,
        &[
            "-q",
            "intake",
            second.to_str().unwrap(),
            "--section",
            "tin-tuc",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    assert_eq!(stdout(&o), "content/tin-tuc/tin-hai/index.md\n");

    let o = stp(&root, &["--verbose", "check"]);
    let err = stderr(&o);
    assert!(
        err.contains(&format!("site repository: {}", root.display())),
        "{err}"
    );
    assert!(err.contains("took "), "{err}");
    let o = stp(&root, &["-q", "-v", "check"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "-q and -v together are a usage mistake"
    );
}

#[test]
fn long_work_shows_a_progress_line_on_a_terminal_and_clears_it() {
    // `script` gives the command a terminal; skip where util-linux's is not installed.
    let Ok(probe) = std::process::Command::new("script")
        .arg("--version")
        .output()
    else {
        return;
    };
    if !probe.status.success() {
        return;
    }
    let site = Site::new();
    site.news("bai", "Bài", "Nội dung.");
    let run = |args: &str| {
        let o = std::process::Command::new("script")
            .env("STP_LANG", "en")
            .args(["-qec"])
            .arg(format!(
                "'{}' -C '{}' {args}",
                env!("CARGO_BIN_EXE_stp"),
                site.root().display()
            ))
            .arg("/dev/null")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let shown = run("build --preview --out preview");
    assert!(shown.contains("building a preview…"), "{shown:?}");
    assert!(shown.contains("\r\x1b[2Kbuilt a preview"), "{shown:?}");
    for quiet in [
        "-q build --preview --out preview",
        "build --preview --out preview --json",
    ] {
        let out = run(quiet);
        assert!(!out.contains("building a preview"), "{quiet}: {out:?}");
    }
}

/// `STP_TIMINGS` (what scripts/bench reads) times each stage of a public build, the signed
/// history and live set first, in one format: wall and CPU milliseconds, memory; and the
/// build is the same as without it.
#[test]
fn the_public_build_times_each_stage_from_the_signed_history_on() {
    let env = Env::board();
    let article = env.draft("tin-do", "Một đoạn ngắn.");
    env.publish(&article);
    env.ok(&["build"]);
    let plain = crate::kit::files(&env.site.join("public"));
    let out = env.stp_env(&["build"], &[("STP_TIMINGS", "1")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let stages: Vec<&str> = (err.lines())
        .filter_map(|l| l.strip_prefix("stage "))
        .map(|l| l.split_once(": ").expect("a stage line").0)
        .collect();
    assert_eq!(
        stages[..3],
        [
            "signed history and live set",
            "read and parse articles",
            "site model"
        ],
        "{err}"
    );
    assert!(stages.contains(&"render and write"), "{err}");
    for line in err.lines().filter(|l| l.starts_with("stage ")) {
        assert!(
            line.contains(" ms, cpu ") && line.contains(" MiB (peak "),
            "{line}"
        );
    }
    assert!(plain == crate::kit::files(&env.site.join("public")));
}
