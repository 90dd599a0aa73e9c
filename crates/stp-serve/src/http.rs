//! The HTTP side of the preview server: static files from the preview build, and a tiny
//! endpoint that open pages poll to learn that a rebuild finished.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use stp_render::{Incremental, RenderError, RenderOptions};

use super::watch::watch;

/// Added to every HTML page: reloads when the build version changes.
const RELOAD_SCRIPT: &str = "<script>(function(){var v=null;setInterval(function(){fetch('/__stp/version').then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v)location.reload();v=t}).catch(function(){})},700)})();</script>";

/// What the server reports as it runs, for its caller to put into words (the command
/// line, in the run's language): this crate has no words of its own.
#[derive(Debug)]
pub enum Report<'a> {
    /// The first build of the preview.
    Built { articles: usize, ms: u128 },
    /// A preview of the site at `root` is served on `port`.
    Serving { root: &'a Path, port: u16 },
    /// The built site in `dir` is served as it is on `port`.
    ServingStatic { dir: &'a Path, port: u16 },
    /// A rebuild after `changes` changed files: `files` written, or the whole site.
    Rebuilt {
        changes: usize,
        ms: f64,
        files: Option<usize>,
    },
    /// The search index, rebuilt after the pages.
    SearchUpdated { ms: f64, files: usize },
    /// A rebuild failed; the last good preview stays served.
    Failed(&'a RenderError),
}

/// Where the server's reports go.
pub type Reporter = Arc<dyn Fn(Report) + Send + Sync>;

/// Serves a live preview of the site at `root` on 127.0.0.1:`port` (0: any free port) until
/// interrupted, built into `out`; it reports the port bound (`Report::Serving`).
pub fn serve(
    root: &Path,
    out: &Path,
    port: u16,
    options: &RenderOptions,
    report: Reporter,
) -> Result<(), RenderError> {
    let out = out.to_path_buf();
    let version = Arc::new(AtomicU64::new(0));
    let started = std::time::Instant::now();
    let mut live = Incremental::new(root, &out, options)?;
    report(Report::Built {
        articles: live.site().articles.len(),
        ms: started.elapsed().as_millis(),
    });
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| RenderError::Output(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
    // The port bound, which differs from the one asked for when that was 0 (any free port).
    let port = server
        .server_addr()
        .to_ip()
        .map_or(port, |addr| addr.port());
    report(Report::Serving { root, port });
    let (_watcher, changes) = watch(root)
        .map_err(|e| RenderError::Output(format!("cannot watch {}: {e}", root.display())))?;
    {
        let version = Arc::clone(&version);
        std::thread::spawn(move || {
            for paths in changes {
                let started = std::time::Instant::now();
                match live.update_pages(&paths) {
                    Ok(update) => {
                        version.fetch_add(1, Ordering::SeqCst);
                        report(Report::Rebuilt {
                            changes: paths.len(),
                            ms: started.elapsed().as_secs_f64() * 1000.0,
                            files: (!update.full).then_some(update.files),
                        });
                    }
                    Err(e) => report(Report::Failed(&e)),
                }
                // The page is on screen; the search index follows (no reload for it).
                if live.search_pending() {
                    let started = std::time::Instant::now();
                    match live.finish() {
                        Ok(files) => report(Report::SearchUpdated {
                            ms: started.elapsed().as_secs_f64() * 1000.0,
                            files,
                        }),
                        Err(e) => report(Report::Failed(&e)),
                    }
                }
            }
        });
    }
    for request in server.incoming_requests() {
        let url = request.url().split('?').next().unwrap_or("/").to_string();
        if url == "/__stp/version" {
            let body = version.load(Ordering::SeqCst).to_string();
            let _ = request.respond(tiny_http::Response::from_string(body));
            continue;
        }
        let _ = request.respond(respond(&out, &url, true));
    }
    Ok(())
}

/// Serves the built site in `dir` as it is on 127.0.0.1:`port` (0: any free port) until
/// interrupted: no watching, no rebuilds, no reload script. `stp demo --serve` shows the
/// public site this way.
pub fn serve_static(dir: &Path, port: u16, report: Reporter) -> Result<(), RenderError> {
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| RenderError::Output(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
    let port = server
        .server_addr()
        .to_ip()
        .map_or(port, |addr| addr.port());
    report(Report::ServingStatic { dir, port });
    for request in server.incoming_requests() {
        let url = request.url().split('?').next().unwrap_or("/").to_string();
        let _ = request.respond(respond(dir, &url, false));
    }
    Ok(())
}

/// Serves the built site in `dir` on 127.0.0.1 (any free port) from a thread of its own,
/// for as long as the process runs, and returns the port. Only requests naming this
/// server as their `Host` are answered (a page elsewhere cannot read it through DNS
/// rebinding). The desk shows its preview of the working tree this way, on an origin of
/// its own, apart from the desk's buttons.
pub fn spawn_static(dir: &Path) -> Result<u16, RenderError> {
    let server = tiny_http::Server::http(("127.0.0.1", 0))
        .map_err(|e| RenderError::Output(format!("cannot listen on 127.0.0.1: {e}")))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|addr| addr.port())
        .ok_or_else(|| RenderError::Output("the preview server has no port".into()))?;
    let dir = dir.to_path_buf();
    let hosts = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let own = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("Host"))
                .is_some_and(|h| hosts.iter().any(|o| h.value.as_str() == o));
            if !own {
                let _ = request.respond(
                    tiny_http::Response::from_string("403: không phải máy chủ này")
                        .with_status_code(403),
                );
                continue;
            }
            let url = request.url().split('?').next().unwrap_or("/").to_string();
            let _ = request.respond(respond(&dir, &url, false));
        }
    });
    Ok(port)
}

/// The response for `url`: the file under `out`, else the site's 404 page; `reload` adds
/// the preview's reload script to HTML.
fn respond(out: &Path, url: &str, reload: bool) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let (path, status) = match resolve(out, url) {
        Some(path) => (path, 200),
        None => (out.join("404.html"), 404),
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let body = std::fs::read(&path).unwrap_or_default();
    let body = if reload && ext == "html" {
        inject(body)
    } else {
        body
    };
    tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(content_type(&path))
}

/// The file for a URL path, never outside `out`.
fn resolve(out: &Path, url: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url);
    if decoded.split('/').any(|c| c == "..") {
        return None;
    }
    let mut path = out.join(decoded.trim_start_matches('/'));
    if path.is_dir() {
        path = path.join("index.html");
    }
    path.is_file().then_some(path)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn inject(mut body: Vec<u8>) -> Vec<u8> {
    let marker = b"</body>";
    if let Some(pos) = body.windows(marker.len()).rposition(|w| w == marker) {
        body.splice(pos..pos, RELOAD_SCRIPT.bytes());
    }
    body
}

fn content_type(path: &Path) -> tiny_http::Header {
    let t = stp_render::headers::content_type(&path.to_string_lossy());
    tiny_http::Header::from_bytes(&b"Content-Type"[..], t.as_bytes())
        .expect("static header is valid")
}
