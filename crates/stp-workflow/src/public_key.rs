//! The text of a person's public key, as `stp people add --key` takes it and
//! `workflow/people.toml` holds it: exactly one OpenSSH line `ssh-ed25519 BASE64 [comment]`.
//! The key ends up in the allowed-signers file `git verify-commit` trusts, where a second
//! line would be a second trusted key (`* namespaces="git" …` trusts it for every
//! principal), so anything but that one line is refused, never cleaned up.

use ssh_key::{Algorithm, HashAlg, PublicKey};

/// The only key type stp signs and verifies with.
pub const KEY_TYPE: &str = "ssh-ed25519";

/// A checked public key line.
#[derive(Debug, Clone)]
pub struct PublicKeyLine {
    pub key: PublicKey,
    /// `SHA256:…`, as `ssh-keygen -l` prints it.
    pub fingerprint: String,
    /// The line as given, without the trailing newline or surrounding blanks.
    pub text: String,
    /// `ssh-ed25519 BASE64`: the line without its comment, as the allowed-signers file
    /// writes it.
    pub bare: String,
}

/// Parses the text of an OpenSSH ed25519 public key: one line `ssh-ed25519 BASE64
/// [comment]` (one trailing newline, as a `.pub` file ends, is allowed). The error is a
/// phrase to follow the name of the file or person (`… holds more than one line`).
pub fn parse_public_key(text: &str) -> Result<PublicKeyLine, String> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.trim_matches([' ', '\t']);
    if text.contains(['\n', '\r']) {
        return Err(format!(
            "holds more than one line (a newline or carriage return); a public key is one line `{KEY_TYPE} BASE64 [comment]`"
        ));
    }
    if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\t') {
        return Err(format!(
            "holds the control character {:?}; a public key is one line `{KEY_TYPE} BASE64 [comment]`",
            c
        ));
    }
    let mut fields = text.split([' ', '\t']).filter(|f| !f.is_empty());
    let (Some(algorithm), Some(base64)) = (fields.next(), fields.next()) else {
        return Err(format!(
            "is not an OpenSSH public key line `{KEY_TYPE} BASE64 [comment]`"
        ));
    };
    if algorithm != KEY_TYPE {
        return Err(match Algorithm::new(algorithm) {
            Ok(other) => {
                format!("is a {other} key; stp signs with ed25519 keys (`stp key new PATH`)")
            }
            Err(_) => format!(
                "starts with `{algorithm}`, not the key type `{KEY_TYPE}`; give the public key line alone, without options or principals"
            ),
        });
    }
    let bare = format!("{algorithm} {base64}");
    let key = PublicKey::from_openssh(&bare)
        .map_err(|e| format!("is not an OpenSSH public key ({e})"))?;
    if key.algorithm() != Algorithm::Ed25519 {
        return Err(format!(
            "says `{KEY_TYPE}` but holds a {} key",
            key.algorithm()
        ));
    }
    let fingerprint = key.fingerprint(HashAlg::Sha256).to_string();
    Ok(PublicKeyLine {
        key,
        fingerprint,
        text: text.to_string(),
        bare,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGmue0e2bZyN2gZksBaxSFP7cUVLAUS063aeci/dsZ7h a b";
    const OTHER: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICeh0SCZv0iGrTdHgOr3VkRT0she0rxHj0q8bTphB2So";

    #[test]
    fn a_pub_file_line_is_read_and_its_comment_dropped_from_the_bare_line() {
        let line = parse_public_key(&format!("{KEY}\n")).unwrap();
        assert_eq!(line.text, KEY);
        assert_eq!(
            line.bare,
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGmue0e2bZyN2gZksBaxSFP7cUVLAUS063aeci/dsZ7h"
        );
        assert!(line.fingerprint.starts_with("SHA256:"));
    }

    #[test]
    fn a_second_line_is_refused_whatever_it_holds() {
        for text in [
            format!("{KEY}\n* namespaces=\"git\" {OTHER}\n"),
            format!("{KEY}\n\n"),
            format!("{KEY}\r\n"),
            format!("{KEY}\r* namespaces=\"git\" {OTHER}"),
        ] {
            let err = parse_public_key(&text).unwrap_err();
            assert!(err.contains("more than one line"), "{text:?}: {err}");
        }
    }

    #[test]
    fn options_principals_other_types_and_control_characters_are_refused() {
        let options = parse_public_key(&format!("* namespaces=\"git\" {OTHER}")).unwrap_err();
        assert!(options.contains("starts with `*`"), "{options}");
        let rsa = parse_public_key("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ x").unwrap_err();
        assert!(rsa.contains("ssh-rsa key"), "{rsa}");
        let bell = parse_public_key(&format!("{KEY}\u{7}")).unwrap_err();
        assert!(bell.contains("control character"), "{bell}");
        let alone = parse_public_key(KEY_TYPE).unwrap_err();
        assert!(
            alone.contains("is not an OpenSSH public key line"),
            "{alone}"
        );
        let mislabelled = OTHER.replace("AAAAC3", "AAAAB3");
        assert!(parse_public_key(&mislabelled).is_err());
    }
}
