//! A forged ledger cache cannot change what is published: the cache file edited to name
//! another blob for a live article, with its checksums recomputed, is caught by the public
//! build (each cached live version is confirmed against its publish commit), which says
//! so, reads history again and publishes the signed text; `stp audit` agrees.

mod common;

use common::Env;

/// The cache's record checksum (src/ledger/cache.rs), as anyone can recompute it.
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = K ^ (bytes.len() as u64);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let v = u64::from_le_bytes(w.try_into().unwrap());
        h = (h ^ v).wrapping_mul(K).rotate_left(29);
    }
    for &b in words.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(K).rotate_left(29);
    }
    h ^ (h >> 32)
}

/// Replaces every `from` with `to` in the cache's records and recomputes their checksums;
/// returns how many records changed.
fn swap_in_cache(file: &std::path::Path, from: &[u8], to: &[u8]) -> usize {
    let mut bytes = std::fs::read(file).unwrap();
    let mut at = 8; // the magic
    let mut changed = 0;
    while at + 13 <= bytes.len() {
        let len = u32::from_le_bytes(bytes[at + 1..at + 5].try_into().unwrap()) as usize;
        let start = at + 13;
        let payload = &mut bytes[start..start + len];
        let mut hit = false;
        for i in 0..payload.len().saturating_sub(from.len() - 1) {
            if &payload[i..i + from.len()] == from {
                payload[i..i + from.len()].copy_from_slice(to);
                hit = true;
            }
        }
        if hit {
            let sum = checksum(&bytes[start..start + len]);
            bytes[at + 5..at + 13].copy_from_slice(&sum.to_le_bytes());
            changed += 1;
        }
        at = start + len;
    }
    std::fs::write(file, bytes).unwrap();
    changed
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
    // The forged text, written into the object store (as anyone can).
    let forged_text = env
        .read(&article)
        .replace("Văn bản chính thức đã ký.", "Văn bản GIẢ MẠO.");
    env.write("forged.md", &forged_text);
    let forged = env
        .git(&["hash-object", "-w", "forged.md"])
        .trim()
        .to_string();
    std::fs::remove_file(env.site.join("forged.md")).unwrap();

    // A fresh snapshot, then the swap with checksums recomputed.
    let cache = env.site.join(".git/stp/ledger-cache.bin");
    std::fs::remove_file(&cache).unwrap();
    env.ok(&["status"]);
    assert!(swap_in_cache(&cache, &raw_id(&signed), &raw_id(&forged)) > 0);

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
    let cache = env.site.join(".git/stp/ledger-cache.bin");
    std::fs::remove_file(&cache).unwrap();
    env.ok(&["status"]);
    assert!(swap_in_cache(&cache, &raw_id(&second), &raw_id(&first)) > 0);
    let out = env.stp(&["build"]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not match history"));
    let page = env.page("sua-doi");
    assert!(page.contains("Bản sửa đổi."), "{page}");
}
