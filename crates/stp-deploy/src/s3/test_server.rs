//! For tests: a real S3-compatible server on 127.0.0.1 (moto's, `moto_server`, from
//! `pip install 'moto[server]'`), stopped when dropped, and a proxy in front of it that
//! records each request and can start answering 500 after a number of them (a service
//! failing part-way). Shared by this crate's tests and tests/it/deploy_s3.rs (included
//! there with `#[path]`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The credentials and region the tests use (moto takes any).
pub const KEY_ID: &str = "stp-test-key";
pub const SECRET: &str = "stp-test-secret";
pub const REGION: &str = "us-east-1";

/// A moto server on a free port of 127.0.0.1.
pub struct Moto {
    child: Child,
    pub port: u16,
}

impl Moto {
    /// Starts one and waits until it answers. Fails (never skips) when moto is missing.
    pub fn start() -> Moto {
        let port = free_port();
        let child = Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start moto_server ({e}): the S3 tests need a local S3 server; install it with `pip install 'moto[server]'` (.ci/run does)"
                )
            });
        let mut moto = Moto { child, port };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = moto.child.try_wait() {
                panic!("moto_server stopped at once ({status})");
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "moto_server did not answer on port {port} within 60 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        moto
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

/// A proxy on 127.0.0.1 in front of `upstream`: each request is passed on (one connection
/// each, `Connection: close`) and its first line recorded, until `fail_after` requests
/// have passed; from then on each is answered 500 and not passed on.
pub struct Proxy {
    pub port: u16,
    requests: Arc<Mutex<Vec<String>>>,
    fail_after: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Proxy {
    pub fn start(upstream: u16) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port for the proxy");
        let port = listener.local_addr().unwrap().port();
        let proxy = Proxy {
            port,
            requests: Arc::default(),
            fail_after: Arc::new(AtomicUsize::new(usize::MAX)),
            stop: Arc::default(),
        };
        let (requests, fail_after, stop) = (
            proxy.requests.clone(),
            proxy.fail_after.clone(),
            proxy.stop.clone(),
        );
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(client) = client else { continue };
                let (requests, fail_after) = (requests.clone(), fail_after.clone());
                std::thread::spawn(move || {
                    let _ = pass(client, upstream, &requests, &fail_after);
                });
            }
        });
        proxy
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// From now on, pass `n` more requests, then answer 500.
    pub fn fail_after(&self, n: usize) {
        let seen = self.requests.lock().unwrap().len();
        self.fail_after.store(seen + n, Ordering::SeqCst);
    }

    /// Pass every request again.
    pub fn heal(&self) {
        self.fail_after.store(usize::MAX, Ordering::SeqCst);
    }

    /// The first line of each request passed on or refused so far (`PUT /bucket/key?…`),
    /// and forgets them.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.requests.lock().unwrap())
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// One client connection: its requests one by one, each to a new upstream connection.
fn pass(
    client: TcpStream,
    upstream: u16,
    requests: &Mutex<Vec<String>>,
    fail_after: &AtomicUsize,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(client.try_clone()?);
    let mut client = client;
    loop {
        let mut head = Vec::new();
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            if line == "\r\n" {
                break;
            }
            let lower = line.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
            if !lower.starts_with("connection:") {
                head.push(line);
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        let first = head.first().cloned().unwrap_or_default();
        let n = {
            let mut seen = requests.lock().unwrap();
            seen.push(first.trim_end().to_string());
            seen.len()
        };
        if n > fail_after.load(Ordering::SeqCst) {
            let refusal =
                "<Error><Code>InternalError</Code><Message>failing on purpose</Message></Error>";
            write!(
                client,
                "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/xml\r\nContent-Length: {}\r\n\r\n{refusal}",
                refusal.len()
            )?;
            continue;
        }
        let mut up = TcpStream::connect(("127.0.0.1", upstream))?;
        for line in &head {
            up.write_all(line.as_bytes())?;
        }
        up.write_all(b"Connection: close\r\n\r\n")?;
        up.write_all(&body)?;
        let mut answer = Vec::new();
        up.read_to_end(&mut answer)?;
        client.write_all(&answer)?;
        // The answer says `Connection: close`: the client opens a new connection.
        return Ok(());
    }
}
