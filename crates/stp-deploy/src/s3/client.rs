//! Requests to an S3-compatible service: each signed (AWS Signature V4, by `rusty-s3`, as a
//! presigned URL made just before it is sent) and sent with `ureq`, synchronously; one that
//! fails in a way a retry can mend (no connection, a dropped one, a 5xx, 429 or 408
//! answer) is tried again after a pause that doubles, up to `ATTEMPTS` times.

use std::time::{Duration, SystemTime};

use rusty_s3::actions::{DeleteObjectsResponse, ListObjectsV2, ObjectIdentifier, S3Action};
use rusty_s3::{Bucket, Credentials, UrlStyle};

use super::{S3Access, S3Target};
use crate::error::DeployError;

/// How often a request is tried, and the first pause between two tries.
const ATTEMPTS: u32 = 4;
const FIRST_PAUSE: Duration = Duration::from_millis(250);
/// How long a signed URL stays valid: it is signed just before it is sent.
const VALID_FOR: Duration = Duration::from_secs(15 * 60);
/// The metadata each object stp sends carries: the SHA-256 of its bytes, in hex.
pub const DIGEST_HEADER: &str = "x-amz-meta-stp-sha256";
/// DeleteObjects takes at most this many keys a request.
const DELETE_BATCH: usize = 1000;

/// One object read back: its bytes and the headers it is served with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    pub cache_control: Option<String>,
    pub content_encoding: Option<String>,
    /// The SHA-256 stp recorded when it sent the object (none for one it did not send).
    pub digest: Option<String>,
}

/// The headers an object is sent with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headers {
    pub content_type: &'static str,
    pub cache_control: &'static str,
    pub content_encoding: Option<&'static str>,
}

/// A bucket and a prefix in it, reached with the access the command line read.
pub struct Store {
    bucket: Bucket,
    credentials: Credentials,
    agent: ureq::Agent,
    clock: fn() -> SystemTime,
    prefix: String,
    /// `s3://bucket/prefix/`, for messages.
    name: String,
}

/// An answer: its status, headers and body.
type Answer = (u16, ureq::http::HeaderMap, Vec<u8>);

impl Store {
    pub fn open(target: &S3Target, access: &S3Access) -> Result<Store, DeployError> {
        let bad = |why: String| DeployError::Storage {
            request: target.to_string(),
            why,
        };
        let (endpoint, style) = match &access.endpoint {
            Some(url) => (url.clone(), UrlStyle::Path),
            // A bucket name with dots does not match AWS's certificate as a host name.
            None if target.bucket.contains('.') => (
                format!("https://s3.{}.amazonaws.com", access.region),
                UrlStyle::Path,
            ),
            None => (
                format!("https://s3.{}.amazonaws.com", access.region),
                UrlStyle::VirtualHost,
            ),
        };
        let endpoint = endpoint
            .parse()
            .map_err(|e| bad(format!("the endpoint {endpoint} is not a URL: {e}")))?;
        let bucket = Bucket::new(
            endpoint,
            style,
            target.bucket.clone(),
            access.region.clone(),
        )
        .map_err(|e| bad(format!("not a bucket stp can reach: {e:?}")))?;
        let credentials = match &access.session_token {
            Some(token) => Credentials::new_with_token(&access.key_id, &access.secret, token),
            None => Credentials::new(&access.key_id, &access.secret),
        };
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(300)))
            .user_agent(concat!("stp/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Ok(Store {
            bucket,
            credentials,
            agent,
            clock: access.clock,
            prefix: target.key_prefix(),
            name: target.to_string(),
        })
    }

    /// `s3://bucket/prefix/`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The key of `rel` (a path under the prefix).
    fn key(&self, rel: &str) -> String {
        format!("{}{rel}", self.prefix)
    }

    fn now(&self) -> jiff::Timestamp {
        jiff::Timestamp::try_from((self.clock)()).unwrap_or_else(|_| jiff::Timestamp::now())
    }

    /// Sends a request, signing it anew for each try, until it is answered with a status
    /// a retry would not change; `what` names it in an error (`PUT key`). An answer other
    /// than `2xx` or one of `also` is an error too.
    fn ask(
        &self,
        what: &str,
        sign: impl Fn(jiff::Timestamp) -> String,
        call: impl Fn(&str) -> Result<ureq::http::Response<ureq::Body>, ureq::Error>,
        also: &[u16],
    ) -> Result<Answer, DeployError> {
        let failed = |why: String| self.failed(what, why);
        let mut pause = FIRST_PAUSE;
        let mut last = String::new();
        for attempt in 1..=ATTEMPTS {
            if attempt > 1 {
                std::thread::sleep(pause);
                pause *= 2;
            }
            let answer = call(&sign(self.now())).and_then(|response| {
                let (parts, body) = response.into_parts();
                let bytes = body.into_with_config().limit(u64::MAX).read_to_vec()?;
                Ok((parts.status.as_u16(), parts.headers, bytes))
            });
            match answer {
                Ok((status, headers, body)) if !retried(status) => {
                    if (200..300).contains(&status) || also.contains(&status) {
                        return Ok((status, headers, body));
                    }
                    return Err(failed(refusal(status, &body)));
                }
                Ok((status, _, body)) => last = refusal(status, &body),
                Err(e) => last = format!("no answer: {e}"),
            }
        }
        Err(failed(format!("{last} (tried {ATTEMPTS} times)")))
    }

    /// An error naming the request and this store.
    fn failed(&self, what: &str, why: String) -> DeployError {
        DeployError::Storage {
            request: format!("{what} ({})", self.name),
            why,
        }
    }

    /// Makes the bucket (for tests and first set-ups; a deploy never makes one).
    pub fn create_bucket(&self) -> Result<(), DeployError> {
        let action = self.bucket.create_bucket(&self.credentials);
        let body = action.body();
        self.ask(
            "create bucket",
            |t| action.sign_with_time(VALID_FOR, &t).to_string(),
            |url| self.agent.put(url).send(body.as_bytes()),
            &[],
        )
        .map(|_| ())
    }

    /// Every object under the prefix: its path under it and its size. Keys that end in
    /// `/` (the "folders" consoles make) are left out.
    pub fn list(&self) -> Result<Vec<(String, u64)>, DeployError> {
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut action = ListObjectsV2::new(&self.bucket, Some(&self.credentials));
            action.with_prefix(self.prefix.as_str());
            if let Some(t) = &token {
                action.with_continuation_token(t.as_str());
            }
            let (_, _, body) = self.ask(
                "list",
                |t| action.sign_with_time(VALID_FOR, &t).to_string(),
                |url| self.agent.get(url).call(),
                &[],
            )?;
            let page = ListObjectsV2::parse_response(&String::from_utf8_lossy(&body))
                .map_err(|e| self.failed("list", format!("the listing cannot be read: {e}")))?;
            for object in page.contents {
                if let Some(rel) = object.key.strip_prefix(&self.prefix)
                    && !rel.is_empty()
                    && !rel.ends_with('/')
                {
                    out.push((rel.to_string(), object.size.unwrap_or(0)));
                }
            }
            match page.next_continuation_token {
                Some(t) => token = Some(t),
                None => return Ok(out),
            }
        }
    }

    /// The object at `rel`, or none.
    pub fn get(&self, rel: &str) -> Result<Option<Object>, DeployError> {
        let key = self.key(rel);
        let what = format!("GET {key}");
        let action = self.bucket.get_object(Some(&self.credentials), &key);
        let (status, headers, bytes) = self.ask(
            &what,
            |t| action.sign_with_time(VALID_FOR, &t).to_string(),
            |url| self.agent.get(url).call(),
            &[404],
        )?;
        if status == 404 {
            return match code(&bytes).as_deref() {
                Some("NoSuchKey") | None => Ok(None),
                _ => Err(self.failed(&what, refusal(status, &bytes))),
            };
        }
        Ok(Some(Object {
            content_type: header(&headers, "content-type"),
            cache_control: header(&headers, "cache-control"),
            content_encoding: header(&headers, "content-encoding"),
            digest: header(&headers, DIGEST_HEADER),
            bytes,
        }))
    }

    /// Whether there is an object at `rel`, and the SHA-256 stp recorded on it (an empty
    /// string for an object stp did not send).
    pub fn head(&self, rel: &str) -> Result<Option<String>, DeployError> {
        self.head_key(&self.key(rel))
    }

    fn head_key(&self, key: &str) -> Result<Option<String>, DeployError> {
        let what = format!("HEAD {key}");
        let action = self.bucket.head_object(Some(&self.credentials), key);
        let (status, headers, _) = self.ask(
            &what,
            |t| action.sign_with_time(VALID_FOR, &t).to_string(),
            |url| self.agent.head(url).call(),
            &[404],
        )?;
        Ok((status != 404).then(|| header(&headers, DIGEST_HEADER).unwrap_or_default()))
    }

    /// The first object named one of `names` in a folder around the prefix
    /// (`s3://bucket/a/` and `s3://bucket/` around `s3://bucket/a/b/`), if any.
    pub fn enclosing_deploy(&self, names: &[&str]) -> Result<Option<String>, DeployError> {
        let mut around = self.prefix.trim_end_matches('/');
        while !around.is_empty() {
            around = around.rsplit_once('/').map_or("", |(up, _)| up);
            let folder = if around.is_empty() {
                String::new()
            } else {
                format!("{around}/")
            };
            for name in names {
                let key = format!("{folder}{name}");
                if self.head_key(&key)?.is_some() {
                    return Ok(Some(format!("s3://{}/{key}", self.bucket.name())));
                }
            }
        }
        Ok(None)
    }

    /// Sends `bytes` as the object at `rel`, with its headers and `digest` (hex).
    pub fn put(
        &self,
        rel: &str,
        bytes: &[u8],
        headers: &Headers,
        digest: &str,
    ) -> Result<(), DeployError> {
        let key = self.key(rel);
        let what = format!("PUT {key}");
        let mut action = self.bucket.put_object(Some(&self.credentials), &key);
        // Signed, so that they reach the object as sent.
        let mut signed = vec![
            ("cache-control", headers.cache_control),
            ("content-type", headers.content_type),
            (DIGEST_HEADER, digest),
        ];
        if let Some(encoding) = headers.content_encoding {
            signed.push(("content-encoding", encoding));
        }
        for (name, value) in &signed {
            action.headers_mut().insert(*name, *value);
        }
        self.ask(
            &what,
            |t| action.sign_with_time(VALID_FOR, &t).to_string(),
            |url| {
                let mut request = self.agent.put(url);
                for (name, value) in &signed {
                    request = request.header(*name, *value);
                }
                request.send(bytes)
            },
            &[],
        )
        .map(|_| ())
    }

    /// Deletes the objects at `rels`, a thousand a request; the paths that could not be
    /// deleted are in the error.
    pub fn delete(&self, rels: &[String]) -> Result<(), DeployError> {
        for batch in rels.chunks(DELETE_BATCH) {
            let ids: Vec<ObjectIdentifier> = batch
                .iter()
                .map(|rel| ObjectIdentifier::new(self.key(rel)))
                .collect();
            let mut action = self
                .bucket
                .delete_objects(Some(&self.credentials), ids.iter());
            action.set_quiet(true);
            let url_of = action.clone();
            let (body, md5) = action.body_with_md5();
            let what = format!("DELETE {} objects", batch.len());
            let (_, _, reply) = self.ask(
                &what,
                |t| url_of.sign_with_time(VALID_FOR, &t).to_string(),
                |url| {
                    self.agent
                        .post(url)
                        .header("content-md5", md5.as_str())
                        .send(body.as_bytes())
                },
                &[],
            )?;
            let reply = DeleteObjectsResponse::parse(&String::from_utf8_lossy(&reply))
                .map_err(|e| self.failed(&what, format!("the answer cannot be read: {e}")))?;
            if let Some(first) = reply.errors.first() {
                return Err(self.failed(
                    &what,
                    format!(
                        "{} were not deleted, the first {}: {} {}",
                        reply.errors.len(),
                        first.key,
                        first.code,
                        first.message
                    ),
                ));
            }
        }
        Ok(())
    }
}

fn header(headers: &ureq::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// Whether an answer with this status is worth another try.
fn retried(status: u16) -> bool {
    status >= 500 || status == 429 || status == 408
}

/// An S3 error answer as one line: the status, the error's code and message.
fn refusal(status: u16, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let message = between(&text, "<Message>", "</Message>");
    match (code(body), message) {
        (Some(code), Some(message)) => format!("{status} {code}: {message}"),
        (Some(code), None) => format!("{status} {code}"),
        _ => format!("HTTP {status}"),
    }
}

/// The `<Code>` of an S3 error answer.
fn code(body: &[u8]) -> Option<String> {
    between(&String::from_utf8_lossy(body), "<Code>", "</Code>").map(str::to_string)
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}
