//! A forged ledger cache cannot change what is published: the cache file edited to name
//! another blob for a live article, with its checksums recomputed, is caught by the public
//! build (each cached live version is confirmed against its publish commit), which says
//! so, reads history again and publishes the signed text; `stp audit` agrees.

use crate::kit::repo::Env;

/// The tag of a cache record (crates/stp-ledger/src/cache.rs): HMAC-SHA256 over the record's kind
/// and payload, with the user's cache key. A forger without the key cannot make one; these
/// tests give the forger the key, to show that even then the live set is confirmed.
fn tag(key: &[u8], kind: u8, payload: &[u8]) -> [u8; 16] {
    use hmac::{KeyInit, Mac};
    let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key).unwrap();
    mac.update(&[kind]);
    mac.update(payload);
    mac.finalize().into_bytes()[..16].try_into().unwrap()
}

/// The record head: kind, length, tag.
const HEAD: usize = 21;

/// Replaces every `from` with `to` in the cache's records and recomputes their tags with
/// `key` (`None`: the records keep their old tags); returns how many records changed.
fn swap_in_cache(file: &std::path::Path, from: &[u8], to: &[u8], key: Option<&[u8]>) -> usize {
    let mut bytes = std::fs::read(file).unwrap();
    let mut at = 8; // the magic
    let mut changed = 0;
    while at + HEAD <= bytes.len() {
        let kind = bytes[at];
        let len = u32::from_le_bytes(bytes[at + 1..at + 5].try_into().unwrap()) as usize;
        let start = at + HEAD;
        let payload = &mut bytes[start..start + len];
        let mut hit = false;
        for i in 0..payload.len().saturating_sub(from.len() - 1) {
            if &payload[i..i + from.len()] == from {
                payload[i..i + from.len()].copy_from_slice(to);
                hit = true;
            }
        }
        if hit {
            if let Some(key) = key {
                let sum = tag(key, kind, &bytes[start..start + len]);
                bytes[at + 5..at + HEAD].copy_from_slice(&sum);
            }
            changed += 1;
        }
        at = start + len;
    }
    std::fs::write(file, bytes).unwrap();
    changed
}

/// Writes `text` into the object store (as anyone can) and returns its blob id.
fn store_blob(env: &Env, text: &str) -> String {
    env.write("forged.md", text);
    let id = env
        .git(&["hash-object", "-w", "forged.md"])
        .trim()
        .to_string();
    std::fs::remove_file(env.site.join("forged.md")).unwrap();
    id
}

/// A fresh cache (a snapshot, no journal) written by `stp status`; its path.
fn fresh_cache(env: &Env) -> std::path::PathBuf {
    let cache = env.site.join(".git/stp/ledger-cache.bin");
    std::fs::remove_file(&cache).unwrap();
    env.ok(&["status"]);
    cache
}

/// The cache key stp made for the test's user.
fn user_key(env: &Env) -> Vec<u8> {
    std::fs::read(env.home.join(".local/state/stp/cache.key")).unwrap()
}

fn raw_id(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn a_cache_naming_another_blob_does_not_change_the_public_site() {
    let env = Env::board();
    let article = env.draft("chinh-thuc", "Văn bản chính thức đã ký.");
    env.publish(&article);
    let signed = env.blob(&article);
    let forged = store_blob(
        &env,
        &env.read(&article)
            .replace("Văn bản chính thức đã ký.", "Văn bản GIẢ MẠO."),
    );
    // A fresh snapshot, then the swap with the tags recomputed with the user's own key.
    let cache = fresh_cache(&env);
    let key = user_key(&env);
    assert!(swap_in_cache(&cache, &raw_id(&signed), &raw_id(&forged), Some(&key)) > 0);

    let out = env.stp(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("the ledger cache does not match history"),
        "{stderr}"
    );
    assert!(stderr.contains(&article), "{stderr}");
    let page = env.page("chinh-thuc");
    assert!(page.contains("Văn bản chính thức đã ký."), "{page}");
    assert!(!page.contains("GIẢ MẠO"), "{page}");

    // The cache was rebuilt from history: the next build says nothing and agrees.
    let out = env.stp(&["build"]);
    assert!(out.status.success());
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("does not match"),
        "{out:?}"
    );
    assert!(!env.page("chinh-thuc").contains("GIẢ MẠO"));
    let (clean, _) = env.audit();
    assert!(clean);
}

#[test]
fn a_cache_naming_an_older_published_version_is_caught_too() {
    let env = Env::board();
    let article = env.draft("sua-doi", "Bản đầu.");
    env.publish(&article);
    let first = env.blob(&article);
    let text = env.read(&article).replace("Bản đầu.", "Bản sửa đổi.");
    env.write(&article, &text);
    env.git(&["commit", "-qam", "sửa"]);
    env.publish(&article);
    let second = env.blob(&article);
    let cache = fresh_cache(&env);
    let key = user_key(&env);
    assert!(swap_in_cache(&cache, &raw_id(&second), &raw_id(&first), Some(&key)) > 0);
    let out = env.stp(&["build"]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not match history"));
    let page = env.page("sua-doi");
    assert!(page.contains("Bản sửa đổi."), "{page}");
}

#[test]
fn a_cache_forged_without_the_users_key_is_ignored() {
    let env = Env::board();
    let article = env.draft("khoa", "Bản đã ký.");
    env.publish(&article);
    let signed = env.blob(&article);
    let forged = store_blob(&env, &env.read(&article).replace("Bản đã ký.", "GIẢ MẠO."));
    let cache = fresh_cache(&env);
    // Tags made with a key of the forger's own.
    assert!(swap_in_cache(&cache, &raw_id(&signed), &raw_id(&forged), Some(&[9; 32])) > 0);
    let out = env.stp(&["build", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let commits = json["ledger"]["commits"].as_u64().unwrap();
    assert_eq!(
        json["ledger"]["read_now"].as_u64(),
        Some(commits),
        "the forged cache was not used: all history was read"
    );
    assert!(!env.page("khoa").contains("GIẢ MẠO"));
}
