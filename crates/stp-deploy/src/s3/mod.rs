//! Deploying to S3-compatible object storage (`s3://bucket/prefix`): only the files that
//! changed by content are sent, each with the Content-Type and Cache-Control the build's
//! `_headers` gives it; the fingerprinted assets first, then the pages, then the build
//! record; then the manifest (`manifest.rs`), and the objects the build no longer has are
//! deleted last. Object storage has no atomic swap: while a deploy runs, readers get some
//! pages old and some new, each whole (the assets it names went first), and nothing is
//! deleted before every file is there. A deploy that stops part-way says what it did not
//! send, leaves the deployed build record and the manifest as they were (so the rollback
//! check still reads the old commit), deletes nothing, and the next run finishes the job.
//!
//! Which objects are stp's: those the manifest names, and those that carry the SHA-256 stp
//! sends with every object (`x-amz-meta-stp-sha256`). A prefix holding other objects and
//! no deploy of stp's is refused, as the folder target refuses a foreign folder; once stp
//! deployed there, an object it did not send is overwritten if the build has that path and
//! otherwise left alone, never deleted. A deploy around or inside another one is refused.

mod client;
mod manifest;

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::SystemTime;

use sha2::{Digest, Sha256};
use stp_render::headers::{cache_control, content_type, is_fingerprinted};

pub use client::{DIGEST_HEADER, Headers, Object, Store};
pub use manifest::MANIFEST;

use crate::changes::{Changes, Digests, digests};
use crate::error::{DeployError, Stage};
use crate::target::{Deployed, RECORD};

/// How many requests are under way at once.
const WORKERS: usize = 8;

/// A bucket and the prefix in it that the site goes under (`s3://bucket/prefix`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Target {
    pub bucket: String,
    /// With or without slashes around it; empty for the bucket's root.
    pub prefix: String,
}

impl S3Target {
    /// The start of every key: the prefix without slashes around it, then `/`; empty for
    /// the bucket's root.
    pub fn key_prefix(&self) -> String {
        let trimmed = self.prefix.trim_matches('/');
        if trimmed.is_empty() {
            String::new()
        } else {
            format!("{trimmed}/")
        }
    }
}

impl std::fmt::Display for S3Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "s3://{}/{}", self.bucket, self.key_prefix())
    }
}

/// How to reach the service, as the command line read it from the environment
/// (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_REGION`,
/// `--endpoint`), and the clock that dates each signature.
#[derive(Clone)]
pub struct S3Access {
    pub key_id: String,
    pub secret: String,
    pub session_token: Option<String>,
    pub region: String,
    /// A service other than AWS (`http://127.0.0.1:9000`): reached with path-style URLs.
    pub endpoint: Option<String>,
    pub clock: fn() -> SystemTime,
}

impl std::fmt::Debug for S3Access {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Access")
            .field("key_id", &self.key_id)
            .field("secret", &"…")
            .field("session_token", &self.session_token.as_ref().map(|_| "…"))
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .finish()
    }
}

/// A deploy to object storage.
pub struct S3Deploy<'a> {
    /// The public build.
    pub build: &'a Path,
    pub dry_run: bool,
    /// Called after each file sent: how many so far, of how many, and which.
    pub progress: &'a (dyn Fn(usize, usize, &str) + Sync),
}

/// What the prefix holds for the rollback check: the build record's text, or nothing. A
/// prefix holding objects without a record is judged by the deploy itself, which tells
/// the objects stp sent (a first deploy that stopped part-way, to be finished) from
/// others (refused).
pub fn deployed(store: &Store) -> Result<Deployed, DeployError> {
    Ok(match store.get(RECORD)? {
        Some(record) => Deployed::Record(String::from_utf8_lossy(&record.bytes).into_owned()),
        None => Deployed::Nothing,
    })
}

/// Deploys the build to `store`; with `dry_run`, reads what the prefix holds and says
/// what would change, sending nothing.
pub fn to_s3(store: &Store, deploy: &S3Deploy) -> Result<Changes, DeployError> {
    let from = digests(deploy.build)?;
    if from.contains_key(MANIFEST) {
        return Err(DeployError::Refused {
            path: deploy.build.join(MANIFEST),
            why: "is the name of stp's manifest on object storage; a build never has one".into(),
        });
    }
    let held = Held::read(store, deploy)?;
    let mut changes = Changes::between(&from, &held.digests);
    changes.left = held
        .foreign
        .into_iter()
        .filter(|p| !from.contains_key(p))
        .collect();
    if deploy.dry_run {
        return Ok(changes);
    }
    send(store, deploy, &from, &changes.uploaded)?;
    if held.manifest.as_ref() != Some(&from) {
        let bytes = manifest::write(&from);
        let headers = Headers {
            content_type: content_type(MANIFEST),
            cache_control: cache_control(MANIFEST),
            content_encoding: None,
        };
        store
            .put(MANIFEST, &bytes, &headers, &manifest::hex(&sha256(&bytes)))
            .map_err(|e| DeployError::Stopped {
                stage: Stage::Manifest,
                paths: vec![MANIFEST.to_string()],
                source: Box::new(e),
            })?;
    }
    if !changes.deleted.is_empty() {
        store
            .delete(&changes.deleted)
            .map_err(|e| DeployError::Stopped {
                stage: Stage::Deleting,
                paths: changes.deleted.clone(),
                source: Box::new(e),
            })?;
    }
    Ok(changes)
}

/// What the prefix holds, as far as stp can account for it.
struct Held {
    /// stp's objects and the SHA-256 of each.
    digests: Digests,
    /// Objects stp did not send.
    foreign: Vec<String>,
    /// The manifest, when there is one stp can read.
    manifest: Option<Digests>,
}

impl Held {
    fn read(store: &Store, deploy: &S3Deploy) -> Result<Held, DeployError> {
        let record = RECORD;
        if let Some(around) = store.enclosing_deploy(&[MANIFEST, record])? {
            return Err(refused(
                store,
                format!(
                    "is inside another deploy of stp's ({around}): each deploy replaces what it holds, so one would delete the other's files; deploy beside it"
                ),
            ));
        }
        let listed = store.list()?;
        if let Some((inner, _)) = listed.iter().find(|(p, _)| {
            p.contains('/')
                && (p.ends_with(&format!("/{MANIFEST}")) || p.ends_with(&format!("/{record}")))
        }) {
            return Err(refused(
                store,
                format!(
                    "holds another deploy of stp's ({inner}): each deploy replaces what it holds, so one would delete the other's files; deploy beside it"
                ),
            ));
        }
        let manifest = match listed.iter().any(|(p, _)| p == MANIFEST) {
            true => store.get(MANIFEST)?.and_then(|o| manifest::read(&o.bytes)),
            false => None,
        };
        let deployed = manifest.is_some() || listed.iter().any(|(p, _)| p == record);
        let mut held = Held {
            digests: Digests::new(),
            foreign: Vec::new(),
            manifest,
        };
        // The manifest names an object of that size: its SHA-256 is the manifest's. Any
        // other object is asked for.
        let mut ask = Vec::new();
        for (path, size) in listed.into_iter().filter(|(p, _)| p != MANIFEST) {
            let named = held.manifest.as_ref().and_then(|m| m.get(&path));
            match named {
                Some(digest) if sizes_match(deploy.build, &path, size) => {
                    held.digests.insert(path, *digest);
                }
                _ => ask.push(path),
            }
        }
        let (answers, failed) = each(&ask, |path| {
            let digest = store.head(path)?;
            let ours = digest.as_deref().and_then(manifest::unhex);
            if !deployed && digest.is_some() && ours.is_none() {
                return Err(refused(
                    store,
                    format!(
                        "already holds objects that stp did not deploy ({path}, and no {MANIFEST} or {record}); stp deletes what a deploy no longer has, so they could be lost"
                    ),
                ));
            }
            Ok((digest.is_some(), ours))
        });
        if let Some(e) = failed {
            return Err(e);
        }
        for (path, answer) in ask.into_iter().zip(answers) {
            match answer {
                Some((_, Some(digest))) => {
                    held.digests.insert(path, digest);
                }
                Some((true, None)) => held.foreign.push(path),
                _ => {} // gone since the listing
            }
        }
        Ok(held)
    }
}

/// Whether an object listed with `size` may be what the manifest says it is: a file the
/// build also has must have its size (an object replaced by hand is asked for).
fn sizes_match(build: &Path, path: &str, size: u64) -> bool {
    std::fs::metadata(build.join(path)).map_or(true, |m| m.len() == size)
}

fn refused(store: &Store, why: String) -> DeployError {
    DeployError::Refused {
        path: store.name().into(),
        why,
    }
}

/// Sends `paths` of the build: the fingerprinted files (the assets and the search index's
/// fragments, which the pages and the search page name), then the rest, then the build
/// record; each
/// with its headers and the SHA-256 of its bytes, which must still be the one compared.
fn send(
    store: &Store,
    deploy: &S3Deploy,
    from: &Digests,
    paths: &[String],
) -> Result<(), DeployError> {
    let (assets, rest): (Vec<&String>, Vec<&String>) =
        paths.iter().partition(|p| is_fingerprinted(p));
    let (record, pages): (Vec<&String>, Vec<&String>) =
        rest.into_iter().partition(|p| *p == RECORD);
    let total = paths.len();
    let sent = AtomicUsize::new(0);
    let mut not_sent: Vec<String> = Vec::new();
    let mut failure = None;
    for phase in [assets, pages, record] {
        if failure.is_some() {
            not_sent.extend(phase.into_iter().cloned());
            continue;
        }
        let (done, failed) = each(&phase, |path| {
            let file = deploy.build.join(path);
            let bytes = std::fs::read(&file).map_err(DeployError::io(&file))?;
            let digest = sha256(&bytes);
            if from.get(*path) != Some(&digest) {
                return Err(DeployError::Refused {
                    path: file,
                    why: "changed while it was being deployed; build again, then deploy".into(),
                });
            }
            store.put(path, &bytes, &headers(path, from), &manifest::hex(&digest))?;
            let n = sent.fetch_add(1, Ordering::Relaxed) + 1;
            (deploy.progress)(n, total, path);
            Ok(())
        });
        not_sent.extend(
            phase
                .iter()
                .zip(done)
                .filter(|(_, d)| d.is_none())
                .map(|(p, _)| (*p).clone()),
        );
        failure = failed;
    }
    match failure {
        None => Ok(()),
        Some(e) => Err(DeployError::Stopped {
            stage: Stage::Sending,
            paths: not_sent,
            source: Box::new(e),
        }),
    }
}

/// The headers of the file at `path`: its own type and caching; a compressed copy of
/// another file of the build (`page.html.gz`, `.br`) has that file's type and says how it
/// is encoded.
fn headers(path: &str, from: &Digests) -> Headers {
    for (suffix, encoding) in [(".gz", "gzip"), (".br", "br")] {
        if let Some(original) = path.strip_suffix(suffix)
            && from.contains_key(original)
        {
            return Headers {
                content_type: content_type(original),
                cache_control: cache_control(path),
                content_encoding: Some(encoding),
            };
        }
    }
    Headers {
        content_type: content_type(path),
        cache_control: cache_control(path),
        content_encoding: None,
    }
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Runs `work` on each item, `WORKERS` at a time; once one fails no other is started.
/// Gives each item's result (none for one not done) and the first failure.
fn each<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> Result<R, DeployError> + Sync,
) -> (Vec<Option<R>>, Option<DeployError>) {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let results: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    let failure: Mutex<Option<DeployError>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..WORKERS.min(items.len()) {
            scope.spawn(|| {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    match work(item) {
                        Ok(r) => results.lock().expect("no worker panics")[i] = Some(r),
                        Err(e) => {
                            stop.store(true, Ordering::Relaxed);
                            failure.lock().expect("no worker panics").get_or_insert(e);
                        }
                    }
                }
            });
        }
    });
    (
        results.into_inner().expect("no worker panics"),
        failure.into_inner().expect("no worker panics"),
    )
}

#[cfg(test)]
pub mod test_server;
#[cfg(test)]
mod tests;
