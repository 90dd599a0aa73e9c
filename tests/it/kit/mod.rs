//! The helpers the tests share: `repo`, a site repository with a key per member of the
//! board (real `git` and `ssh-keygen`); `site`, a plain site folder for the builder;
//! `intake`, documents and e-mail for `stp intake`; `sshd`, a real OpenSSH server; `smtp`, a real SMTP server (aiosmtpd). Here, what they all use.

pub mod intake;
pub mod repo;
pub mod site;
pub mod smtp;
pub mod sshd;

use std::path::Path;
use std::process::{Command, Output};

/// The real binary on the site at `root`: `stp -C ROOT ARGS`, in the test's environment.
pub fn stp_at(root: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stp"));
    c.arg("-C").arg(root).args(args);
    c
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Writes a file, creating its folders.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Names the test that the child process of [`in_own_process`] runs.
const OWN_PROCESS: &str = "STP_TEST_OWN_PROCESS";

/// For a test whose in-process library calls read environment variables: the tests of this
/// binary are threads of one process, so none may set a variable for itself
/// (`std::env::set_var` would reach every other test and every command they start). Such a
/// test runs again, alone, in a child process of this test binary started with `vars`.
///
/// `module` is the caller's `module_path!()` and `test` its function's name. Returns `true`
/// in the child, where the test goes on with its body; in the test as first started, runs
/// the child, asserts that the test ran there and passed, and returns `false`.
pub fn in_own_process(module: &str, test: &str, vars: &[(&str, &str)]) -> bool {
    // libtest names a test by its path below the crate (`it::`).
    let module = module.split_once("::").map_or(module, |(_, m)| m);
    let name = format!("{module}::{test}");
    if std::env::var_os(OWN_PROCESS).is_some_and(|t| t == name.as_str()) {
        for (k, v) in vars {
            assert_eq!(
                std::env::var(k).as_deref(),
                Ok(*v),
                "{k} in {name}'s process"
            );
        }
        return true;
    }
    let out = Command::new(std::env::current_exe().expect("the test binary's path"))
        .args([name.as_str(), "--exact", "--test-threads=1", "--nocapture"])
        .env(OWN_PROCESS, &name)
        .envs(vars.iter().copied())
        .output()
        .expect("run the test binary");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success() && said.contains("test result: ok. 1 passed;"),
        "{name} in a process of its own:\n{said}"
    );
    false
}

/// `text` with every `(from, to)` replaced, then every commit id (40 hexadecimal digits)
/// as `<commit>` and every SHA-256 digest (64) as `<digest>`: for snapshots of output
/// that names commits, versions, keys and temporary paths.
pub fn redact(text: &str, known: &[(&str, &str)]) -> String {
    let mut text = text.to_string();
    for (from, to) in known {
        text = text.replace(from, to);
    }
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_hexdigit() && c.is_ascii_lowercase() || c.is_ascii_digit() {
            run.push(c);
            continue;
        }
        if run.len() == 40 {
            out.push_str("<commit>");
        } else if run.len() == 64 {
            out.push_str("<digest>");
        } else {
            out.push_str(&run);
        }
        run.clear();
        out.push(c);
    }
    out.pop();
    out
}

/// Parses a `--json` output and checks the convention every one keeps: one JSON object,
/// `"schema_version": 1` first.
pub fn versioned_json(text: &str) -> serde_json::Value {
    assert!(
        text.starts_with("{\n  \"schema_version\": 1"),
        "not a versioned JSON object:\n{text}"
    );
    let value: serde_json::Value = serde_json::from_str(text).expect("one JSON value");
    assert!(value.is_object(), "{text}");
    value
}

/// Every file of a folder, path (with `/`) → bytes.
pub fn files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// A plain HTTP/1.0 GET of `path` from 127.0.0.1:`port`: the whole response, head and body.
pub fn http_get(port: u16, path: &str) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut body = String::new();
    s.read_to_string(&mut body).unwrap();
    body
}

/// Reads `lines` (a server's stdout) until one contains `needle`; returns it.
pub fn wait_for_line(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    needle: &str,
) -> String {
    for line in lines.by_ref() {
        let line = line.unwrap();
        if line.contains(needle) {
            return line;
        }
    }
    panic!("the server ended without printing `{needle}`");
}

/// The port in a `… http://127.0.0.1:PORT/ …` line a server printed.
pub fn port_in(line: &str) -> u16 {
    line.rsplit("http://127.0.0.1:")
        .next()
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in `{line}`"))
}
