//! A real SMTP server for the tests of `stp notify`: Python's `aiosmtpd` (installed by
//! `.ci/run`) on a free port of 127.0.0.1, run from `smtp_sink.py`, which writes every
//! message it accepts to a folder as a `.eml` file and refuses the addresses it is given
//! with 550, or requires STARTTLS with a certificate nobody trusts (`smtp_tls/`: a
//! throwaway self-signed certificate for 127.0.0.1, made once with openssl, valid for a
//! century). A machine without aiosmtpd fails the test, saying so: nothing is skipped.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};

const SCRIPT: &str = include_str!("smtp_sink.py");

pub struct SmtpServer {
    child: Child,
    stdin: Option<ChildStdin>,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl SmtpServer {
    /// Starts the server; `refuse` are the addresses it answers 550 at RCPT TO.
    pub fn start(refuse: &[&str]) -> SmtpServer {
        Self::start_with(refuse, false)
    }

    /// Starts a server that requires STARTTLS with a throwaway self-signed certificate
    /// for 127.0.0.1 (`smtp_tls/`), which no client trusts.
    pub fn start_untrusted_tls() -> SmtpServer {
        Self::start_with(&[], true)
    }

    fn start_with(refuse: &[&str], tls: bool) -> SmtpServer {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("smtp_sink.py");
        std::fs::write(&script, SCRIPT).unwrap();
        std::fs::create_dir_all(dir.path().join("mail")).unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut command = Command::new("python3");
        if tls {
            let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/kit/smtp_tls");
            command
                .env("STP_TEST_SMTP_CERT", fixtures.join("cert.pem"))
                .env("STP_TEST_SMTP_KEY", fixtures.join("key.pem"));
        }
        let mut child = command
            .arg(&script)
            .arg(dir.path().join("mail"))
            .arg(port.to_string())
            .args(refuse)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(dir.path().join("server.log")).unwrap())
            .spawn()
            .expect("python3 runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let log = std::fs::read_to_string(dir.path().join("server.log")).unwrap_or_default();
        assert_eq!(
            line.trim(),
            "ready",
            "the test SMTP server did not start (is aiosmtpd installed? `pip install aiosmtpd`, \
             as .ci/run does):\n{log}"
        );
        SmtpServer {
            stdin: child.stdin.take(),
            child,
            port,
            dir,
        }
    }

    fn mail_dir(&self) -> PathBuf {
        self.dir.path().join("mail")
    }

    /// The messages received so far, oldest first, as raw bytes.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.mail_dir())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        names.sort();
        names.iter().map(|p| std::fs::read(p).unwrap()).collect()
    }

    /// Forgets the messages received so far.
    pub fn clear(&self) {
        for p in std::fs::read_dir(self.mail_dir()).unwrap().flatten() {
            std::fs::remove_file(p.path()).unwrap();
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        // Closing its standard input stops it; kill it if it does not stop.
        drop(self.stdin.take());
        for _ in 0..50 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
