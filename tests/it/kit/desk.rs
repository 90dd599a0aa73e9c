//! A running `stp desk` for the tests: the real binary on 127.0.0.1 with a person's real
//! key, and a plain HTTP/1.1 client that says exactly which Host, Origin, cookie and form
//! fields it sends, so a test can send what a browser would and what an attacker would.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Stdio};

use super::repo::Env;

pub struct Desk {
    child: Child,
    pub port: u16,
    pub session: String,
}

/// One HTTP answer.
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Desk {
    /// `stp desk --no-open` with `who`'s key, once it listens, in Vietnamese.
    pub fn start(env: &Env, who: &str) -> Desk {
        Desk::start_in(env, who, "vi")
    }

    /// `stp desk` with `who`'s key in the language `lang` (`STP_LANG`).
    pub fn start_in(env: &Env, who: &str, lang: &str) -> Desk {
        let mut child = env
            .stp_command(&["desk", "--no-open", "--key", env.key(who).to_str().unwrap()])
            .env("STP_LANG", lang)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let line = super::wait_for_line(&mut lines, "http://127.0.0.1:");
        let port = super::port_in(&line);
        let session = line.rsplit("khoa=").next().unwrap().trim().to_string();
        // Keep reading what it prints, so it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Desk {
            child,
            port,
            session,
        }
    }

    pub fn own_host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// A GET as the signed-in browser does.
    pub fn get(&self, path: &str) -> Answer {
        self.request("GET", path, &self.own_host(), None, true, "")
    }

    /// A POST of `form` (urlencoded) from the desk's own page.
    pub fn post(&self, path: &str, form: &[(&str, &str)]) -> Answer {
        let origin = format!("http://{}", self.own_host());
        self.request(
            "POST",
            path,
            &self.own_host(),
            Some(&origin),
            true,
            &encode(form),
        )
    }

    /// The form token in the page at `path` (one with a form).
    pub fn token(&self, path: &str) -> String {
        let page = self.get(path).body;
        let mark = "name=\"token\" value=\"";
        let at = page
            .find(mark)
            .unwrap_or_else(|| panic!("no form on {path}: {page}"))
            + mark.len();
        page[at..at + 64].to_string()
    }

    /// A `multipart/form-data` POST from the desk's own page: text `fields`, then `files`
    /// as `(name, bytes)` in the field `tep`.
    pub fn post_files(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> Answer {
        let boundary = "stp-test-boundary-7d1f";
        let mut body = Vec::new();
        for (k, v) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, bytes) in files {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nCookie: stp_ban={}\r\nConnection: close\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\r\n",
            self.session,
            body.len(),
            host = self.own_host(),
        );
        self.exchange(head.as_bytes(), &body)
    }

    /// Any request, as said.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        host: &str,
        origin: Option<&str>,
        cookie: bool,
        body: &str,
    ) -> Answer {
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
        if let Some(origin) = origin {
            head.push_str(&format!("Origin: {origin}\r\n"));
        }
        if cookie {
            head.push_str(&format!("Cookie: stp_ban={}\r\n", self.session));
        }
        if method == "POST" {
            head.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        self.exchange(head.as_bytes(), body.as_bytes())
    }

    /// Sends `head` and `body` on a new connection and reads the whole answer.
    fn exchange(&self, head: &[u8], body: &[u8]) -> Answer {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.write_all(head).unwrap();
        s.write_all(body).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Answer {
            status,
            head: head.to_string(),
            body: body.to_string(),
        }
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `application/x-www-form-urlencoded`.
pub fn encode(form: &[(&str, &str)]) -> String {
    form.iter()
        .map(|(k, v)| format!("{}={}", escape(k), escape(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn escape(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
