//! Key text is one line: a key file with a second line (`* namespaces="git" <key>`) is
//! refused by `stp people add`, and neither that nor a hand-edited `people.toml` signed by
//! an admin can put a line into the allowed-signers file that makes `git verify-commit`
//! accept an outsider's commit.

use std::path::Path;
use std::process::Output;

use crate::kit::repo::Env;

/// The one-line text of `name`'s `.pub` file.
fn pub_line(env: &Env, name: &str) -> String {
    std::fs::read_to_string(env.key_pub(name))
        .unwrap()
        .trim()
        .to_string()
}

/// `git verify-commit COMMIT` against the allowed-signers file `signers`.
fn verify_commit(env: &Env, signers: &Path, commit: &str) -> Output {
    env.run_in(
        &env.site,
        "git",
        &[
            "-c",
            &format!("gpg.ssh.allowedSignersFile={}", signers.display()),
            "verify-commit",
            commit,
        ],
    )
}

/// Exports the allowed-signers file and checks every line has exactly the form
/// `principal namespaces="git" ssh-ed25519 BASE64`.
fn export(env: &Env) -> std::path::PathBuf {
    let signers = env.site.join("../allowed_signers");
    env.ok(&[
        "people",
        "export-allowed-signers",
        signers.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&signers).unwrap();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split(' ').collect();
        assert_eq!(fields.len(), 4, "{line:?} in\n{text}");
        assert!(
            fields[0]
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{line:?}"
        );
        assert_eq!(fields[1], "namespaces=\"git\"", "{line:?}");
        assert_eq!(fields[2], "ssh-ed25519", "{line:?}");
        assert!(fields[3].starts_with("AAAAC3NzaC1lZDI1NTE5"), "{line:?}");
    }
    signers
}

/// An outsider signs a commit with git; the exported file must not make it Good, while
/// a board member's commit is.
fn outsider_is_not_accepted(env: &Env, signers: &Path) {
    env.write("notes.txt", "outsider\n");
    let outsider = env.forge(Some("outsider"), "an outsider's commit", &[]);
    let out = verify_commit(env, signers, &outsider);
    assert!(
        !out.status.success(),
        "git verify-commit accepted the outsider: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    env.write("notes.txt", "editor\n");
    let editor = env.forge(Some("editor"), "an editor's commit", &[]);
    let out = verify_commit(env, signers, &editor);
    assert!(
        out.status.success(),
        "git verify-commit refused a board member: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The stderr of a command that must refuse (exit 2).
fn refused(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    err
}

#[test]
fn a_key_file_with_a_second_line_is_refused_by_people_add() {
    let env = Env::board();
    let forged = env.keys.join("deputy-forged.pub");
    std::fs::write(
        &forged,
        format!(
            "{}\n* namespaces=\"git\" {}\n",
            pub_line(&env, "deputy"),
            pub_line(&env, "outsider")
        ),
    )
    .unwrap();
    let before = env.git(&["rev-parse", "HEAD"]);
    let err = refused(&env.add_person_with_key("deputy", &forged, &["editor"]));
    assert!(err.contains(forged.to_str().unwrap()), "{err}");
    assert!(err.contains("more than one line"), "{err}");
    assert_eq!(env.git(&["rev-parse", "HEAD"]), before, "nothing committed");

    // A carriage return is refused too; the same key alone is accepted, with its comment.
    std::fs::write(&forged, format!("{}\r\n", pub_line(&env, "deputy"))).unwrap();
    let err = refused(&env.add_person_with_key("deputy", &forged, &["editor"]));
    assert!(err.contains("carriage return"), "{err}");
    env.add_person("deputy", &["editor"]);

    let signers = export(&env);
    outsider_is_not_accepted(&env, &signers);
}

#[test]
fn a_hand_edited_people_file_signed_by_an_admin_cannot_inject_a_signer() {
    let env = Env::board();
    let admin = pub_line(&env, "admin");
    let people = env.read("workflow/people.toml");
    let needle = format!("key = \"{admin}\"");
    assert!(people.contains(&needle), "{people}");
    let injected = format!(
        "key = \"{admin}\\n* namespaces=\\\"git\\\" {}\"",
        pub_line(&env, "outsider")
    );
    env.write("workflow/people.toml", &people.replace(&needle, &injected));
    let commit = env.forge(Some("admin"), "sửa tay people.toml", &[]);

    let issue = env.audit_issue(&commit);
    assert_eq!(issue["kind"], "trust");
    let why = issue["why"].as_str().unwrap();
    assert!(why.contains("more than one line"), "{why}");

    let signers = export(&env);
    outsider_is_not_accepted(&env, &signers);
}
