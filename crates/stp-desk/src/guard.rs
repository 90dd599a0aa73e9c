//! The guard every request passes before a page or a button: the `Host` must be the desk's
//! own (a page elsewhere cannot reach it through DNS rebinding); a request that changes
//! anything must come from the desk's own origin (`Origin`, and `Sec-Fetch-Site` when the
//! browser sends it); every request must carry the session cookie, which only the address
//! `stp desk` printed can set (another person's programs on a shared computer cannot use
//! the desk). The form token is checked by each state-changing handler. Every answer gets
//! a strict Content-Security-Policy and is never cached.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::Desk;
use crate::secret::same;
use stp_i18n::tr;

/// The session cookie's name.
const COOKIE: &str = "stp_ban";

/// No script, no outside resource, no framing, forms only to the desk itself.
const POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub async fn guard(State(desk): State<Arc<Desk>>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let Some(host) = own_host(&desk, headers) else {
        return refusal(&desk, StatusCode::MISDIRECTED_REQUEST, "desk-wrong-host");
    };
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD);
    if changes && !same_origin(headers, &host) {
        return refusal(&desk, StatusCode::FORBIDDEN, "desk-cross-site");
    }
    let signed_in = cookie(headers, COOKIE).is_some_and(|c| same(c, &desk.session));
    if !signed_in {
        let opening = request.method() == Method::GET
            && request.uri().path() == "/"
            && query_value(request.uri().query(), "khoa").is_some_and(|k| same(&k, &desk.session));
        if opening {
            return open_session(&desk);
        }
        return refusal(&desk, StatusCode::FORBIDDEN, "desk-no-session");
    }
    let mut response = next.run(request).await;
    protect(response.headers_mut());
    response
}

/// The `Host` of the request when it names this desk.
fn own_host(desk: &Desk, headers: &HeaderMap) -> Option<String> {
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let own = [desk.host.clone(), format!("localhost:{}", desk.port)];
    own.contains(&host.to_string()).then(|| host.to_string())
}

/// Whether a state-changing request comes from a page of the desk itself.
fn same_origin(headers: &HeaderMap, host: &str) -> bool {
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    origin == Some(format!("http://{host}").as_str())
        && fetch_site.is_none_or(|s| s == "same-origin")
}

/// The value of cookie `name`.
fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The value of `name` in a query string (the secrets are hex: no decoding needed).
pub fn query_value(query: Option<&str>, name: &str) -> Option<String> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Sets the session cookie and sends the browser to the queue, so the secret leaves the
/// address bar and the history.
fn open_session(desk: &Desk) -> Response {
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, "/")]).into_response();
    let cookie = format!(
        "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/",
        desk.session
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    protect(response.headers_mut());
    response
}

/// The headers every answer carries.
fn protect(headers: &mut HeaderMap) {
    let fixed = [
        (header::CONTENT_SECURITY_POLICY, POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        // `same-origin`, not `no-referrer`: with no referrer at all Chromium sends
        // `Origin: null` on a form's POST, and the Origin check needs the real one.
        (header::REFERRER_POLICY, "same-origin"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

/// A refusal as a small page of its own (the desk's templates are for people signed in):
/// the message `id` as its title and `id-why` as its text.
fn refusal(desk: &Desk, status: StatusCode, id: &str) -> Response {
    let lang = desk.view.lang;
    let title = tr(lang, id, &[]);
    let message = tr(lang, &format!("{id}-why"), &[]);
    let product = tr(lang, "desk-title", &[]);
    let tag = lang.tag();
    let body = format!(
        "<!doctype html><html lang=\"{tag}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title} – {product}</title></head><body><main><h1>{title}</h1><p>{message}</p></main></body></html>"
    );
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response();
    protect(response.headers_mut());
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_and_query_are_read_by_name() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; stp_ban=abc; b=2"),
        );
        assert_eq!(cookie(&headers, "stp_ban"), Some("abc"));
        assert_eq!(cookie(&headers, "stp"), None);
        assert_eq!(
            query_value(Some("x=1&khoa=ff"), "khoa").as_deref(),
            Some("ff")
        );
        assert_eq!(query_value(None, "khoa"), None);
    }

    #[test]
    fn only_the_desks_own_origin_may_change_anything() {
        let mut headers = HeaderMap::new();
        assert!(!same_origin(&headers, "127.0.0.1:9"));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(!same_origin(&headers, "127.0.0.1:9"));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:9"),
        );
        assert!(same_origin(&headers, "127.0.0.1:9"));
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&headers, "127.0.0.1:9"));
    }
}
