//! Verifying a commit's SSH signature in pure Rust (the `ssh-key` crate): the signature in
//! the `gpgsig` header over the commit without that header, in namespace `git`.

use ssh_key::{HashAlg, PublicKey, SshSig};

use super::objects::{Objects, ReadError};
use super::sign::GIT_NAMESPACE;

/// What a commit's signature says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureCheck {
    Unsigned,
    /// Present but not valid, and why.
    Invalid(String),
    /// Valid, made by the key with this fingerprint.
    Valid {
        fingerprint: String,
    },
}

/// Checks the signature of commit `oid`, read through the checked object reader (the
/// `gpgsig` header and the signed bytes split as git splits them).
pub fn check_commit(repo: &git2::Repository, oid: git2::Oid) -> SignatureCheck {
    let read = Objects::new(repo)
        .map_err(ReadError::Missing)
        .and_then(|objects| objects.commit(oid));
    match read {
        Ok(commit) => match commit.signature {
            Some((signature, signed)) => check(&signature, &signed),
            None => SignatureCheck::Unsigned,
        },
        Err(e) => SignatureCheck::Invalid(format!("cannot read the commit: {e}")),
    }
}

/// Checks an armored SSH signature over `signed`.
pub fn check(armored: &[u8], signed: &[u8]) -> SignatureCheck {
    let Ok(text) = std::str::from_utf8(armored) else {
        return SignatureCheck::Invalid("the signature is not text".into());
    };
    if !text
        .trim_start()
        .starts_with("-----BEGIN SSH SIGNATURE-----")
    {
        return SignatureCheck::Invalid("not an SSH signature (stp only trusts SSH keys)".into());
    }
    let sig = match SshSig::from_pem(text.trim()) {
        Ok(sig) => sig,
        Err(e) => return SignatureCheck::Invalid(format!("an unreadable SSH signature: {e}")),
    };
    if sig.namespace() != GIT_NAMESPACE {
        return SignatureCheck::Invalid(format!(
            "signed for namespace `{}`, not `git`",
            sig.namespace()
        ));
    }
    let key = PublicKey::from(sig.public_key().clone());
    match key.verify(GIT_NAMESPACE, signed, &sig) {
        Ok(()) => SignatureCheck::Valid {
            fingerprint: key.fingerprint(HashAlg::Sha256).to_string(),
        },
        Err(e) => SignatureCheck::Invalid(format!("the signature does not verify ({e})")),
    }
}
