//! Shell completions and manual pages, generated from the clap definitions.

use crate::kit::{stderr, stdout, stp_at};

#[test]
fn bash_completion_knows_the_commands() {
    let o = stp_at(std::path::Path::new("."), &["completions", "bash"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let script = stdout(&o);
    assert!(script.contains("_stp()"), "not a bash completion function");
    for command in [
        "approve",
        "audit",
        "people",
        "export-allowed-signers",
        "--json",
    ] {
        assert!(
            script.contains(command),
            "{command} missing from the script"
        );
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let o = stp_at(std::path::Path::new("."), &["completions", shell])
            .output()
            .unwrap();
        assert!(o.status.success() && !o.stdout.is_empty(), "{shell}");
    }
    let o = stp_at(std::path::Path::new("."), &["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_writes_one_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let o = stp_at(dir.path(), &["man", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    for (page, name) in [
        ("stp.1", "stp"),
        ("stp-approve.1", "stp-approve"),
        ("stp-people-add.1", "stp-people-add"),
        ("stp-audit-ack.1", "stp-audit-ack"),
    ] {
        let text =
            std::fs::read_to_string(out.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        // The roff header `man -l` reads: the title line, then the NAME section.
        let th = text
            .lines()
            .find(|l| l.starts_with(".TH "))
            .unwrap_or_else(|| panic!("{page} has no .TH line"));
        assert!(th.starts_with(&format!(".TH {name} 1")), "{page}: {th}");
        assert!(text.contains(".SH NAME"), "{page}");
        assert!(text.contains(".SH SYNOPSIS"), "{page}");
    }
    // Where man is installed, it reads them.
    if let Ok(o) = std::process::Command::new("man")
        .arg("-l")
        .arg(out.join("stp-approve.1"))
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
        && o.status.success()
    {
        assert!(
            stdout(&o).contains("stp-approve - Step 3"),
            "{}",
            stdout(&o)
        );
    }
}
