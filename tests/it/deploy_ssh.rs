//! `stp deploy host:folder` through the real binary, over a real OpenSSH server
//! (crate::kit::sshd) with the system's rsync, the ssh command given as rsync reads it
//! (`RSYNC_RSH`): the first deploy sends the whole build, then exactly the files a deploy
//! to a local folder would send (both compare content), a withdrawn page is deleted, a
//! transfer that breaks part-way leaves the old site serving, a folder stp did not deploy
//! and a rewound history are refused.

use crate::kit::repo::Env;
use crate::kit::sshd::Server;

struct Remote {
    env: Env,
    server: Server,
    rsh: String,
}

impl Remote {
    fn start() -> Remote {
        let env = Env::board();
        let dir = env.home.join("server");
        std::fs::create_dir_all(&dir).unwrap();
        let server = Server::start(&dir);
        let rsh = format!("ssh -F {}", server.client_config.display());
        Remote { env, server, rsh }
    }

    /// `stp deploy --json ARGS` with the test server's ssh command.
    fn deploy_with(&self, args: &[&str], rsh: &str) -> std::process::Output {
        let mut all = vec!["deploy", "--json"];
        all.extend_from_slice(args);
        self.env.stp_env(&all, &[("RSYNC_RSH", rsh)])
    }

    fn deploy(&self, args: &[&str]) -> serde_json::Value {
        let out = self.deploy_with(args, &self.rsh);
        assert!(out.status.success(), "{out:?}");
        crate::kit::versioned_json(&crate::kit::stdout(&out))
    }
}

fn uploaded(out: &serde_json::Value) -> Vec<String> {
    out["files"]["uploaded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_build_goes_over_ssh_and_then_only_what_changed() {
    let remote = Remote::start();
    let env = &remote.env;
    let first = env.draft("mot", "Bài một.");
    env.publish(&first);
    env.ok(&["build"]);
    let www = env.home.join("server/www/stp");
    let target = format!("stp-test-server:{}", www.display());
    let local = env.home.join("local-www");
    let local_arg = local.to_str().unwrap();

    let out = remote.deploy(&[&target]);
    let public = env.site.join("public");
    assert_eq!(
        crate::kit::files(&www),
        crate::kit::files(&public),
        "the host has the build, byte for byte"
    );
    assert_eq!(
        out["uploaded"].as_u64(),
        Some(crate::kit::files(&public).len() as u64)
    );
    remote.deploy(&[local_arg]);
    let log = std::fs::read_to_string(&remote.server.log).unwrap();
    assert!(
        log.contains("Accepted publickey"),
        "it went through sshd: {log}"
    );

    let again = remote.deploy(&[&target]);
    assert_eq!(again["uploaded"], 0, "{again}");
    assert_eq!(again["unchanged"], out["uploaded"]);

    // A new article: the same files a deploy to a folder sends, and a dry run sends none.
    let second = env.draft("hai", "Bài hai.");
    env.publish(&second);
    env.ok(&["build"]);
    let dry = remote.deploy(&[&target, "--dry-run"]);
    assert!(
        !www.join("tin-tuc/hai/index.html").exists(),
        "a dry run sends nothing"
    );
    let sent = remote.deploy(&[&target]);
    assert_eq!(uploaded(&sent), uploaded(&dry));
    let to_folder = remote.deploy(&[local_arg]);
    assert_eq!(
        uploaded(&sent),
        uploaded(&to_folder),
        "both compare by content"
    );
    assert!(uploaded(&sent).contains(&"tin-tuc/hai/index.html".to_string()));
    assert!(
        uploaded(&sent).len() < crate::kit::files(&public).len() / 2,
        "{sent}"
    );
    assert_eq!(crate::kit::files(&www), crate::kit::files(&public));

    // A withdrawn page is deleted, and so are the search fragments that held it (a
    // fragment whose content changes is a new `tim-kiem/t/<n>.<digest>.json`).
    env.withdraw(&first, "Hết hiệu lực");
    env.ok(&["build"]);
    let gone = remote.deploy(&[&target]);
    let deleted: Vec<&str> = gone["files"]["deleted"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    let (index, pages): (Vec<&str>, Vec<&str>) =
        deleted.iter().partition(|d| d.starts_with("tim-kiem/"));
    assert_eq!(pages, ["tin-tuc/mot/index.html"], "{gone}");
    assert!(
        !index.is_empty() && index.iter().all(|d| d.ends_with(".json")),
        "{gone}"
    );
    assert_eq!(crate::kit::files(&www), crate::kit::files(&public));

    // A build from a history reset past the signed withdraw is refused over ssh too.
    let withdraw = env.git(&["rev-parse", "HEAD"]).trim().to_string();
    env.git(&["reset", "-q", "--hard", "HEAD~1"]);
    env.ok(&["build", "--allow-rewind"]);
    let refused = remote.deploy_with(&[&target], &remote.rsh);
    assert!(!refused.status.success());
    let err = crate::kit::stderr(&refused);
    assert!(
        err.contains("would roll the site back") && err.contains(&withdraw),
        "{err}"
    );
    assert!(
        !www.join("tin-tuc/mot/index.html").exists(),
        "the host is unchanged"
    );
}

#[test]
fn a_transfer_that_breaks_off_leaves_the_old_site_and_a_foreign_folder_is_refused() {
    let remote = Remote::start();
    let env = &remote.env;
    let first = env.draft("mot", "Bài một.");
    env.publish(&first);
    env.ok(&["build"]);
    let www = env.home.join("server/www");
    let target = format!("stp-test-server:{}", www.display());
    remote.deploy(&[&target]);
    let before = crate::kit::files(&www);

    // The next build has a bigger page; the host refuses any file over 20 kB (a full
    // disk, a quota), which kills its rsync part-way through the transfer.
    let second = env.draft("hai", &"Một đoạn văn dài hơn. ".repeat(4000));
    env.publish(&second);
    env.ok(&["build"]);
    let breaks = env.home.join("ssh-to-a-full-disk");
    std::fs::write(
        &breaks,
        format!(
            "#!/bin/sh\n[ \"$1\" = -- ] && shift\nhost=$1; shift\nexec {} \"$host\" \"ulimit -f 40; $*\"\n",
            remote.rsh
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&breaks, std::fs::Permissions::from_mode(0o755)).unwrap();
    let broken = remote.deploy_with(&[&target], breaks.to_str().unwrap());
    assert!(!broken.status.success(), "{broken:?}");
    let err = crate::kit::stderr(&broken);
    assert!(
        err.contains(&format!("stp-test-server:{}", www.display())),
        "{err}"
    );
    assert!(err.contains("rsync"), "{err}");
    let after: std::collections::BTreeMap<_, _> = crate::kit::files(&www)
        .into_iter()
        .filter(|(rel, _)| !rel.contains(".~tmp~"))
        .collect();
    assert_eq!(after, before, "nothing was renamed into place");

    // The next run finishes the job.
    remote.deploy(&[&target]);
    assert_eq!(
        crate::kit::files(&www),
        crate::kit::files(&env.site.join("public"))
    );

    // A folder on the host with files stp did not put there is not touched.
    let other = env.home.join("server/other");
    crate::kit::write(&other.join("index.html"), "trang khác");
    let out = remote.deploy_with(
        &[&format!("stp-test-server:{}", other.display())],
        &remote.rsh,
    );
    assert!(!out.status.success());
    assert!(
        crate::kit::stderr(&out).contains("stp did not deploy"),
        "{out:?}"
    );
    assert_eq!(crate::kit::files(&other).len(), 1, "nothing deleted");
}
