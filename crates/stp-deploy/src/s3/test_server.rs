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

    /// A store at `bucket`/`prefix` on this server, reached directly with the tests'
    /// credentials (`super` is the S3 module in this crate, the test module in tests/it:
    /// both name `Store`, `S3Target` and `S3Access`).
    pub fn store(&self, bucket: &str, prefix: &str) -> super::Store {
        let target = super::S3Target {
            bucket: bucket.into(),
            prefix: prefix.into(),
        };
        let access = super::S3Access {
            key_id: KEY_ID.into(),
            secret: SECRET.into(),
            session_token: None,
            region: REGION.into(),
            endpoint: Some(self.endpoint()),
            clock: std::time::SystemTime::now,
        };
        super::Store::open(&target, &access).expect("the tests' store opens")
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
/// each, `Connection: close`) and its first line recorded; once told to fail, it passes a
/// number of PUT requests more, and from then on answers every request 500 (a service
/// failing part-way).
pub struct Proxy {
    pub port: u16,
    state: Arc<State>,
}

#[derive(Default)]
struct State {
    requests: Mutex<Vec<String>>,
    /// PUT requests passed since `fail_after_puts`, and how many may pass.
    puts: AtomicUsize,
    puts_allowed: AtomicUsize,
    failing: AtomicBool,
    stop: AtomicBool,
}

impl Proxy {
    pub fn start(upstream: u16) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port for the proxy");
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(State {
            puts_allowed: AtomicUsize::new(usize::MAX),
            ..State::default()
        });
        let shared = state.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if shared.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                let state = shared.clone();
                std::thread::spawn(move || {
                    let _ = pass(client, upstream, &state);
                });
            }
        });
        Proxy { port, state }
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// From now on, pass `n` more PUT requests (and what comes between them), then answer
    /// every request 500.
    pub fn fail_after_puts(&self, n: usize) {
        self.state.puts.store(0, Ordering::SeqCst);
        self.state.puts_allowed.store(n, Ordering::SeqCst);
    }

    /// Pass every request again.
    pub fn heal(&self) {
        self.state.puts_allowed.store(usize::MAX, Ordering::SeqCst);
        self.state.failing.store(false, Ordering::SeqCst);
    }

    /// The first line of each request passed on or refused so far (`PUT /bucket/key?…`),
    /// and forgets them.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.state.requests.lock().unwrap())
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.state.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// One client connection: its requests one by one, each to a new upstream connection.
fn pass(client: TcpStream, upstream: u16, state: &State) -> std::io::Result<()> {
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
        state
            .requests
            .lock()
            .unwrap()
            .push(first.trim_end().to_string());
        if first.starts_with("PUT ")
            && state.puts.fetch_add(1, Ordering::SeqCst)
                >= state.puts_allowed.load(Ordering::SeqCst)
        {
            state.failing.store(true, Ordering::SeqCst);
        }
        if state.failing.load(Ordering::SeqCst) {
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
