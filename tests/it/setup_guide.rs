//! docs/huong-dan/dung-trang-moi.md, the guide to setting up a real site from nothing, run
//! exactly as written: every ```sh PERSON block on that person's own "machine" (a home
//! folder of their own), in the order of the guide, with the real binary, git and
//! ssh-keygen. Two things the guide leaves to people are done here as they would be: the
//! admin reads the trust root out (the fingerprint replaces `SHA256:…`), and each person
//! e-mails their public key to the admin (copied into the admin's ~/khoa/). The shared
//! repository's path is moved under the test's folder.

use std::path::{Path, PathBuf};
use std::process::Command;

const GUIDE: &str = include_str!("../../docs/huong-dan/dung-trang-moi.md");
const ADMIN: &str = "truong-ban";

/// The guide's blocks: (person, commands), in order.
fn blocks(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some(person) = line.strip_prefix("```sh ") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            out.push((person.trim().to_string(), body.join("\n")));
        }
    }
    out
}

fn fingerprint(public: &Path) -> String {
    let out = Command::new("ssh-keygen")
        .arg("-lf")
        .arg(public)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_string()
}

fn run_block(home: &Path, path_var: &str, script: &str) -> std::process::Output {
    Command::new("bash")
        .args(["-euo", "pipefail", "-c", script])
        .current_dir(home)
        .env_clear()
        .env("HOME", home)
        .env("PATH", path_var)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn the_setup_guide_runs_as_written_for_five_machines() {
    let base = tempfile::tempdir().unwrap();
    let shared = base.path().join("srv/git/trang.git");
    std::fs::create_dir_all(shared.parent().unwrap()).unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_stp"));
    let path_var = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let home = |person: &str| {
        let h = base.path().join("may").join(person);
        std::fs::create_dir_all(&h).unwrap();
        h
    };
    let all = blocks(GUIDE);
    assert!(all.len() >= 12, "the guide's blocks: {}", all.len());
    let mut trust_root: Option<String> = None;
    for (n, (person, commands)) in all.iter().enumerate() {
        let home = home(person);
        let mut script = commands.replace("/srv/git/trang.git", shared.to_str().unwrap());
        if script.contains("SHA256:…") {
            let root = trust_root.as_deref().unwrap_or_else(|| {
                panic!("block {n} needs the trust root before the admin has a key")
            });
            script = script.replace("SHA256:…", root);
        }
        let out = run_block(&home, &path_var, &script);
        assert!(
            out.status.success(),
            "block {n} ({person}) failed:\n{script}\n--- stdout\n{}\n--- stderr\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let public = home.join(".ssh/stp_ed25519.pub");
        if person == ADMIN && trust_root.is_none() && public.is_file() {
            // Read out by the admin, on paper or by phone.
            trust_root = Some(fingerprint(&public));
        }
        if person != ADMIN && public.is_file() {
            // E-mailed to the admin, who keeps it under ~/khoa/.
            let khoa = base.path().join("may").join(ADMIN).join("khoa");
            std::fs::create_dir_all(&khoa).unwrap();
            std::fs::copy(&public, khoa.join(format!("{person}.pub"))).unwrap();
        }
    }

    // Where the guide leaves them: the article is published, on the secretary's public
    // site, in the shared repository, and a new clone audits clean from the pinned root.
    let secretary = base.path().join("may/thu-ky/trang");
    assert!(
        secretary
            .join("public/tin-tuc/ra-mat-trang/index.html")
            .is_file()
    );
    let head = |dir: &Path| {
        let o = Command::new("git")
            .args(["rev-parse", "HEAD"])
            .current_dir(dir)
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    };
    let o = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .env("GIT_DIR", &shared)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        head(&secretary),
        "the publish reached the shared repository"
    );
    let check = home("kiem-tra");
    let root = trust_root.unwrap();
    let out = run_block(
        &check,
        &path_var,
        &format!(
            "git clone -q {} site && cd site && STP_TRUST_ROOT={root} stp audit && STP_TRUST_ROOT={root} stp log ra-mat-trang",
            shared.display()
        ),
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for step in ["submit", "review", "verify", "approve", "publish"] {
        assert!(said.contains(step), "{step}: {said}");
    }
}
