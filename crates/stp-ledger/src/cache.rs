//! The ledger cache: the state after the last commit read, kept in
//! `.git/stp/ledger-cache.bin` so that a load after one new commit reads one commit.
//!
//! The file is a header (format, stp version, trust-root pin), a snapshot of the whole
//! state, then a journal: one record per later load that read new commits, holding what
//! changed (the records of the articles that changed, new issues, the trust point, the
//! tip) and the tip it starts from. Each record carries its length and an HMAC tag made
//! with the user's own key, kept outside the repository (`cache_key.rs`): a cache edited
//! by anyone else, checksums recomputed and all, does not check out and is ignored. A load
//! reads the snapshot and applies the journal records in order while each checks out and
//! starts from the tip reached; a record that does not (a torn write, two processes
//! appending at once) ends the journal there, and the state reached so far is used. When
//! the journal has grown to half the snapshot, the next save writes a new snapshot
//! (to a temporary file renamed into place). The tip is a commit id: `Ledger::load` uses
//! the cache only when that commit is on HEAD's first-parent chain, so rewritten history
//! is read again from the start. A cache that is unreadable, of another format, stp
//! version or pin, is ignored and rebuilt; it is never trusted beyond what it decodes to.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::cache_codec::{
    Decoder, Encoder, get_article, get_head, get_issue, put_article, put_head, put_issue,
};
use super::cache_key::{TAG_LEN, tag};
use super::state::{ArticleRecord, Issue, LedgerState, LiveVersion};
use chrono::NaiveDate;

/// Bump when the meaning or the encoding of the cached state changes.
const FORMAT: u32 = 5;
const MAGIC: &[u8; 8] = b"STPLEDGR";
const FILE: &str = "ledger-cache.bin";
/// The cache file of stp 0.1 before the binary format; removed when a snapshot is written.
const OLD_JSON_FILE: &str = "ledger-cache.json";

const HEADER: u8 = 0;
const SNAPSHOT: u8 = 1;
const DELTA: u8 = 2;

fn cache_path(git_dir: &Path) -> PathBuf {
    git_dir.join("stp").join(FILE)
}

/// A state read from the cache, and where the file stands.
pub struct Cached {
    pub state: LedgerState,
    pub file: FileInfo,
}

/// The shape of the cache file as loaded: appending is allowed only onto these bytes.
#[derive(Debug, Clone, Copy)]
pub struct FileInfo {
    /// Bytes up to the end of the last record used.
    good_len: u64,
    snapshot_len: u64,
    journal_len: u64,
}

/// The cached state, if there is a usable one for `pin`. A state holding a step dated
/// after the horizon of its read is usable only while that date is still after today's
/// horizon: from then on a new read judges the step differently.
pub fn load(
    git_dir: &Path,
    pin: Option<&str>,
    key: &[u8; 32],
    horizon: NaiveDate,
) -> Option<Cached> {
    let bytes = std::fs::read(cache_path(git_dir)).ok()?;
    decode_file(&bytes, pin, key).filter(|c| c.state.postdated.is_none_or(|d| d > horizon))
}

/// Removes the cache file (the next load reads all history and writes a new one).
pub fn discard(git_dir: &Path) {
    let _ = std::fs::remove_file(cache_path(git_dir));
}

fn decode_file(bytes: &[u8], pin: Option<&str>, key: &[u8; 32]) -> Option<Cached> {
    let mut records = Records::new(bytes, key)?;
    let (kind, header) = records.next()?;
    let mut d = Decoder::new(header)?;
    let matches = kind == HEADER
        && d.uint()? == u64::from(FORMAT)
        && d.str()? == env!("CARGO_PKG_VERSION")
        && d.opt_str()?.as_deref() == pin;
    if !matches {
        return None;
    }
    let (kind, snapshot) = records.next()?;
    let mut state = (kind == SNAPSHOT).then(|| decode_snapshot(snapshot))??;
    let snapshot_end = records.at;
    let mut good_len = snapshot_end;
    while let Some((kind, payload)) = records.next() {
        if kind != DELTA || apply_delta(&mut state, payload).is_none() {
            break;
        }
        good_len = records.at;
    }
    Some(Cached {
        state,
        file: FileInfo {
            good_len: good_len as u64,
            snapshot_len: snapshot_end as u64,
            journal_len: (good_len - snapshot_end) as u64,
        },
    })
}

fn decode_snapshot(payload: &[u8]) -> Option<LedgerState> {
    let mut d = Decoder::new(payload)?;
    let mut state = LedgerState::default();
    get_head(&mut d, &mut state)?;
    let n = d.len()?;
    state.issues = d.list(n, get_issue)?;
    let n = d.len()?;
    // Written in key order, so the map is built in one pass.
    let articles: Vec<(String, ArticleRecord)> = d.list(n, get_article)?;
    state.articles = articles.into_iter().collect();
    d.at_end().then_some(state)
}

fn encode_snapshot(state: &LedgerState) -> Vec<u8> {
    let mut e = Encoder::default();
    put_head(&mut e, state);
    e.uint(state.issues.len() as u64);
    for issue in &state.issues {
        put_issue(&mut e, issue);
    }
    e.uint(state.articles.len() as u64);
    for (path, record) in &state.articles {
        put_article(&mut e, path, record);
    }
    e.finish()
}

/// What a record must start from and what it changes.
fn apply_delta(state: &mut LedgerState, payload: &[u8]) -> Option<()> {
    let mut d = Decoder::new(payload)?;
    if d.opt_id()? != state.tip {
        return None;
    }
    let mut next = LedgerState::default();
    get_head(&mut d, &mut next)?;
    if d.uint()? != state.issues.len() as u64 {
        return None;
    }
    let n = d.len()?;
    let issues: Vec<Issue> = d.list(n, get_issue)?;
    let n = d.len()?;
    let articles: Vec<(String, ArticleRecord)> = d.list(n, get_article)?;
    if !d.at_end() {
        return None;
    }
    next.articles = std::mem::take(&mut state.articles);
    next.articles.extend(articles);
    next.issues = std::mem::take(&mut state.issues);
    next.issues.extend(issues);
    *state = next;
    Some(())
}

/// What an article record looked like, to find the ones a load changed: a hash of every
/// field but the trail, and the trail's length (a trail only grows).
#[derive(PartialEq, Eq)]
struct Fingerprint {
    fields: u64,
    events: usize,
}

impl Fingerprint {
    fn of(record: &ArticleRecord) -> Fingerprint {
        use std::hash::{Hash, Hasher};
        let ArticleRecord {
            state,
            digest,
            revision_editor,
            live,
            since,
            events,
        } = record;
        let mut h = std::hash::DefaultHasher::new();
        state.hash(&mut h);
        digest.hash(&mut h);
        revision_editor.hash(&mut h);
        since.hash(&mut h);
        if let Some(LiveVersion {
            commit,
            blob,
            by,
            by_name,
            at,
        }) = live
        {
            (commit, blob, by, by_name, at).hash(&mut h);
        }
        live.is_some().hash(&mut h);
        Fingerprint {
            fields: h.finish(),
            events: events.len(),
        }
    }
}

/// The cached state as loaded, before the new commits are read into it.
pub struct Baseline {
    file: FileInfo,
    tip: Option<String>,
    issues: usize,
    articles: BTreeMap<String, Fingerprint>,
}

impl Baseline {
    pub fn of(state: &LedgerState, file: FileInfo) -> Baseline {
        Baseline {
            file,
            tip: state.tip.clone(),
            issues: state.issues.len(),
            articles: state
                .articles
                .iter()
                .map(|(p, r)| (p.clone(), Fingerprint::of(r)))
                .collect(),
        }
    }

    /// The journal record taking the baseline to `state`, if `state` only grew from it.
    fn delta(&self, state: &LedgerState) -> Option<Vec<u8>> {
        if state.issues.len() < self.issues {
            return None;
        }
        let mut e = Encoder::default();
        e.opt_id(&self.tip);
        put_head(&mut e, state);
        e.uint(self.issues as u64);
        let new_issues = &state.issues[self.issues..];
        e.uint(new_issues.len() as u64);
        for issue in new_issues {
            put_issue(&mut e, issue);
        }
        let changed: Vec<_> = state
            .articles
            .iter()
            .filter(|(p, r)| self.articles.get(*p) != Some(&Fingerprint::of(r)))
            .collect();
        if !self.articles.keys().all(|p| state.articles.contains_key(p)) {
            return None; // an article disappeared: only a snapshot says so
        }
        e.uint(changed.len() as u64);
        for (path, record) in changed {
            put_article(&mut e, path, record);
        }
        Some(e.finish())
    }
}

/// Saves `state`: appended to the journal when `baseline` (the state as loaded from this
/// cache) allows and the journal is still small, else as a new snapshot. Returns where
/// the file now stands, so that the next save can append to it. A cache that cannot be
/// written only costs time, so failures are ignored (and `None` returned).
pub fn save(
    git_dir: &Path,
    pin: Option<&str>,
    key: &[u8; 32],
    state: &LedgerState,
    baseline: Option<&Baseline>,
) -> Option<FileInfo> {
    let path = cache_path(git_dir);
    let dir = path.parent()?;
    std::fs::create_dir_all(dir).ok()?;
    if let Some(base) = baseline
        && base.file.journal_len * 2 < base.file.snapshot_len.max(1 << 16)
        && std::fs::metadata(&path).is_ok_and(|m| m.len() == base.file.good_len)
        && let Some(delta) = base.delta(state)
    {
        let record = frame(key, DELTA, &delta);
        if append(&path, &record).is_ok() {
            let len = record.len() as u64;
            return Some(FileInfo {
                good_len: base.file.good_len + len,
                snapshot_len: base.file.snapshot_len,
                journal_len: base.file.journal_len + len,
            });
        }
    }
    let mut bytes = MAGIC.to_vec();
    let mut header = Encoder::default();
    header.uint(u64::from(FORMAT));
    header.str(env!("CARGO_PKG_VERSION"));
    let pin = pin.map(str::to_string);
    header.opt_str(&pin);
    bytes.extend(frame(key, HEADER, &header.finish()));
    bytes.extend(frame(key, SNAPSHOT, &encode_snapshot(state)));
    let len = bytes.len() as u64;
    let tmp = dir.join(format!("{FILE}.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, bytes).is_err() || std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
        return None;
    }
    let _ = std::fs::remove_file(dir.join(OLD_JSON_FILE));
    Some(FileInfo {
        good_len: len,
        snapshot_len: len,
        journal_len: 0,
    })
}

fn append(path: &Path, record: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().append(true).open(path)?;
    file.write_all(record)
}

/// A record: kind, length and tag of the kind and payload, then the payload.
fn frame(key: &[u8; 32], kind: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + RECORD_HEAD);
    out.push(kind);
    out.extend((payload.len() as u32).to_le_bytes());
    out.extend(tag(key, kind, payload));
    out.extend_from_slice(payload);
    out
}

/// Kind, length, tag.
const RECORD_HEAD: usize = 5 + TAG_LEN;

/// Reads records off the file's bytes, stopping at the first damaged one.
struct Records<'b> {
    bytes: &'b [u8],
    at: usize,
    key: &'b [u8; 32],
}

impl<'b> Records<'b> {
    fn new(bytes: &'b [u8], key: &'b [u8; 32]) -> Option<Records<'b>> {
        bytes.starts_with(MAGIC).then_some(Records {
            bytes,
            at: MAGIC.len(),
            key,
        })
    }

    fn next(&mut self) -> Option<(u8, &'b [u8])> {
        let head = self.bytes.get(self.at..self.at.checked_add(RECORD_HEAD)?)?;
        let kind = head[0];
        let len = u32::from_le_bytes([head[1], head[2], head[3], head[4]]) as usize;
        let start = self.at + RECORD_HEAD;
        let payload = self.bytes.get(start..start.checked_add(len)?)?;
        if tag(self.key, kind, payload).as_slice() != &head[5..RECORD_HEAD] {
            return None;
        }
        self.at = start + len;
        Some((kind, payload))
    }
}

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
