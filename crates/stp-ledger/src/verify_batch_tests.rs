//! Batched verdicts are the verdicts of checking each signature alone, with real keys
//! (written and read back as OpenSSH files) signing in git's SSH signature format.

use super::*;
use crate::sign::{Signer, generate_key};

fn signers(dir: &std::path::Path) -> Vec<Signer> {
    ["truong-ban", "bien-tap-vien"]
        .iter()
        .map(|name| {
            let path = dir.join(name);
            generate_key(&path, name, None).unwrap();
            Signer::load(&path, None).unwrap()
        })
        .collect()
}

fn signed(signer: &Signer, payload: &str) -> Option<Signed> {
    let armored = signer.sign(payload.as_bytes()).unwrap();
    Some((armored.into_bytes(), payload.as_bytes().to_vec()))
}

fn alone(signatures: &[Option<Signed>]) -> Vec<SignatureCheck> {
    signatures
        .iter()
        .map(|s| match s {
            None => SignatureCheck::Unsigned,
            Some((armored, payload)) => check(armored, payload),
        })
        .collect()
}

#[test]
fn a_batch_of_good_signatures_is_valid_with_each_signers_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let signers = signers(dir.path());
    let all: Vec<Option<Signed>> = (0..40)
        .map(|i| {
            signed(
                &signers[i % 2],
                &format!("tree {i}\n\nstp: review bai-{i}\n"),
            )
        })
        .collect();
    let expected = alone(&all);
    assert!(
        expected
            .iter()
            .all(|v| matches!(v, SignatureCheck::Valid { .. }))
    );
    assert_eq!(check_all(all), expected);
}

#[test]
fn one_bad_signature_in_a_batch_is_found_and_the_others_stay_valid() {
    let dir = tempfile::tempdir().unwrap();
    let signers = signers(dir.path());
    let mut all: Vec<Option<Signed>> = (0..30)
        .map(|i| signed(&signers[i % 2], &format!("commit {i}\n")))
        .collect();
    // The payload changed after signing: what a forged commit looks like.
    if let Some((_, payload)) = all[17].as_mut() {
        payload.extend_from_slice(b"status: published\n");
    }
    // A signature taken from another commit.
    let other = all[3].clone().unwrap().0;
    if let Some((armored, _)) = all[25].as_mut() {
        *armored = other;
    }
    all.push(None);
    all.push(Some((b"not a signature".to_vec(), b"x".to_vec())));
    let expected = alone(&all);
    let got = check_all(all);
    assert_eq!(got, expected);
    for i in [17, 25] {
        assert!(
            matches!(&got[i], SignatureCheck::Invalid(why) if why.contains("does not verify")),
            "{:?}",
            got[i]
        );
    }
    assert_eq!(got[30], SignatureCheck::Unsigned);
    assert!(matches!(&got[31], SignatureCheck::Invalid(_)));
    let valid = got
        .iter()
        .filter(|v| matches!(v, SignatureCheck::Valid { .. }))
        .count();
    assert_eq!(valid, 28);
}
