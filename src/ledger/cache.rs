//! The ledger cache: the state after the last commit read, kept in `.git/stp/` and keyed
//! by commit id and trust root, so a rebuild after one new commit reads one commit.
//! A cache that does not match (another stp version, another pin, rewritten history) is
//! ignored and history is read again.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::state::LedgerState;

/// Bump when the meaning of the cached state changes.
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
struct CacheFile {
    format: u32,
    stp: String,
    pin: Option<String>,
    state: LedgerState,
}

fn cache_path(git_dir: &Path) -> PathBuf {
    git_dir.join("stp").join("ledger-cache.json")
}

/// The cached state, if there is a usable one for `pin`.
pub fn load(git_dir: &Path, pin: Option<&str>) -> Option<LedgerState> {
    let bytes = std::fs::read(cache_path(git_dir)).ok()?;
    let file: CacheFile = serde_json::from_slice(&bytes).ok()?;
    (file.format == FORMAT && file.stp == env!("CARGO_PKG_VERSION") && file.pin.as_deref() == pin)
        .then_some(file.state)
}

/// Saves `state` (written to a temporary file, then renamed into place). A cache that
/// cannot be written only costs time, so failures are ignored.
pub fn save(git_dir: &Path, pin: Option<&str>, state: &LedgerState) {
    let path = cache_path(git_dir);
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let file = CacheFile {
        format: FORMAT,
        stp: env!("CARGO_PKG_VERSION").to_string(),
        pin: pin.map(str::to_string),
        state: state.clone(),
    };
    let Ok(bytes) = serde_json::to_vec(&file) else {
        return;
    };
    let tmp = dir.join(format!("ledger-cache.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
