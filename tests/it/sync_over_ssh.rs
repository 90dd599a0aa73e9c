//! `stp sync` with a shared repository on another machine, reached over ssh the way an
//! agency would set it up (`git remote add origin server:/srv/site.git`): a real OpenSSH
//! server (`/usr/sbin/sshd`, Debian's openssh-server) on 127.0.0.1 with its own host key
//! and one authorised user key, and git's ssh transport through stp's `sync_git.rs`. Two
//! clones step on the same article: the first to sync lands, the other is refused with its
//! step kept on a branch; every commit still verifies and `stp audit` passes on both.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::kit::repo::Env;

/// An sshd on 127.0.0.1, killed when dropped.
struct Server {
    child: Child,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn user() -> String {
    let out = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Starts sshd for the current user, with keys in `dir`; writes `dir/ssh_config` naming
/// the server `stp-test-server`, and makes git (global config in `env`'s HOME) use it.
fn start_server(env: &Env, dir: &Path) -> Server {
    let sshd = Path::new("/usr/sbin/sshd");
    assert!(
        sshd.is_file(),
        "this test needs an OpenSSH server: apt-get install -y openssh-server (.ci/run does)"
    );
    let keygen = |name: &str| {
        let out = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(dir.join(name))
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    };
    keygen("host_key");
    keygen("user_key");
    std::fs::copy(dir.join("user_key.pub"), dir.join("authorized_keys")).unwrap();
    // sshd running as root wants its privilege separation folder.
    let _ = std::fs::create_dir_all("/run/sshd");
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = dir.join("sshd_config");
    std::fs::write(
        &config,
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\nAuthorizedKeysFile {auth}\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n\
             StrictModes no\nPidFile none\nPermitRootLogin prohibit-password\nAllowUsers {user}\n",
            host = dir.join("host_key").display(),
            auth = dir.join("authorized_keys").display(),
            user = user(),
        ),
    )
    .unwrap();
    let log = dir.join("sshd.log");
    let child = Command::new(sshd)
        .args(["-D", "-e", "-f"])
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let server = Server { child, log };
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "sshd did not start: {}",
            std::fs::read_to_string(&server.log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let client = dir.join("ssh_config");
    std::fs::write(
        &client,
        format!(
            "Host stp-test-server\n  HostName 127.0.0.1\n  Port {port}\n  User {user}\n  \
             IdentityFile {key}\n  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  \
             UserKnownHostsFile /dev/null\n  BatchMode yes\n  LogLevel ERROR\n",
            user = user(),
            key = dir.join("user_key").display(),
        ),
    )
    .unwrap();
    let ssh = format!("ssh -F {}", client.display());
    let out = env.run_in(
        &env.home,
        "git",
        &["config", "--global", "core.sshCommand", &ssh],
    );
    assert!(out.status.success(), "{out:?}");
    server
}

/// `git verify-commit` accepts every stp commit and `stp audit` passes, in `dir`.
fn all_verified(env: &Env, dir: &Path) {
    let signers = dir.join(".git/allowed_signers");
    env.ok_in(
        dir,
        &[
            "people",
            "export-allowed-signers",
            signers.to_str().unwrap(),
        ],
    );
    let allowed = format!("gpg.ssh.allowedSignersFile={}", signers.display());
    let log = env.git_in(dir, &["log", "--format=%H %s"]);
    let mut checked = 0;
    for line in log.lines().filter(|l| l.contains(" stp:")) {
        let id = line.split(' ').next().unwrap();
        env.git_in(dir, &["-c", &allowed, "verify-commit", id]);
        checked += 1;
    }
    assert!(checked > 5, "{log}");
    env.ok_in(dir, &["audit"]);
}

#[test]
fn two_clones_sync_through_an_ssh_server_and_the_first_step_on_an_article_lands() {
    let env = Env::board();
    env.add_person("deputy", &["editor"]);
    let server_dir = env.home.join("server");
    std::fs::create_dir_all(&server_dir).unwrap();
    let server = start_server(&env, &server_dir);
    let bare = server_dir.join("site.git");
    let out = env.run_in(
        &env.home,
        "git",
        &["init", "-q", "--bare", bare.to_str().unwrap()],
    );
    assert!(out.status.success());
    let url = format!("stp-test-server:{}", bare.display());
    env.git(&["remote", "add", "origin", &url]);

    // A sends the whole site to the empty shared repository.
    let sent = env.ok(&["sync"]);
    assert!(sent.contains("sent"), "{sent}");
    let b = env.home.join("clone-b");
    let out = env.run_in(
        &env.home,
        "git",
        &["clone", "-q", &url, b.to_str().unwrap()],
    );
    assert!(out.status.success(), "{out:?}");

    let article = env.draft("qua-ssh", "Gửi qua máy chủ.");
    env.step("contributor", "submit", &article);
    env.ok(&["sync"]);
    let got = env.ok_in(&b, &["sync"]);
    assert!(got.contains("received"), "{got}");

    // Both step on the same article at once; A syncs first.
    env.step("editor", "review", &article);
    env.ok_in(
        &b,
        &[
            "review",
            &article,
            "--key",
            env.key("deputy").to_str().unwrap(),
        ],
    );
    let b_review = env.git_in(&b, &["rev-parse", "HEAD"]);
    let landed = env.ok(&["sync"]);
    assert!(landed.contains("sent 1 commits"), "{landed}");
    let deputy = env.key("deputy");
    let out = env.stp_in(&b, &["sync", "--key", deputy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 of your commits were not sent"), "{err}");
    assert!(err.contains("kept on branch stp-unsent/main-1"), "{err}");
    assert_eq!(
        env.git_in(&b, &["rev-parse", "stp-unsent/main-1"]),
        b_review
    );
    assert_eq!(
        env.git_in(&b, &["rev-parse", "HEAD"]),
        env.git(&["rev-parse", "HEAD"])
    );
    assert_eq!(
        env.git_in(&b, &["ls-remote", "origin", "refs/heads/main"])
            .split('\t')
            .next()
            .unwrap(),
        env.git(&["rev-parse", "HEAD"]).trim()
    );
    assert!(env.ok_in(&b, &["sync"]).contains("up to date"));
    all_verified(&env, &env.site);
    all_verified(&env, &b);
    let log = std::fs::read_to_string(&server.log).unwrap();
    assert!(
        log.matches("Accepted publickey").count() >= 6,
        "every fetch and push went through sshd:\n{log}"
    );
}

#[test]
fn an_unreachable_server_is_refused_with_what_to_check() {
    let env = Env::board();
    env.git(&[
        "remote",
        "add",
        "origin",
        "khong-co-may-chu.invalid:/srv/site.git",
    ]);
    let out = env.stp(&["sync"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot fetch from khong-co-may-chu.invalid:/srv/site.git"),
        "{err}"
    );
    assert!(err.contains("git remote -v"), "{err}");
}
