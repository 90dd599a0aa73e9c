//! The key that authenticates the ledger cache. The cache lives in `.git/stp/`, which
//! anyone who can write the repository (a CI job sharing a cache, a colleague on a shared
//! folder) can edit, recomputing any plain checksum. So every record of the cache carries
//! an HMAC-SHA256 tag made with a key that never lives in the repository: a random key in
//! the user's own state folder (`$XDG_STATE_HOME/stp/cache.key`, else
//! `~/.local/state/stp/cache.key`, readable by the user alone), made on first use. A cache
//! whose tags do not check out with this user's key is ignored and read again from
//! history; without a key (no state folder), there is no cache. Which folder is the
//! command line's to say (`Surroundings::state_dir`).

use std::io::Read;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::surroundings::Surroundings;

/// The user's cache key, read (or made, the first time) from their state folder.
pub fn key(surroundings: &Surroundings) -> Option<[u8; 32]> {
    read_or_make(&surroundings.cache_key_file()?)
}

fn read_or_make(path: &std::path::Path) -> Option<[u8; 32]> {
    if let Ok(bytes) = std::fs::read(path)
        && let Ok(key) = <[u8; 32]>::try_from(bytes.as_slice())
    {
        return Some(key);
    }
    let mut key = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut key))
        .ok()?;
    let dir = path.parent()?;
    std::fs::create_dir_all(dir).ok()?;
    let tmp = dir.join(format!("cache.key.{}.tmp", std::process::id()));
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)
            .ok()?;
        file.write_all(&key).ok()?;
    }
    // Another process may have made one meanwhile: the first rename wins for both.
    if std::fs::hard_link(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
        return std::fs::read(path)
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok());
    }
    let _ = std::fs::remove_file(&tmp);
    Some(key)
}

/// The tag of a record of kind `kind` with `payload` under `key`: the first 16 bytes of
/// HMAC-SHA256 over the kind and the payload.
pub fn tag(key: &[u8; 32], kind: u8, payload: &[u8]) -> [u8; TAG_LEN] {
    // HMAC pads a key shorter than the hash's 64-byte block with zeros: done here, so the
    // key has the block's own type and making the MAC cannot fail.
    let mut block = [0u8; 64];
    block[..32].copy_from_slice(key);
    let mut mac = <Hmac<Sha256> as KeyInit>::new(&block.into());
    mac.update(&[kind]);
    mac.update(payload);
    let full = mac.finalize().into_bytes();
    let mut out = [0u8; TAG_LEN];
    out.copy_from_slice(&full[..TAG_LEN]);
    out
}

/// The bytes of a tag.
pub const TAG_LEN: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stp/cache.key");
        let made = read_or_make(&path).unwrap();
        assert_eq!(read_or_make(&path), Some(made));
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "only the user reads the key");
    }

    #[test]
    fn another_key_gives_another_tag() {
        assert_ne!(tag(&[1; 32], 1, b"state"), tag(&[2; 32], 1, b"state"));
        assert_ne!(tag(&[1; 32], 1, b"state"), tag(&[1; 32], 1, b"statf"));
        assert_ne!(tag(&[1; 32], 1, b"state"), tag(&[1; 32], 2, b"state"));
    }
}
