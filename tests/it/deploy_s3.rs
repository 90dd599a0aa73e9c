//! `stp deploy s3://bucket/prefix` through the real binary on a signed site, against a real
//! S3-compatible server (moto's, on 127.0.0.1, behind a proxy that records each request
//! and can fail part-way): every object has the build's bytes and the headers of
//! `_headers`; after one article is edited and published only the changed files are sent;
//! a rewound history is refused by the record read from the bucket; a service failing
//! part-way leaves the old site whole and the next run finishes the job.

#[path = "../../crates/stp-deploy/src/s3/test_server.rs"]
mod test_server;

use std::collections::BTreeMap;
use std::process::Output;

use stp::deploy::s3::{MANIFEST, S3Access, S3Target, Store};
use stp::render::headers::{cache_control, content_type};
use test_server::{KEY_ID, Moto, Proxy, REGION, SECRET};

use crate::kit::repo::Env;

const BUCKET: &str = "stp-site";
const TARGET: &str = "s3://stp-site/www";
const RECORD: &str = ".stp-build.json";

/// moto, a proxy in front of it, the bucket, and a store to look at it directly.
struct Service {
    proxy: Proxy,
    store: Store,
    _moto: Moto,
}

impl Service {
    fn start() -> Service {
        let moto = Moto::start();
        let proxy = Proxy::start(moto.port);
        let store = moto.store(BUCKET, "www");
        store.create_bucket().unwrap();
        Service {
            proxy,
            store,
            _moto: moto,
        }
    }

    /// `stp deploy ARGS` with AWS's variables, through the proxy.
    fn deploy(&self, env: &Env, args: &[&str]) -> Output {
        let endpoint = self.proxy.endpoint();
        let mut all = vec!["deploy", "--json", "--endpoint", &endpoint];
        all.extend_from_slice(args);
        env.stp_env(
            &all,
            &[
                ("AWS_ACCESS_KEY_ID", KEY_ID),
                ("AWS_SECRET_ACCESS_KEY", SECRET),
                ("AWS_SESSION_TOKEN", ""),
                ("AWS_REGION", REGION),
                ("AWS_ENDPOINT_URL", "http://127.0.0.1:9/not-this-one"),
            ],
        )
    }

    fn deployed(&self, env: &Env, args: &[&str]) -> serde_json::Value {
        let out = self.deploy(env, args);
        assert!(
            out.status.success(),
            "stp deploy {args:?}:\n{}",
            crate::kit::stderr(&out)
        );
        crate::kit::versioned_json(&crate::kit::stdout(&out))
    }

    fn has(&self, rel: &str) -> bool {
        self.store.get(rel).unwrap().is_some()
    }

    /// Every object under the prefix and its bytes.
    fn objects(&self) -> BTreeMap<String, Vec<u8>> {
        self.store
            .list()
            .unwrap()
            .into_iter()
            .map(|(rel, _)| {
                let bytes = self.store.get(&rel).unwrap().unwrap().bytes;
                (rel, bytes)
            })
            .collect()
    }

    /// The keys of the PUT requests sent since last asked, under the prefix.
    fn puts(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .proxy
            .take()
            .iter()
            .filter_map(|line| line.strip_prefix("PUT /stp-site/www/"))
            .map(|rest| rest.split(['?', ' ']).next().unwrap().to_string())
            .collect();
        keys.sort();
        keys
    }
}

/// Every file of the site's public build and its bytes.
fn build_files(env: &Env) -> BTreeMap<String, Vec<u8>> {
    crate::kit::files(&env.site.join("public"))
}

fn names(value: &serde_json::Value) -> Vec<String> {
    let mut out: Vec<String> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    out.sort();
    out
}

/// The bucket holds exactly the build's files (and the manifest), byte for byte.
fn assert_holds(service: &Service, env: &Env) {
    let mut objects = service.objects();
    assert!(objects.remove(MANIFEST).is_some(), "the manifest is there");
    let files = build_files(env);
    assert_eq!(
        objects.keys().collect::<Vec<_>>(),
        files.keys().collect::<Vec<_>>()
    );
    for (rel, bytes) in &files {
        assert!(objects[rel] == *bytes, "{rel}: the object differs");
    }
}

/// A board whose article `mot` is published and built, and the service.
fn published() -> (Env, Service, String) {
    let env = Env::board();
    let service = Service::start();
    let article = env.draft("mot", "Bài một.");
    env.publish(&article);
    env.ok(&["build"]);
    (env, service, article)
}

#[test]
fn the_public_build_goes_to_the_bucket_and_then_only_what_changed() {
    let (env, service, article) = published();
    let before = build_files(&env);

    let first = service.deployed(&env, &[TARGET]);
    assert_eq!(
        first["uploaded"].as_u64(),
        Some(before.len() as u64),
        "{first}"
    );
    assert_eq!(first["deleted"], 0);
    assert_eq!(first["target"], "s3://stp-site/www/");
    let mut sent = before.keys().cloned().collect::<Vec<_>>();
    sent.push(MANIFEST.into());
    sent.sort();
    assert_eq!(service.puts(), sent, "each file once, and the manifest");
    assert_holds(&service, &env);
    for rel in before.keys() {
        let object = service.store.get(rel).unwrap().unwrap();
        assert_eq!(
            object.content_type.as_deref(),
            Some(content_type(rel)),
            "{rel}"
        );
        assert_eq!(
            object.cache_control.as_deref(),
            Some(cache_control(rel)),
            "{rel}"
        );
    }
    let page = service
        .store
        .get("tin-tuc/mot/index.html")
        .unwrap()
        .unwrap();
    assert_eq!(
        page.content_type.as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(page.cache_control.as_deref(), Some("public, max-age=300"));
    let asset = before.keys().find(|p| p.starts_with("assets/")).unwrap();
    let asset = service.store.get(asset).unwrap().unwrap();
    assert_eq!(
        asset.cache_control.as_deref(),
        Some("public, max-age=31536000, immutable")
    );

    // Nothing changed: nothing is sent.
    let again = service.deployed(&env, &[TARGET]);
    assert_eq!(again["uploaded"], 0, "{again}");
    assert_eq!(again["unchanged"].as_u64(), Some(before.len() as u64));
    assert_eq!(service.puts(), Vec::<String>::new());

    // The article is edited and its revision goes through the signed steps.
    let text = env.read(&article);
    env.write(&article, &text.replace("Bài một.", "Bài một, đã sửa."));
    env.forge(None, "edit the published article", &[]);
    env.publish(&article);
    env.ok(&["build"]);
    let after = build_files(&env);
    let changed: Vec<String> = after
        .iter()
        .filter(|(rel, bytes)| before.get(*rel) != Some(*bytes))
        .map(|(rel, _)| rel.clone())
        .collect();
    let removed: Vec<String> = before
        .keys()
        .filter(|rel| !after.contains_key(*rel))
        .cloned()
        .collect();
    assert!(
        changed.contains(&"tin-tuc/mot/index.html".to_string()),
        "{changed:?}"
    );
    assert!(changed.len() < after.len() / 2, "{changed:?}");

    let dry = service.deployed(&env, &[TARGET, "--dry-run"]);
    assert_eq!(names(&dry["files"]["uploaded"]), changed);
    assert_eq!(
        service.puts(),
        Vec::<String>::new(),
        "a dry run sends nothing"
    );
    let second = service.deployed(&env, &[TARGET]);
    assert_eq!(names(&second["files"]["uploaded"]), changed, "{second}");
    assert_eq!(names(&second["files"]["deleted"]), removed);
    assert_eq!(
        second["unchanged"].as_u64(),
        Some((after.len() - changed.len()) as u64)
    );
    let mut sent = changed.clone();
    sent.push(MANIFEST.into());
    sent.sort();
    assert_eq!(
        service.puts(),
        sent,
        "exactly the changed files, and the manifest"
    );
    assert_holds(&service, &env);
}

#[test]
fn a_rewound_history_is_refused_by_the_record_in_the_bucket() {
    let (env, service, article) = published();
    let old_public = env.home.join("old-public");
    let copied = std::process::Command::new("cp")
        .args(["-a"])
        .arg(env.site.join("public"))
        .arg(&old_public)
        .status()
        .unwrap();
    assert!(copied.success());
    env.withdraw(&article, "Sai thông tin");
    env.ok(&["build"]);
    service.deployed(&env, &[TARGET]);
    service.puts();
    let record = service.store.get(RECORD).unwrap().unwrap().bytes;
    assert!(!service.has("tin-tuc/mot/index.html"));

    // The old build (from before the withdraw) would put the page back.
    let out = service.deploy(&env, &[TARGET, "--from", old_public.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = crate::kit::stderr(&out);
    assert!(err.contains("would roll the site back"), "{err}");
    assert!(err.contains("s3://stp-site/www/"), "{err}");
    assert_eq!(service.store.get(RECORD).unwrap().unwrap().bytes, record);
    assert!(!service.has("tin-tuc/mot/index.html"));
    assert_eq!(service.puts(), Vec::<String>::new(), "nothing sent");
}

#[test]
fn object_storage_without_credentials_is_refused_before_anything_is_asked() {
    let env = Env::board();
    env.ok(&["build"]);
    let out = env.stp_env(
        &["deploy", TARGET],
        &[("AWS_ACCESS_KEY_ID", ""), ("AWS_SECRET_ACCESS_KEY", "")],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = crate::kit::stderr(&out);
    assert!(
        err.contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"),
        "{err}"
    );
    for bad in ["s3://", "s3:///site", "s3://b/../x"] {
        let err = env.refused(&["deploy", bad]);
        assert!(err.contains("is not a deploy target"), "{bad}: {err}");
    }
}

#[test]
fn a_service_failing_part_way_leaves_the_old_site_whole_and_the_next_run_finishes() {
    let (env, service, first) = published();
    service.deployed(&env, &[TARGET]);
    let old = service.objects();

    // A new article, and the first one withdrawn: pages to send, one to delete.
    let second = env.draft("hai", "Bài hai.");
    env.publish(&second);
    env.withdraw(&first, "Hết hiệu lực");
    env.ok(&["build"]);
    let plan = service.deployed(&env, &[TARGET, "--dry-run"]);
    let planned = names(&plan["files"]["uploaded"]);
    assert!(planned.len() > 4, "{planned:?}");
    service.puts();

    service.proxy.fail_after_puts(2);
    let out = service.deploy(&env, &[TARGET]);
    assert_eq!(out.status.code(), Some(2), "{}", crate::kit::stdout(&out));
    let err = crate::kit::stderr(&out);
    assert!(err.contains("were not sent"), "{err}");
    assert!(
        err.contains(RECORD),
        "the build record is named as not sent: {err}"
    );
    assert!(
        err.contains("500 InternalError"),
        "the service's answer: {err}"
    );
    service.proxy.heal();
    let now = service.objects();
    assert_eq!(
        now[RECORD], old[RECORD],
        "the deployed record is the old one"
    );
    assert_eq!(now[MANIFEST], old[MANIFEST], "the manifest is the old one");
    for rel in old.keys() {
        assert!(now.contains_key(rel), "{rel} was deleted");
    }
    assert!(now.contains_key("tin-tuc/mot/index.html"));
    let sent_then: Vec<String> = service
        .puts()
        .into_iter()
        .filter(|k| now.get(k) != old.get(k))
        .collect();
    assert!(!sent_then.is_empty() && sent_then.len() < planned.len());
    let not_sent = planned.len() - sent_then.len();
    assert!(
        err.contains(&format!("{not_sent} files were not sent")),
        "{err}"
    );

    // The next run finishes the job.
    let done = service.deployed(&env, &[TARGET]);
    assert!(names(&done["files"]["deleted"]).contains(&"tin-tuc/mot/index.html".to_string()));
    assert_holds(&service, &env);
}
