//! `stp setup`, a person's first step on their own machine: it makes their key when they
//! have none and shows the public key for the admin; after it, steps sign with that key
//! without `--key`, and the trust root it keeps is checked by every reading command (the
//! first admin no longer trusted on first use; a wrong one refused). Run again it keeps
//! the key; a broken settings file is named with its line and left as it was.

use crate::kit::repo::Env;
use crate::kit::{stderr, stdout};

#[test]
fn setup_makes_the_key_then_steps_sign_with_it_and_the_trust_root_is_checked() {
    let env = Env::board();
    let said = env.ok(&["setup"]);
    let key = env.home.join(".ssh/stp_ed25519");
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    assert!(said.contains("mới tạo / new"), "{said}");
    assert!(
        said.contains(public.trim()),
        "the public key line for the admin: {said}"
    );
    assert!(said.contains("trust root: not pinned"), "{said}");
    let settings = std::fs::read_to_string(env.home.join(".config/stp/config.toml")).unwrap();
    assert!(
        settings.contains(&format!("key = \"{}\"", key.display())),
        "{settings}"
    );

    let out = env.add_person_with_key("lan", &key.with_extension("pub"), &["editor"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let article = env.draft("khong-go-key", "Nội dung.");
    env.step("contributor", "submit", &article);
    let out = env.stp(&["review", &article]);
    assert!(out.status.success(), "no --key needed: {}", stderr(&out));
    assert!(stdout(&out).contains("signed by lan"), "{}", stdout(&out));
    let out = env.stp(&["status"]);
    assert!(
        stderr(&out).contains("trusted on first use"),
        "not pinned yet"
    );

    // The trust root the admin gave: pinned, the warning goes.
    let root = env.fingerprint("admin");
    let said = env.ok(&["setup", "--trust-root", &root]);
    assert!(!said.contains("mới tạo"), "the same key is kept: {said}");
    assert!(said.contains(&format!("trust root: {root}")), "{said}");
    assert_eq!(
        std::fs::read_to_string(key.with_extension("pub")).unwrap(),
        public
    );
    let out = env.stp(&["status"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("trusted on first use"),
        "{}",
        stderr(&out)
    );

    // A trust root that is not this site's first admin: nothing in its trust data counts.
    let other = env.fingerprint("editor");
    env.ok(&["setup", "--trust-root", &other]);
    let out = env.stp(&["status"]);
    assert!(
        stdout(&out).contains("no admin has signed the trust data yet"),
        "{}",
        stdout(&out)
    );
    let out = env.stp(&["review", &article]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "no step stands: {}",
        stdout(&out)
    );
    // The variable still wins over the setting.
    let out = env.stp_env(&["status"], &[("STP_TRUST_ROOT", &root)]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_broken_settings_file_or_fingerprint_is_refused_and_nothing_is_written() {
    let env = Env::board();
    let settings = env.home.join(".config/stp/config.toml");
    crate::kit::write(&settings, "key = \"/srv/a\"\nkye = \"/srv/b\"\n");
    let out = env.stp(&["setup"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{}:2:", settings.display())) && err.contains("hint:"),
        "{err}"
    );
    assert!(!env.home.join(".ssh/stp_ed25519").exists(), "no key made");
    assert_eq!(
        std::fs::read_to_string(&settings).unwrap(),
        "key = \"/srv/a\"\nkye = \"/srv/b\"\n"
    );

    // Other commands go on without the settings, and say why.
    let out = env.stp(&["status"]);
    let warning = format!("warning: {}:2:", settings.display());
    assert_eq!(
        stderr(&out).matches(&warning).count(),
        1,
        "{}",
        stderr(&out)
    );

    std::fs::remove_file(&settings).unwrap();
    let out = env.stp(&["setup", "--trust-root", "SHA256:không-phải"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is not a key fingerprint"),
        "{}",
        stderr(&out)
    );
    assert!(!settings.exists());
    let out = env.stp(&["setup", "--key", "/khong/co/khoa"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no such key file"),
        "{}",
        stderr(&out)
    );
    assert!(!settings.exists());
}
