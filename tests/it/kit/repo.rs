//! Shared helpers for the pipeline tests: a temporary HOME and site repository, real
//! `ssh-keygen` keys for each member of the board, and the real `stp` and `git` binaries.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const ROLES: [(&str, &str); 6] = [
    ("admin", "admin"),
    ("editor", "editor"),
    ("verifier", "verifier"),
    ("approver", "approver"),
    ("secretary", "secretary"),
    ("contributor", "contributor"),
];

/// Today in Vietnam (UTC+7), as stp dates steps.
pub fn vietnam_today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive()
}

pub struct Env {
    _dir: tempfile::TempDir,
    pub home: PathBuf,
    pub site: PathBuf,
    pub keys: PathBuf,
}

impl Env {
    /// A HOME with git configured and a key pair per board member, no site yet.
    pub fn bare() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let keys = dir.path().join("keys");
        std::fs::create_dir_all(&home).unwrap();
        std::fs::create_dir_all(&keys).unwrap();
        let env = Env {
            site: dir.path().join("site"),
            _dir: dir,
            home,
            keys,
        };
        for (k, v) in [
            ("user.name", "Test"),
            ("user.email", "test@example.vn"),
            ("init.defaultBranch", "main"),
        ] {
            env.run_in(&env.home, "git", &["config", "--global", k, v]);
        }
        for name in [
            "admin",
            "editor",
            "verifier",
            "approver",
            "secretary",
            "contributor",
            "outsider",
            "deputy",
        ] {
            env.keygen(name);
        }
        env
    }

    /// A site whose first admin is `admin`, with one person per role.
    pub fn board() -> Env {
        let env = Env::bare();
        env.ok(&[
            "init",
            env.site.to_str().unwrap(),
            "--admin-key",
            env.key_pub("admin").to_str().unwrap(),
            "--admin-name",
            "Quản Trị",
        ]);
        for (name, role) in ROLES.iter().skip(1) {
            env.add_person(name, &[role]);
        }
        env
    }

    pub fn keygen(&self, name: &str) {
        let out = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
            .arg(self.key(name))
            .output()
            .unwrap();
        assert!(out.status.success(), "ssh-keygen: {out:?}");
    }

    pub fn key(&self, name: &str) -> PathBuf {
        self.keys.join(name)
    }

    pub fn key_pub(&self, name: &str) -> PathBuf {
        self.keys.join(format!("{name}.pub"))
    }

    /// The fingerprint `ssh-keygen -l` prints for `name`'s key.
    pub fn fingerprint(&self, name: &str) -> String {
        let out = Command::new("ssh-keygen")
            .arg("-lf")
            .arg(self.key_pub(name))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_string()
    }

    /// Adds person `name` (id = name) with `roles`, signed by the admin.
    pub fn add_person(&self, name: &str, roles: &[&str]) {
        let out = self.add_person_with_key(name, &self.key_pub(name), roles);
        assert!(
            out.status.success(),
            "stp people add {name} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Runs `stp people add name` with the public key file `key`, signed by the admin.
    pub fn add_person_with_key(&self, name: &str, key: &Path, roles: &[&str]) -> Output {
        let mut args = vec![
            "people".to_string(),
            "add".into(),
            name.into(),
            "--name".into(),
            format!("Người {name}"),
            "--key".into(),
            key.display().to_string(),
            "--signing-key".into(),
            self.key("admin").display().to_string(),
        ];
        for r in roles {
            args.push("--role".into());
            args.push(r.to_string());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.stp(&args)
    }

    /// Delegates `role` from `from` to `to` between two dates, signed by the admin.
    pub fn delegate(&self, from: &str, to: &str, role: &str, start: &str, until: &str) {
        let admin = self.key("admin");
        self.ok(&[
            "people",
            "delegate",
            from,
            to,
            "--role",
            role,
            "--from",
            start,
            "--until",
            until,
            "--signing-key",
            admin.to_str().unwrap(),
        ]);
    }

    pub fn command(&self, program: &str, dir: &Path) -> Command {
        let mut c = Command::new(program);
        c.current_dir(dir)
            .env("HOME", &self.home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            // stp's words in English, which these tests were written against; the
            // tests of the Vietnamese default (`lang`) remove it.
            .env("STP_LANG", "en")
            .env_remove("STP_KEY")
            .env_remove("STP_TRUST_ROOT")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("SSH_AUTH_SOCK")
            .env_remove("GIT_COMMITTER_DATE")
            .env_remove("GIT_AUTHOR_DATE");
        c
    }

    pub fn run_in(&self, dir: &Path, program: &str, args: &[&str]) -> Output {
        self.command(program, dir).args(args).output().unwrap()
    }

    /// Runs stp in `dir`, another clone of the site say.
    pub fn stp_in(&self, dir: &Path, args: &[&str]) -> Output {
        self.run_in(dir, env!("CARGO_BIN_EXE_stp"), args)
    }

    /// Runs stp in `dir` and expects success; returns stdout.
    pub fn ok_in(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.stp_in(dir, args);
        assert!(
            out.status.success(),
            "stp {args:?} in {}:\n{}{}",
            dir.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs git in `dir` and expects success; returns stdout.
    pub fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.run_in(dir, "git", args);
        assert!(out.status.success(), "git {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A bare repository beside the site, `shared.git`, added as the site's `origin`: the
    /// shared remote `stp sync` sends to.
    pub fn shared_remote(&self) -> PathBuf {
        let bare = self.site.parent().unwrap().join("shared.git");
        let out = self.run_in(
            &self.home,
            "git",
            &["init", "-q", "--bare", bare.to_str().unwrap()],
        );
        assert!(out.status.success(), "{out:?}");
        self.git(&["remote", "add", "origin", bare.to_str().unwrap()]);
        bare
    }

    /// The stp command in the site with this environment, to spawn (a server, say).
    pub fn stp_command(&self, args: &[&str]) -> Command {
        let mut c = self.command(env!("CARGO_BIN_EXE_stp"), &self.site);
        c.args(args);
        c
    }

    /// Runs stp in the site (or in the parent folder before the site exists).
    pub fn stp(&self, args: &[&str]) -> Output {
        self.stp_env(args, &[])
    }

    pub fn stp_env(&self, args: &[&str], vars: &[(&str, &str)]) -> Output {
        let dir = if self.site.is_dir() {
            self.site.clone()
        } else {
            self.home.clone()
        };
        let mut c = self.command(env!("CARGO_BIN_EXE_stp"), &dir);
        for (k, v) in vars {
            c.env(k, v);
        }
        c.args(args).output().unwrap()
    }

    /// Runs stp and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.stp(args);
        assert!(
            out.status.success(),
            "stp {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs stp and expects a refusal (exit 2); returns stderr.
    pub fn refused(&self, args: &[&str]) -> String {
        let out = self.stp(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "stp {args:?} should refuse:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// `git verify-commit HEAD` with the allowed-signers file the admin exports (`stp people
    /// export-allowed-signers`): git itself accepts HEAD's signature.
    pub fn verify_head_with_git(&self) {
        let signers = self.site.join("../allowed_signers");
        self.ok(&[
            "people",
            "export-allowed-signers",
            signers.to_str().unwrap(),
        ]);
        self.git(&[
            "-c",
            &format!("gpg.ssh.allowedSignersFile={}", signers.display()),
            "verify-commit",
            "HEAD",
        ]);
    }

    /// Runs git in the site and expects success; returns stdout.
    pub fn git(&self, args: &[&str]) -> String {
        self.git_env(args, &[])
    }

    pub fn git_env(&self, args: &[&str], vars: &[(&str, &str)]) -> String {
        let mut c = self.command("git", &self.site);
        for (k, v) in vars {
            c.env(k, v);
        }
        let out = c.args(args).output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Writes a new article and commits it as a draft (unsigned, as anyone may).
    pub fn draft(&self, slug: &str, body: &str) -> String {
        let path = format!("content/tin-tuc/{slug}.md");
        self.write(
            &path,
            &format!(
                "---\ntitle: \"Tin {slug}\"\ndate: 2026-11-20\nstatus: draft\n---\n\n{body}\n"
            ),
        );
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", &format!("draft {slug}")]);
        path
    }

    pub fn write(&self, path: &str, text: &str) {
        super::write(&self.site.join(path), text);
    }

    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.site.join(path)).unwrap()
    }

    /// Signs `action` on `article` with `who`'s key.
    pub fn step(&self, who: &str, action: &str, article: &str) -> String {
        self.ok(&[action, article, "--key", self.key(who).to_str().unwrap()])
    }

    /// Withdraws a published `article` (the approver's step) for `reason`.
    pub fn withdraw(&self, article: &str, reason: &str) -> String {
        let key = self.key("approver");
        self.ok(&[
            "withdraw",
            article,
            "--reason",
            reason,
            "--key",
            key.to_str().unwrap(),
        ])
    }

    /// Takes `article` through every step up to approved: waiting for the secretary.
    pub fn approve(&self, article: &str) {
        self.step("contributor", "submit", article);
        self.step("editor", "review", article);
        self.step("verifier", "verify", article);
        self.step("approver", "approve", article);
    }

    /// Takes `article` through every step to the public site.
    pub fn publish(&self, article: &str) {
        self.approve(article);
        self.ok(&["publish", "--key", self.key("secretary").to_str().unwrap()]);
    }

    /// Builds the public site and returns whether the article `slug` of tin-tuc is on it.
    pub fn on_site(&self, slug: &str) -> bool {
        self.ok(&["build"]);
        self.site
            .join(format!("public/tin-tuc/{slug}/index.html"))
            .is_file()
    }

    /// The public page of `slug`.
    pub fn page(&self, slug: &str) -> String {
        std::fs::read_to_string(self.site.join(format!("public/tin-tuc/{slug}/index.html")))
            .unwrap()
    }

    /// Commits the working tree with git itself, signed by `key` (`gpg.format ssh`) or
    /// unsigned, with `message`.
    pub fn forge(&self, key: Option<&str>, message: &str, vars: &[(&str, &str)]) -> String {
        self.git(&["add", "-A"]);
        let mut args = vec!["-c".to_string(), "gpg.format=ssh".into()];
        if let Some(k) = key {
            args.push("-c".into());
            args.push(format!("user.signingkey={}", self.key(k).display()));
        }
        args.extend(["commit".into(), "-q".into()]);
        if key.is_some() {
            args.push("-S".into());
        }
        args.extend(["-m".into(), message.into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.git_env(&args, vars);
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    /// Where git keeps object `id` loose (`.git/objects/ab/cdef…`); whether it is there is
    /// the caller's to check.
    pub fn loose_object(&self, id: &str) -> PathBuf {
        self.site.join(".git/objects").join(&id[..2]).join(&id[2..])
    }

    /// The blob id git gives the file at `path`.
    pub fn blob(&self, path: &str) -> String {
        self.git(&["hash-object", path]).trim().to_string()
    }

    /// Sets the `status:` line of `path` in the working tree.
    pub fn set_status(&self, path: &str, status: &str) {
        let text = self.read(path);
        let out: Vec<String> = text
            .lines()
            .map(|l| {
                if l.starts_with("status:") {
                    format!("status: {status}")
                } else {
                    l.to_string()
                }
            })
            .collect();
        self.write(path, &(out.join("\n") + "\n"));
    }

    /// The audit's JSON findings (and whether it exited 0).
    pub fn audit(&self) -> (bool, serde_json::Value) {
        let out = self.stp(&["audit", "--json"]);
        let json = serde_json::from_slice(&out.stdout).expect("audit --json prints JSON");
        (out.status.success(), json)
    }

    /// The audit's issue about `commit` (the audit must list one).
    pub fn audit_issue(&self, commit: &str) -> serde_json::Value {
        let (clean, json) = self.audit();
        assert!(!clean, "audit is clean: {json}");
        json["issues"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["commit"] == commit)
            .cloned()
            .unwrap_or_else(|| panic!("no issue for {commit}: {json}"))
    }

    /// The `stp log` text of `article`.
    pub fn log(&self, article: &str) -> String {
        self.ok(&["log", article])
    }
}
