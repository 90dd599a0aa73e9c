//! `stp init --ci forgejo|gitlab|github`: each recipe is valid YAML that clones the whole
//! history, takes the trust root from the CI's settings and keeps no cache, and its commands,
//! run for real with bash in a signed site (as the runner would, stp on PATH), audit, build
//! and deploy the site; without the trust root, or with a wrong one, nothing is deployed.

use std::path::Path;
use std::process::Command;

use crate::kit::repo::Env;

const SERVICES: [(&str, &str); 3] = [
    ("github", ".github/workflows/stp.yml"),
    ("gitlab", ".gitlab-ci.yml"),
    ("forgejo", ".forgejo/workflows/stp.yml"),
];

/// The shell commands of a recipe, as its runner would run them.
fn commands(service: &str, yaml: &serde_json::Value) -> String {
    match service {
        "gitlab" => {
            let job = &yaml["stp"];
            assert_eq!(job["variables"]["GIT_DEPTH"], "0", "the whole history");
            assert_eq!(job["cache"], serde_json::json!([]), "no cache");
            job["script"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap().to_string() + "\n")
                .collect()
        }
        _ => {
            let job = &yaml["jobs"]["site"];
            let steps = job["steps"].as_array().unwrap();
            assert_eq!(steps[0]["with"]["fetch-depth"], 0, "the whole history");
            assert_eq!(
                job["env"]["STP_TRUST_ROOT"], "${{ secrets.STP_TRUST_ROOT }}",
                "the trust root comes from the CI's secrets"
            );
            assert!(
                !steps
                    .iter()
                    .any(|s| s["uses"].as_str().is_some_and(|u| u.contains("cache"))),
                "no cache step"
            );
            steps[1]["run"].as_str().unwrap().to_string()
        }
    }
}

fn run(site: &Path, script: &str, trust_root: &str, target: &Path) -> std::process::Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_stp")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(site)
        .env("PATH", path)
        .env("STP_LANG", "en")
        .env("STP_TRUST_ROOT", trust_root)
        .env("STP_DEPLOY_TARGET", target)
        .env("STP_INSTALL", "false")
        .env_remove("XDG_STATE_HOME")
        .output()
        .unwrap()
}

#[test]
fn each_recipe_audits_builds_and_deploys_the_signed_site() {
    let env = Env::board();
    let article = env.draft("mot", "Bài một.");
    env.publish(&article);
    let root = env.fingerprint("admin");
    for (service, file) in SERVICES {
        let out = env.ok(&["init", env.site.to_str().unwrap(), "--ci", service]);
        assert!(out.contains(file), "{out}");
        let text = std::fs::read_to_string(env.site.join(file)).unwrap();
        let yaml: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        let script = commands(service, &yaml);
        assert!(
            script.contains("XDG_STATE_HOME=\"$(mktemp -d)\""),
            "{script}"
        );

        let www = env.home.join(format!("www-{service}"));
        let out = run(&env.site, &script, &root, &www);
        assert!(out.status.success(), "{service}: {out:?}");
        assert!(www.join("tin-tuc/mot/index.html").is_file(), "{service}");
        assert!(www.join(".stp-build.json").is_file());

        let unset = env.home.join(format!("unset-{service}"));
        let out = run(&env.site, &script, "", &unset);
        assert_eq!(out.status.code(), Some(2), "{service}: {out:?}");
        assert!(crate::kit::stderr(&out).contains("STP_TRUST_ROOT"));
        assert!(!unset.exists(), "nothing deployed without the trust root");

        let wrong = env.home.join(format!("wrong-{service}"));
        let forged = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        let out = run(&env.site, &script, forged, &wrong);
        assert!(!out.status.success(), "{service}: {out:?}");
        assert!(!wrong.exists(), "nothing deployed under a wrong trust root");

        // Written once: a second time is refused and the file is kept.
        let again = env.refused(&["init", env.site.to_str().unwrap(), "--ci", service]);
        assert!(again.contains("already exists"), "{again}");
        assert_eq!(std::fs::read_to_string(env.site.join(file)).unwrap(), text);
    }
}

#[test]
fn a_new_site_gets_its_recipe_in_the_first_signed_commit() {
    let env = Env::bare();
    let dir = env.home.join("so-tu-phap");
    env.ok(&[
        "init",
        dir.to_str().unwrap(),
        "--ci",
        "github",
        "--admin-key",
        env.key_pub("admin").to_str().unwrap(),
        "--admin-name",
        "Quản Trị",
    ]);
    let files = env.git_in(&dir, &["show", "--name-only", "--format=", "HEAD"]);
    assert!(files.contains(".github/workflows/stp.yml"), "{files}");
}
