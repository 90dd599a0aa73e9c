//! The Debian package (`scripts/package-deb`, dpkg-deb): built from this test's binary,
//! unpacked into a clean folder with `dpkg -x` as docs/install.md says to check it, and run
//! from there; its completions and manual pages are the binary's own.

use std::path::Path;
use std::process::Command;

#[test]
fn the_deb_unpacks_into_a_clean_folder_and_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/package-deb"))
        .arg("--binary")
        .arg(env!("CARGO_BIN_EXE_stp"))
        .arg("--out")
        .arg(tmp.path().join("deb"))
        .arg("--fast")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let deb = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(deb.ends_with(".deb") && Path::new(&deb).is_file(), "{deb}");

    let field = |name: &str| {
        let o = Command::new("dpkg-deb")
            .args(["-f", &deb, name])
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap().trim().to_string()
    };
    assert_eq!(field("Package"), "stp");
    assert_eq!(field("Version"), env!("CARGO_PKG_VERSION"));
    assert!(field("Depends").contains("git"));

    let root = tmp.path().join("clean");
    let x = Command::new("dpkg")
        .arg("-x")
        .arg(&deb)
        .arg(&root)
        .status()
        .unwrap();
    assert!(x.success());
    let version = Command::new(root.join("usr/bin/stp"))
        .arg("--version")
        .env_clear()
        .output()
        .unwrap();
    assert!(version.status.success(), "{version:?}");
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("stp {}", env!("CARGO_PKG_VERSION"))
    );
    for file in [
        "usr/share/bash-completion/completions/stp",
        "usr/share/zsh/vendor-completions/_stp",
        "usr/share/fish/vendor_completions.d/stp.fish",
        "usr/share/man/man1/stp.1.gz",
        "usr/share/man/man1/stp-deploy.1.gz",
        "usr/share/man/man1/stp-audit-allow-rollback.1.gz",
    ] {
        let meta = std::fs::metadata(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(meta.len() > 100, "{file} is empty");
    }
    let bash =
        std::fs::read_to_string(root.join("usr/share/bash-completion/completions/stp")).unwrap();
    assert!(
        bash.contains("deploy") && bash.contains("allow-rollback"),
        "the binary's own"
    );
}
