//! The manifest, `.stp-deploy.json` under the prefix: every file of the deployed build and
//! the SHA-256 of its bytes (hex), written after the build's files and its record. It is
//! what a deploy reads to know what the prefix holds without asking for every object; an
//! object it does not name is asked for (its `x-amz-meta-stp-sha256`), so a manifest that
//! is missing, unreadable or behind the objects (a deploy that stopped part-way) costs
//! requests, never a wrong comparison.

use std::collections::BTreeMap;

use crate::changes::Digests;

/// The manifest's name under the prefix.
pub const MANIFEST: &str = ".stp-deploy.json";

/// The manifest's version: one this stp does not know is read as none.
const FORMAT: u32 = 1;

#[derive(serde::Serialize, serde::Deserialize)]
struct Manifest {
    format: u32,
    files: BTreeMap<String, String>,
}

/// The manifest of the build whose files are `files`.
pub fn write(files: &Digests) -> Vec<u8> {
    let manifest = Manifest {
        format: FORMAT,
        files: files.iter().map(|(p, d)| (p.clone(), hex(d))).collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&manifest).expect("a map of strings serialises");
    bytes.push(b'\n');
    bytes
}

/// The files a manifest names; none when it is not one this stp wrote (any entry that is
/// not a SHA-256 makes the whole manifest unreadable).
pub fn read(bytes: &[u8]) -> Option<Digests> {
    let manifest: Manifest = serde_json::from_slice(bytes).ok()?;
    if manifest.format != FORMAT {
        return None;
    }
    manifest
        .files
        .into_iter()
        .map(|(path, digest)| Some((path, unhex(&digest)?)))
        .collect()
}

pub fn hex(digest: &[u8; 32]) -> String {
    base16ct::lower::encode_string(digest)
}

/// A SHA-256 written in hex (64 digits, either case), or none.
pub fn unhex(text: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    (text.len() == 64 && base16ct::mixed::decode(text, &mut out).is_ok()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_and_anything_else_reads_as_none() {
        let mut files = Digests::new();
        files.insert("index.html".into(), [7; 32]);
        files.insert("tin-tuc/bài/index.html".into(), [0xab; 32]);
        assert_eq!(read(&write(&files)), Some(files));
        assert_eq!(read(b"{}"), None);
        assert_eq!(read(b"not json"), None);
        assert_eq!(read(br#"{"format":2,"files":{}}"#), None);
        assert_eq!(read(br#"{"format":1,"files":{"a":"12"}}"#), None);
        let bad = format!(r#"{{"format":1,"files":{{"a":"{}"}}}}"#, "zz".repeat(32));
        assert_eq!(read(bad.as_bytes()), None);
        assert_eq!(unhex(&hex(&[0x5a; 32])), Some([0x5a; 32]));
    }
}
