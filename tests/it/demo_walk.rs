//! `stp demo`: from any folder, a temporary site repository whose example articles went
//! through every step as real signed commits (one left in review, one returned, one
//! rejected), the public site built into ./public, and a repository people can keep using:
//! `stp status`, `stp log`, `stp audit`, `git verify-commit`, and the next step.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const IN_REVIEW: &str = "content/tin-tuc/thong-bao-tam-ngung-cong-thong-tin-de-bao-tri.md";
const RETURNED: &str = "content/tin-tuc/tro-giup-phap-ly-luu-dong-xa-bien-gioi.md";
const REJECTED: &str = "content/nghien-cuu-trao-doi/thoi-hieu-chia-di-san-thua-ke.md";

struct Place {
    _dir: tempfile::TempDir,
    home: PathBuf,
    tmp: PathBuf,
    cwd: PathBuf,
}

fn place() -> Place {
    let dir = tempfile::tempdir().unwrap();
    let (home, tmp, cwd) = (
        dir.path().join("home"),
        dir.path().join("tmp"),
        dir.path().join("somewhere"),
    );
    for d in [&home, &tmp, &cwd] {
        std::fs::create_dir_all(d).unwrap();
    }
    Place {
        _dir: dir,
        home,
        tmp,
        cwd,
    }
}

impl Place {
    fn command(&self, program: &str, dir: &Path) -> Command {
        let mut c = Command::new(program);
        c.current_dir(dir)
            .env("HOME", &self.home)
            .env("TMPDIR", &self.tmp)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("STP_LANG", "en")
            .env_remove("STP_KEY")
            .env_remove("STP_TRUST_ROOT")
            .env_remove("SSH_AUTH_SOCK");
        c
    }

    fn run(&self, dir: &Path, program: &str, args: &[&str], vars: &[(&str, &str)]) -> Output {
        let mut c = self.command(program, dir);
        for (k, v) in vars {
            c.env(k, v);
        }
        let out = c.args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{program} {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The value printed after `label` on its line.
fn after<'a>(stdout: &'a str, label: &str) -> &'a str {
    stdout
        .lines()
        .find_map(|l| l.split_once(label).map(|(_, v)| v.trim()))
        .unwrap_or_else(|| panic!("no `{label}` in:\n{stdout}"))
}

/// How many articles the bundled example site has.
fn example_articles() -> usize {
    walkdir::WalkDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/site/content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".md"))
        .count()
}

#[test]
fn the_demo_walks_the_example_site_and_leaves_a_repository_to_explore() {
    let p = place();
    let stp = env!("CARGO_BIN_EXE_stp");
    let stdout = text(&p.run(&p.cwd, stp, &["demo"], &[]));
    let total = example_articles();

    let site = PathBuf::from(after(&stdout, "site repository:"));
    assert!(site.starts_with(&p.tmp), "{}", site.display());
    let root = after(&stdout, "trust root (the head's key):").to_string();
    assert!(root.starts_with("SHA256:"), "{root}");
    assert!(
        stdout.contains(&format!("Bài viết / articles: {total} through")),
        "{stdout}"
    );
    for (state, n) in [
        ("published", total - 3),
        ("edited", 1),
        ("returned", 1),
        ("rejected", 1),
    ] {
        assert!(
            stdout
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{state} "))
                    && l.contains(&format!(" {n}  ("))),
            "{state} {n}:\n{stdout}"
        );
    }
    assert!(stdout.contains("Điều 12.3.d"), "{stdout}");
    assert!(stdout.contains("git verify-commit HEAD"), "{stdout}");

    // The public site, in ./public of the folder the demo ran in: only what was published.
    let public = p.cwd.join("public");
    assert_eq!(
        PathBuf::from(after(&stdout, "Trang công khai / public site:")),
        public
    );
    assert!(public.join("index.html").is_file());
    assert!(
        public
            .join("tin-tuc/phieu-ly-lich-tu-phap-qua-vneid/index.html")
            .is_file()
    );
    assert!(public.join("van-ban/qd-12-2026/qd-12-2026.pdf").is_file());
    for held in [IN_REVIEW, RETURNED, REJECTED] {
        let page = held.trim_start_matches("content/").trim_end_matches(".md");
        assert!(!public.join(page).exists(), "{page} is not published");
    }

    // The repository: pinned to the printed root, every signature verified by stp and git.
    let pin = [("STP_TRUST_ROOT", root.as_str())];
    let status: serde_json::Value =
        serde_json::from_slice(&p.run(&site, stp, &["status", "--json"], &pin).stdout).unwrap();
    assert_eq!(status["trust_root"], root.as_str());
    assert_eq!(status["articles"].as_array().unwrap().len(), total);
    assert!(text(&p.run(&site, stp, &["audit"], &pin)).contains("no unauthorised changes"));
    let commits: usize = text(&p.run(&site, "git", &["rev-list", "--count", "HEAD"], &[]))
        .trim()
        .parse()
        .unwrap();
    assert!(commits > 4 * total, "{commits}");
    let shown = text(&p.run(
        &site,
        "git",
        &["log", "--show-signature", "--format=%h"],
        &[],
    ));
    assert_eq!(
        shown.matches("Good \"git\" signature").count(),
        commits,
        "{shown}"
    );
    assert!(text(&p.run(&site, "git", &["status", "--porcelain"], &[])).is_empty());

    let log = text(&p.run(&site, stp, &["log", RETURNED], &pin));
    assert!(
        log.contains("return   submitted -> returned  by Lê Văn Cường (bien-tap-vien, editor)"),
        "{log}"
    );
    assert!(log.contains("reason: Đề nghị bổ sung"), "{log}");
    let log = text(&p.run(&site, stp, &["log", REJECTED], &pin));
    assert!(log.contains("ground: Điều 12.3.d"), "{log}");
    let log = text(&p.run(
        &site,
        stp,
        &["log", "content/tin-tuc/phieu-ly-lich-tu-phap-qua-vneid.md"],
        &pin,
    ));
    for who in [
        "(cong-tac-vien, contributor)",
        "(bien-tap-vien, editor)",
        "(truong-ban, verifier)",
        "(truong-ban, approver)",
        "(thu-ky, secretary)",
    ] {
        assert!(log.contains(who), "{who}:\n{log}");
    }

    // The keys are there to go on with: the head verifies the article left in review.
    let keys = PathBuf::from(after(&stdout, "(khóa / keys:").trim_end_matches("):"));
    let head_key = keys.join("truong-ban");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&head_key).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let done = text(&p.run(
        &site,
        stp,
        &["verify", IN_REVIEW, "--key", head_key.to_str().unwrap()],
        &pin,
    ));
    assert!(done.contains("edited -> verified"), "{done}");
}

#[test]
fn demo_serve_shows_the_public_site_on_localhost() {
    let p = place();
    let out = p.cwd.join("site-out");
    let mut child = p
        .command(env!("CARGO_BIN_EXE_stp"), &p.cwd)
        .args(["demo", "--out", "site-out", "--serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines
            .next()
            .expect("the demo prints where it serves")
            .unwrap();
        if let Some(rest) = line.strip_prefix("serving ") {
            break rest
                .split(" at ")
                .nth(1)
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .to_string();
        }
    };
    assert!(out.join("index.html").is_file());
    let address = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let get = |path: &str| {
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    };
    let home = get("/");
    let page = get("/khong-co-trang-nay/");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        home.starts_with("HTTP/1.0 200") || home.starts_with("HTTP/1.1 200"),
        "{home:.200}"
    );
    assert!(home.contains("Sở Tư pháp"));
    assert!(
        !home.contains("__stp/version"),
        "the public site has no reload script"
    );
    assert!(page.contains(" 404 "), "{page:.200}");
}
