//! A key with a passphrase, as two editors sharing one office PC need: `stp key new
//! --passphrase-stdin` writes a private key encrypted as ssh-keygen encrypts it (ssh-keygen
//! opens it with the passphrase, and not without); signing with it on a terminal asks for
//! the passphrase (a real pseudo-terminal through `script`) and makes a valid signed step;
//! a wrong passphrase, or no terminal to ask on, signs nothing and says what to do.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Output, Stdio};

use crate::kit::repo::Env;
use crate::kit::{stderr, stdout};

const PASSPHRASE: &str = "ba con mèo trên mái nhà";

/// `stp key new PATH --passphrase-stdin` with `input` on stdin.
fn new_key(env: &Env, path: &Path, input: &str) -> Output {
    let mut child = env
        .stp_command(&["key", "new", path.to_str().unwrap(), "--passphrase-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// `stp ARGS` on a new pseudo-terminal (util-linux `script`), `typed` sent to it.
fn on_a_terminal(env: &Env, args: &[&str], typed: &str) -> Output {
    let line = std::iter::once(env!("CARGO_BIN_EXE_stp"))
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut child = env
        .command("script", &env.site)
        .args(["-qec", &line, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Typed once the prompt is up, and a moment later, as a person would: stp shows the
    // prompt, then turns the terminal's echo off, and what arrives before that is echoed.
    let mut out = child.stdout.take().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("passphrase for") {
        match out.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(typed.as_bytes()).unwrap();
    drop(stdin);
    out.read_to_end(&mut seen).unwrap();
    let mut done = child.wait_with_output().unwrap();
    done.stdout = seen;
    done
}

fn head(env: &Env) -> String {
    env.git(&["rev-parse", "HEAD"]).trim().to_string()
}

#[test]
fn a_key_with_a_passphrase_opens_with_it_and_only_with_it() {
    let env = Env::board();
    let key = env.home.join("bien-tap-2");
    let out = new_key(&env, &key, &format!("{PASSPHRASE}\n"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("protected by the passphrase"));
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    let keygen = |pass: &str| {
        env.run_in(
            &env.home,
            "ssh-keygen",
            &["-y", "-P", pass, "-f", key.to_str().unwrap()],
        )
    };
    let opened = keygen(PASSPHRASE);
    assert!(opened.status.success(), "{opened:?}");
    assert_eq!(
        stdout(&opened).split_whitespace().nth(1),
        public.split_whitespace().nth(1),
        "ssh-keygen derives the same public key"
    );
    assert!(!keygen("").status.success(), "not without the passphrase");
    assert!(!keygen("sai mật khẩu").status.success());

    // Too short, or nothing on stdin: refused, nothing written.
    let short = env.home.join("ngan");
    let out = new_key(&env, &short, "1234567\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("shorter than 8 characters"),
        "{}",
        stderr(&out)
    );
    assert!(!short.exists() && !short.with_extension("pub").exists());
}

#[test]
fn signing_asks_for_the_passphrase_on_the_terminal_and_refuses_without_it() {
    let env = Env::board();
    let key = env.home.join("bien-tap-2");
    assert!(
        new_key(&env, &key, &format!("{PASSPHRASE}\n"))
            .status
            .success()
    );
    let out = env.add_person_with_key("bien-tap-2", &key.with_extension("pub"), &["editor"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let article = env.draft("tin-co-mat-khau", "Nội dung.");
    env.step("contributor", "submit", &article);
    let before = head(&env);
    let review = ["review", article.as_str(), "--key", key.to_str().unwrap()];

    // No terminal to ask on (a new session has none) and no agent: refused.
    let mut args = vec![env!("CARGO_BIN_EXE_stp")];
    args.extend_from_slice(&review);
    let out = env
        .command("setsid", &env.site)
        .args(&args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the key has a passphrase") && err.contains("ssh-add"),
        "{err}"
    );
    assert_eq!(head(&env), before, "nothing signed");

    // A wrong passphrase typed on the terminal: refused.
    let out = on_a_terminal(&env, &review, "sai mật khẩu\n");
    assert!(!out.status.success());
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        said.contains("passphrase") && said.contains("does not open this key"),
        "{said}"
    );
    assert_eq!(head(&env), before, "nothing signed");

    // The right one: the step is signed with the key and stands up to stp audit.
    let out = on_a_terminal(&env, &review, &format!("{PASSPHRASE}\n"));
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("passphrase for"),
        "the prompt was shown: {said}"
    );
    assert_ne!(head(&env), before);
    let log = env.log(&article);
    assert!(
        log.contains("review") && log.contains("bien-tap-2"),
        "{log}"
    );
    let (clean, report) = env.audit();
    assert!(clean, "{report}");
}

#[test]
fn a_publish_that_also_sends_asks_for_the_passphrase_once() {
    let env = Env::board();
    let bare = env.site.parent().unwrap().join("shared.git");
    env.git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    env.git(&["remote", "add", "origin", bare.to_str().unwrap()]);
    let key = env.home.join("thu-ky-2");
    assert!(
        new_key(&env, &key, &format!("{PASSPHRASE}\n"))
            .status
            .success()
    );
    let out = env.add_person_with_key("thu-ky-2", &key.with_extension("pub"), &["secretary"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let article = env.draft("dang-co-mat-khau", "Nội dung.");
    env.approve(&article);
    env.ok(&["sync"]);

    let out = on_a_terminal(
        &env,
        &["publish", "--key", key.to_str().unwrap()],
        &format!("{PASSPHRASE}\n"),
    );
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(out.status.success(), "{said}");
    assert_eq!(said.matches("passphrase for").count(), 1, "{said}");
    assert!(said.contains("sent 1 commits to origin"), "{said}");
}
