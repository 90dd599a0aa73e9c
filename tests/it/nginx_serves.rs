//! docs/deploy.md's nginx configuration, against a real nginx: the documented block itself
//! (taken out of the file, its two placeholder lines set to a free port on 127.0.0.1 and
//! the build's folder) serves the public site that `stp demo --compress` builds, and plain
//! HTTP requests check what a reader's browser gets: UTF-8, the caching, the headers of
//! `crates/stp-render/src/headers.rs` on pages, assets and the 404, the 404 page, the `.gz`
//! variant sent as it is, and `_headers` and the build record kept back. Another test holds
//! the file's policy to `headers.rs` without nginx.
//!
//! nginx runs as one process (`master_process off`, `daemon off`), a child of the test,
//! with its prefix, pid file, error log and temporary folders in the test's temporary
//! folder. In that mode it never switches user, so it reads the test's private folder as
//! whoever runs the test (root in CI): no `user` line and no world-readable folder. The
//! process is killed when the test ends, passed or failed, and no worker outlives it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use stp::render::headers::{ASSETS, CSP, EVERYWHERE};

const NGINX: &str = "/usr/sbin/nginx";
/// Debian's MIME types (nginx-common), which its `nginx.conf` includes in `http`.
const MIME_TYPES: &str = "/etc/nginx/mime.types";
/// What marks the lines of the documented block a site sets for itself.
const PLACEHOLDER: &str = "# placeholder:";

fn deploy_doc() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/deploy.md"))
        .expect("docs/deploy.md")
}

/// The text of the one code block of `doc` fenced as ```` ```LANG ````.
fn fenced(doc: &str, lang: &str) -> String {
    let opening = format!("```{lang}\n");
    let mut blocks = doc.split(opening.as_str()).skip(1);
    let block = blocks
        .next()
        .unwrap_or_else(|| panic!("docs/deploy.md has no ```{lang} block"));
    assert!(
        blocks.next().is_none(),
        "docs/deploy.md has more than one ```{lang} block"
    );
    block
        .split_once("\n```")
        .map(|(text, _)| format!("{text}\n"))
        .expect("the block is closed")
}

/// The documented block with its placeholder lines set: `listen` to 127.0.0.1:`port`,
/// `root` to `root`. Each must be there exactly once.
fn configured(block: &str, port: u16, root: &Path) -> String {
    let mut set = Vec::new();
    let lines: Vec<String> = block
        .lines()
        .map(|line| {
            let Some((directive, _)) = line.split_once(PLACEHOLDER) else {
                return line.to_string();
            };
            let indent = &line[..line.len() - line.trim_start().len()];
            let name = directive.split_whitespace().next().unwrap_or_default();
            set.push(name.to_string());
            match name {
                "listen" => format!("{indent}listen 127.0.0.1:{port};"),
                "root" => format!("{indent}root {};", root.display()),
                other => panic!("a placeholder on a `{other}` line: only listen and root"),
            }
        })
        .collect();
    set.sort();
    assert_eq!(
        set,
        ["listen", "root"],
        "the placeholder lines of the block"
    );
    lines.join("\n") + "\n"
}

/// A running nginx serving the documented configuration; killed when dropped.
struct Nginx {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Nginx {
    /// Starts nginx with the documented block over `root`, its own files under `dir`.
    fn start(root: &Path, dir: &Path) -> Nginx {
        assert!(
            Path::new(NGINX).is_file(),
            "nginx is not installed ({NGINX} is missing): install it with `apt-get install nginx-light` (.ci/run does); this test never skips"
        );
        assert!(
            Path::new(MIME_TYPES).is_file(),
            "{MIME_TYPES} is missing: install nginx-common (with nginx-light)"
        );
        let port = free_port();
        std::fs::create_dir_all(dir.join("temp")).unwrap();
        let server = configured(&fenced(&deploy_doc(), "nginx"), port, root);
        let p = dir.display();
        let conf = format!(
            "master_process off;\n\
             pid {p}/nginx.pid;\n\
             error_log {p}/error.log;\n\
             events {{ worker_connections 64; }}\n\
             http {{\n\
             include {MIME_TYPES};\n\
             default_type application/octet-stream;\n\
             access_log off;\n\
             client_body_temp_path {p}/temp/body;\n\
             proxy_temp_path {p}/temp/proxy;\n\
             fastcgi_temp_path {p}/temp/fastcgi;\n\
             uwsgi_temp_path {p}/temp/uwsgi;\n\
             scgi_temp_path {p}/temp/scgi;\n\
             {server}}}\n"
        );
        std::fs::write(dir.join("nginx.conf"), conf).unwrap();
        let stderr = std::fs::File::create(dir.join("stderr")).unwrap();
        let child = Command::new(NGINX)
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(dir.join("nginx.conf"))
            .arg("-e")
            .arg(dir.join("error.log"))
            .args(["-g", "daemon off;"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .expect("start nginx");
        let mut nginx = Nginx {
            child,
            port,
            dir: dir.to_path_buf(),
        };
        nginx.wait_until_listening();
        nginx
    }

    fn wait_until_listening(&mut self) {
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("nginx stopped ({status}):\n{}", self.said());
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "nginx did not listen on 127.0.0.1:{} in 20 s:\n{}",
                self.port,
                self.said()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// What nginx wrote to stderr and its error log.
    fn said(&self) -> String {
        ["stderr", "error.log"]
            .iter()
            .map(|f| std::fs::read_to_string(self.dir.join(f)).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn get(&self, path: &str) -> Response {
        get(self.port, path, &[])
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing listens on now, on 127.0.0.1.
fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// An HTTP response, read whole.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    /// Every value of the header `name`.
    fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The header `name`, which must be sent at most once.
    fn header(&self, name: &str) -> Option<&str> {
        let all = self.all(name);
        assert!(all.len() <= 1, "{name} sent {} times", all.len());
        all.first().copied()
    }
}

/// `GET path` over HTTP/1.1 (as browsers ask: nginx compresses only for 1.1) with the
/// `extra` request headers.
fn get(port: u16, path: &str, extra: &[(&str, &str)]) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to nginx");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut request =
        format!("GET {path} HTTP/1.1\r\nHost: stp.example.gov.vn\r\nConnection: close\r\n");
    for (name, value) in extra {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8(raw[..end].to_vec()).expect("an ASCII head");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut response = Response {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    };
    if response.header("Transfer-Encoding") == Some("chunked") {
        response.body = dechunked(&response.body);
    }
    response
}

/// A chunked body's bytes.
fn dechunked(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n").expect("a chunk");
        let size = std::str::from_utf8(&body[..line_end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next()?.trim(), 16).ok())
            .expect("a chunk size");
        if size == 0 {
            return out;
        }
        let start = line_end + 2;
        out.extend_from_slice(&body[start..start + size]);
        body = &body[start + size + 2..];
    }
}

/// Headers of `headers.rs` that every response carries, the 404 included: all but
/// `Cache-Control`.
fn security_headers() -> impl Iterator<Item = (&'static str, &'static str)> {
    EVERYWHERE
        .into_iter()
        .filter(|(name, _)| *name != "Cache-Control")
}

fn cache_control(headers: &[(&'static str, &'static str)]) -> &'static str {
    headers
        .iter()
        .find(|(name, _)| *name == "Cache-Control")
        .map(|(_, value)| *value)
        .expect("headers.rs sets Cache-Control")
}

fn assert_secured(response: &Response, what: &str) {
    for (name, value) in security_headers() {
        assert_eq!(response.header(name), Some(value), "{name} of {what}");
    }
}

/// The name of the theme's `assets/NAME.HASH.EXT` (names carry their content's hash).
fn asset(dir: &Path, name: &str, ext: &str) -> String {
    std::fs::read_dir(dir.join("assets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with(&format!("{name}.")) && n.ends_with(&format!(".{ext}")))
        .unwrap_or_else(|| panic!("no assets/{name}.*.{ext}"))
}

/// The public site `stp demo --compress` builds, in `work/public`.
fn demo_site(work: &Path) -> PathBuf {
    let (home, tmp, out) = (work.join("home"), work.join("tmp"), work.join("public"));
    for d in [&home, &tmp] {
        std::fs::create_dir_all(d).unwrap();
    }
    let done = Command::new(env!("CARGO_BIN_EXE_stp"))
        .env("STP_LANG", "en")
        .args(["demo", "--compress", "--out"])
        .arg(&out)
        .current_dir(work)
        .env("HOME", &home)
        .env("TMPDIR", &tmp)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("STP_KEY")
        .env_remove("STP_TRUST_ROOT")
        .env_remove("SSH_AUTH_SOCK")
        .output()
        .expect("run stp demo");
    assert!(
        done.status.success(),
        "stp demo --compress:\n{}{}",
        String::from_utf8_lossy(&done.stdout),
        String::from_utf8_lossy(&done.stderr)
    );
    out
}

#[test]
fn the_documented_nginx_serves_the_public_build_as_headers_rs_says() {
    let work = tempfile::tempdir().unwrap();
    let site = demo_site(work.path());
    assert!(
        site.join("404.html").is_file(),
        "the build writes a 404 page"
    );
    assert!(
        site.join("index.html.gz").is_file(),
        "--compress wrote variants"
    );
    let nginx = Nginx::start(&site, &work.path().join("nginx"));

    // A page: UTF-8, five minutes, the policy.
    let home = nginx.get("/");
    assert_eq!(home.status, 200, "{}", nginx.said());
    assert_eq!(home.body, std::fs::read(site.join("index.html")).unwrap());
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(
        home.header("Cache-Control"),
        Some(cache_control(&EVERYWHERE))
    );
    assert_secured(&home, "a page");
    let section = nginx.get("/tin-tuc/");
    assert_eq!(section.status, 200);
    assert_secured(&section, "a section page");

    // Assets: UTF-8 styles and scripts, a year, immutable, the policy.
    let (css, js) = (asset(&site, "style", "css"), asset(&site, "site", "js"));
    for (name, kind) in [(&css, "text/css"), (&js, "application/javascript")] {
        let r = nginx.get(&format!("/assets/{name}"));
        assert_eq!(r.status, 200, "{name}");
        assert_eq!(
            r.header("Content-Type"),
            Some(format!("{kind}; charset=utf-8").as_str()),
            "{name}"
        );
        assert_eq!(r.header("Cache-Control"), Some(cache_control(&ASSETS)));
        assert_secured(&r, name);
    }

    // The search index's fragments, named by their content: a year, immutable; the search
    // page that names them, five minutes.
    for kind in ["t", "d"] {
        let name = std::fs::read_dir(site.join("tim-kiem").join(kind))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .find(|n| n.ends_with(".json"))
            .expect("a fragment");
        let r = nginx.get(&format!("/tim-kiem/{kind}/{name}"));
        assert_eq!(r.status, 200, "{name}");
        assert_eq!(r.header("Cache-Control"), Some(cache_control(&ASSETS)));
        assert_secured(&r, &name);
    }
    let search = nginx.get("/tim-kiem/");
    assert_eq!(
        search.header("Cache-Control"),
        Some(cache_control(&EVERYWHERE))
    );

    // The 404: the site's page with status 404, the policy, and not cached (a missing
    // asset least of all).
    let not_found = std::fs::read(site.join("404.html")).unwrap();
    for path in ["/khong-co-trang-nay/", "/assets/khong-co.css"] {
        let r = nginx.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.body, not_found, "{path} shows the site's 404 page");
        assert_eq!(r.header("Content-Type"), Some("text/html; charset=utf-8"));
        assert_eq!(r.header("Cache-Control"), None, "{path}");
        assert_secured(&r, path);
    }

    // The variants: a browser that takes gzip gets the .gz file itself.
    for rel in ["index.html", &format!("assets/{css}"), "tin-tuc/index.html"] {
        let url = format!("/{}", rel.trim_end_matches("index.html"));
        let r = get(nginx.port, &url, &[("Accept-Encoding", "gzip")]);
        assert_eq!(r.status, 200, "{url}");
        assert_eq!(r.header("Content-Encoding"), Some("gzip"), "{url}");
        assert_eq!(r.header("Vary"), Some("Accept-Encoding"), "{url}");
        assert_eq!(
            r.body,
            std::fs::read(site.join(format!("{rel}.gz"))).unwrap(),
            "{url} sends {rel}.gz as it is"
        );
        assert_secured(&r, &url);
    }
    let plain = get(nginx.port, "/", &[("Accept-Encoding", "identity")]);
    assert_eq!(plain.header("Content-Encoding"), None);
    assert_eq!(plain.body, home.body);

    // The host's files are the build's, not the readers'.
    for file in ["_headers", ".stp-build.json", ".stp-variants"] {
        assert!(site.join(file).is_file(), "{file}");
    }
    for path in ["/_headers", "/.stp-build.json", "/.stp-variants"] {
        let r = nginx.get(path);
        assert_eq!(r.status, 404, "{path} is not served");
        assert_eq!(r.body, not_found, "{path}");
    }

    // A folder without its slash: a relative redirect, whatever the host's name.
    let folder = nginx.get("/tin-tuc");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("Location"), Some("/tin-tuc/"));
}

/// The `add_header` lines of `block`: (name, value, sent always).
fn add_headers(block: &str) -> Vec<(String, String, bool)> {
    block
        .lines()
        .filter_map(|l| l.trim().strip_prefix("add_header "))
        .map(|rest| {
            let rest = rest.trim_end_matches(';');
            let (name, value) = rest.split_once(' ').expect("add_header NAME VALUE");
            let (value, always) = match value.strip_suffix(" always") {
                Some(v) => (v, true),
                None => (value, false),
            };
            (
                name.to_string(),
                value.trim_matches('"').to_string(),
                always,
            )
        })
        .collect()
}

/// The value the `map` of `block` gives the key `key` (`default`, `~^/assets/`).
fn mapped(block: &str, key: &str) -> String {
    let map = block
        .split_once("map $uri $stp_cache_control {")
        .and_then(|(_, rest)| rest.split_once('}'))
        .map(|(map, _)| map)
        .expect("the block maps $uri to $stp_cache_control");
    map.lines()
        .find_map(|l| l.trim().strip_prefix(key))
        .map(|v| v.trim().trim_end_matches(';').trim_matches('"').to_string())
        .unwrap_or_else(|| panic!("no `{key}` in the map"))
}

#[test]
fn the_documented_headers_are_those_of_headers_rs() {
    let doc = deploy_doc();
    let block = fenced(&doc, "nginx");
    let mut expected: Vec<(String, String, bool)> = security_headers()
        .map(|(n, v)| (n.to_string(), v.to_string(), true))
        .collect();
    expected.push((
        "Cache-Control".to_string(),
        "$stp_cache_control".to_string(),
        false,
    ));
    assert_eq!(
        add_headers(&block),
        expected,
        "docs/deploy.md's nginx headers and crates/stp-render/src/headers.rs differ"
    );
    assert_eq!(mapped(&block, "default"), cache_control(&EVERYWHERE));
    assert_eq!(mapped(&block, "~^/assets/"), cache_control(&ASSETS));
    assert_eq!(
        mapped(&block, "~^/([^/]+/)?tim-kiem/[td]/[^/]+$"),
        cache_control(&ASSETS)
    );
    assert!(block.contains(CSP));

    // The `_headers` the file shows: the policy, nosniff, Referrer-Policy and caching.
    let shown = doc
        .split("```\nContent-Security-Policy:")
        .nth(1)
        .and_then(|rest| rest.split_once("\n```"))
        .map(|(listing, _)| format!("Content-Security-Policy:{listing}\n"))
        .expect("docs/deploy.md lists the headers of every path");
    let everywhere: String = EVERYWHERE
        .iter()
        .map(|(n, v)| format!("{n}: {v}\n"))
        .collect();
    assert_eq!(
        shown, everywhere,
        "docs/deploy.md's headers and headers.rs differ"
    );
    let (name, value) = ASSETS[0];
    assert!(
        doc.contains(&format!("`{name}: {value}`")),
        "docs/deploy.md names the assets' {name}"
    );
}
