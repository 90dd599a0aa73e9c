//! A real OpenSSH server (`/usr/sbin/sshd`, Debian's openssh-server) on 127.0.0.1 for the
//! tests that reach a host over ssh (`stp sync`, `stp deploy host:folder`): its own host
//! key, one authorised user key, and a client configuration naming it.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// An sshd on 127.0.0.1, killed when dropped.
pub struct Server {
    child: Child,
    /// sshd's log: every connection it took.
    pub log: PathBuf,
    /// An ssh client configuration naming the server `stp-test-server` (`ssh -F` it).
    pub client_config: PathBuf,
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

impl Server {
    /// Starts sshd for the current user, with keys in `dir`; writes `dir/ssh_config` naming
    /// the server `stp-test-server`.
    pub fn start(dir: &Path) -> Server {
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
        let server = Server {
            child,
            log,
            client_config: dir.join("ssh_config"),
        };
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
        server
    }
}
