//! Verifying many commits' signatures at once, for reading history. ed25519-dalek's
//! `verify_batch` checks a whole batch of ed25519 signatures with one multiscalar
//! multiplication under random weights, at about half the cost per signature of checking
//! each alone. When a batch fails, each of its signatures is checked alone
//! (`verify::check`), so a bad signature costs the batch its speed, never changes the
//! verdict on the others. Signatures that are not ed25519, or not in the usual form
//! (reserved field used, unreadable), are checked alone from the start. The one way a batch
//! can differ from checking alone: it may accept a signature that the key's own holder
//! crafted with a small-order component or a non-canonical R, which OpenSSH would refuse;
//! nobody without the private key can make one (docs/pipeline.md, "Signatures").

use std::collections::HashMap;

use ed25519_dalek::{Signature, VerifyingKey};
use ssh_key::public::KeyData;
use ssh_key::{Algorithm, HashAlg, PublicKey, SshSig};

use super::sign::GIT_NAMESPACE;
use super::verify::{SignatureCheck, check};

/// A commit's `gpgsig` value and the bytes it signs.
pub type Signed = (Vec<u8>, Vec<u8>);

/// The verdict on each of `signatures` (`None`: the commit is unsigned), in order.
pub fn check_all(signatures: Vec<Option<Signed>>) -> Vec<SignatureCheck> {
    let mut batch = Batch::default();
    // A batched signature's verdict is set once the batch is checked.
    let mut out: Vec<SignatureCheck> = signatures
        .iter()
        .enumerate()
        .map(|(i, signed)| match signed {
            None => SignatureCheck::Unsigned,
            Some((armored, payload)) if batch.add(i, armored, payload) => SignatureCheck::Unsigned,
            Some((armored, payload)) => check(armored, payload),
        })
        .collect();
    let verdicts = batch.verify(|i| match &signatures[i] {
        Some((armored, payload)) => check(armored, payload),
        None => SignatureCheck::Unsigned,
    });
    for (i, verdict) in verdicts {
        out[i] = verdict;
    }
    out
}

/// The ed25519 signatures waiting for one check, with what each signs.
#[derive(Default)]
struct Batch {
    index: Vec<usize>,
    messages: Vec<Vec<u8>>,
    signatures: Vec<Signature>,
    keys: Vec<VerifyingKey>,
    fingerprints: Vec<String>,
    /// Keys seen so far: few people sign many commits.
    known: HashMap<[u8; 32], Option<(VerifyingKey, String)>>,
}

impl Batch {
    /// Adds signature `i` if it is an ed25519 signature in the usual form.
    fn add(&mut self, i: usize, armored: &[u8], payload: &[u8]) -> bool {
        let Some(sig) = std::str::from_utf8(armored)
            .ok()
            .filter(|t| t.trim_start().starts_with("-----BEGIN SSH SIGNATURE-----"))
            .and_then(|t| SshSig::from_pem(t.trim()).ok())
        else {
            return false;
        };
        let usual = sig.namespace() == GIT_NAMESPACE
            && sig.reserved().is_empty()
            && sig.algorithm() == Algorithm::Ed25519
            && matches!(sig.hash_alg(), HashAlg::Sha256 | HashAlg::Sha512);
        let KeyData::Ed25519(public) = sig.public_key() else {
            return false;
        };
        if !usual {
            return false;
        }
        let Some((key, fingerprint)) = self
            .known
            .entry(public.0)
            .or_insert_with(|| {
                let key = VerifyingKey::from_bytes(&public.0).ok()?;
                let fingerprint = PublicKey::from(sig.public_key().clone())
                    .fingerprint(HashAlg::Sha256)
                    .to_string();
                Some((key, fingerprint))
            })
            .clone()
        else {
            return false;
        };
        let Ok(signature) = Signature::from_slice(sig.signature().as_bytes()) else {
            return false;
        };
        let Ok(message) = SshSig::signed_data(GIT_NAMESPACE, sig.hash_alg(), payload) else {
            return false;
        };
        self.index.push(i);
        self.messages.push(message);
        self.signatures.push(signature);
        self.keys.push(key);
        self.fingerprints.push(fingerprint);
        true
    }

    /// The verdicts, by index; `alone` checks one signature by itself.
    fn verify(self, alone: impl Fn(usize) -> SignatureCheck) -> Vec<(usize, SignatureCheck)> {
        if self.index.is_empty() {
            return Vec::new();
        }
        let messages: Vec<&[u8]> = self.messages.iter().map(Vec::as_slice).collect();
        if ed25519_dalek::verify_batch(&messages, &self.signatures, &self.keys).is_ok() {
            return self
                .index
                .into_iter()
                .zip(self.fingerprints)
                .map(|(i, fingerprint)| (i, SignatureCheck::Valid { fingerprint }))
                .collect();
        }
        self.index.into_iter().map(|i| (i, alone(i))).collect()
    }
}

#[cfg(test)]
#[path = "verify_batch_tests.rs"]
mod tests;
