//! The layers of docs/architecture.md, checked against `cargo metadata`: each crate of the
//! workspace depends only on the stp crates the drawing allows, only `stp-ledger` reaches
//! git (`git2`), and every declared dependency is used in the crate's own code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The drawing: each crate and the stp crates it may depend on (docs/architecture.md).
const LAYERS: &[(&str, &[&str])] = &[
    ("stp-workflow", &[]),
    ("stp-content", &["stp-workflow"]),
    ("stp-intake", &["stp-workflow", "stp-content"]),
    ("stp-ledger", &["stp-workflow", "stp-content"]),
    ("stp-site", &["stp-workflow", "stp-content"]),
    ("stp-render", &["stp-workflow", "stp-content", "stp-site"]),
    ("stp-serve", &["stp-content", "stp-site", "stp-render"]),
    ("stp-deploy", &["stp-render"]),
    (
        "stp-report",
        &[
            "stp-workflow",
            "stp-content",
            "stp-ledger",
            "stp-site",
            "stp-render",
        ],
    ),
    ("stp-notify", &["stp-workflow", "stp-report"]),
    (
        "stp",
        &[
            "stp-workflow",
            "stp-content",
            "stp-intake",
            "stp-ledger",
            "stp-site",
            "stp-render",
            "stp-serve",
            "stp-report",
            "stp-deploy",
            "stp-notify",
        ],
    ),
];

/// Outside crates only these stp crates may use.
const ONLY: &[(&str, &[&str])] = &[
    ("git2", &["stp-ledger"]),
    ("clap", &["stp"]),
    ("tiny_http", &["stp-serve"]),
    ("notify", &["stp-serve"]),
    ("minijinja", &["stp-render"]),
    ("pulldown-cmark", &["stp-render"]),
    ("lettre", &["stp-notify"]),
];

struct Package {
    name: String,
    dir: PathBuf,
    /// (dependency's package name, its name in code, kind: "normal", "dev" or "build")
    deps: Vec<(String, String, String)>,
}

fn workspace() -> Vec<Package> {
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| Package {
            name: p["name"].as_str().unwrap().to_string(),
            dir: Path::new(p["manifest_path"].as_str().unwrap())
                .parent()
                .unwrap()
                .to_path_buf(),
            deps: p["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    let name = d["name"].as_str().unwrap().to_string();
                    let code = d["rename"]
                        .as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| name.replace('-', "_"));
                    let kind = d["kind"].as_str().unwrap_or("normal").to_string();
                    (name, code, kind)
                })
                .collect(),
        })
        .filter(|p| p.name.starts_with("stp"))
        .collect()
}

fn is_stp(name: &str) -> bool {
    name == "stp" || name.starts_with("stp-")
}

#[test]
fn every_crate_is_drawn_and_depends_only_on_the_layers_it_may() {
    let drawing: BTreeMap<&str, BTreeSet<&str>> = LAYERS
        .iter()
        .map(|(c, allowed)| (*c, allowed.iter().copied().collect()))
        .collect();
    let packages = workspace();
    let names: BTreeSet<&str> = packages.iter().map(|p| p.name.as_str()).collect();
    let drawn: BTreeSet<&str> = drawing.keys().copied().collect();
    assert_eq!(
        names, drawn,
        "the crates of the workspace and of the drawing differ"
    );
    let mut wrong = Vec::new();
    for p in &packages {
        for (dep, _, kind) in &p.deps {
            if is_stp(dep) && kind == "normal" && !drawing[p.name.as_str()].contains(dep.as_str()) {
                wrong.push(format!("{} → {dep}", p.name));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "dependencies the drawing forbids: {wrong:?}"
    );
}

#[test]
fn only_the_crates_named_use_git_the_server_the_templates_and_the_command_line() {
    let mut wrong = Vec::new();
    for p in workspace() {
        for (dep, _, _) in &p.deps {
            if let Some((_, allowed)) = ONLY.iter().find(|(d, _)| d == dep)
                && !allowed.contains(&p.name.as_str())
            {
                wrong.push(format!("{} uses {dep}", p.name));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:?}");
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> String {
    let mut text = String::new();
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_some_and(|e| e == "rs") {
            text.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    text
}

#[test]
fn every_declared_dependency_is_used() {
    let mut unused = Vec::new();
    for p in workspace() {
        let lib = sources(&p.dir.join("src"));
        let mut everything = lib.clone();
        for extra in ["tests", "examples", "benches"] {
            if p.dir.join(extra).is_dir() {
                everything.push_str(&sources(&p.dir.join(extra)));
            }
        }
        for (dep, code, kind) in &p.deps {
            let text = if kind == "normal" { &lib } else { &everything };
            let used = [
                format!("{code}::"),
                format!("use {code}"),
                format!("{code}!"),
            ]
            .iter()
            .any(|needle| text.contains(needle.as_str()));
            if !used {
                unused.push(format!("{} ({kind}) → {dep}", p.name));
            }
        }
    }
    assert!(unused.is_empty(), "declared but never used: {unused:?}");
}

#[test]
fn the_drawing_in_the_docs_names_every_crate() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/architecture.md"))
            .expect("docs/architecture.md");
    for (krate, allowed) in LAYERS {
        assert!(
            doc.contains(&format!("`{krate}`")),
            "docs/architecture.md does not name {krate}"
        );
        let line = doc
            .lines()
            .find(|l| l.starts_with(&format!("| `{krate}` ")))
            .unwrap_or_else(|| panic!("docs/architecture.md has no table row for {krate}"));
        for a in *allowed {
            assert!(
                line.contains(&format!("`{a}`")),
                "the row of {krate} does not name {a}: {line}"
            );
        }
    }
}

/// Lines of the layers' own code (not their tests) that read the environment or the clock.
fn machine_reads(dir: &Path) -> Vec<String> {
    const READS: [&str; 5] = [
        "env::var(",
        "env::var_os(",
        "env::vars(",
        "Utc::now()",
        "Local::now()",
    ];
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let is_test = name == "tests.rs" || name.ends_with("_tests.rs");
        if path.extension().is_none_or(|e| e != "rs") || is_test {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        // Inline test modules come last in a file; what follows `#[cfg(test)]` is tests.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            if READS.iter().any(|r| line.contains(r)) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn only_the_command_line_reads_the_environment_and_the_clock() {
    // The layers' defaults for tests and tools read the clock, and say so.
    let allowed = [
        "stp-ledger/src/surroundings.rs",
        "stp-render/src/options.rs",
    ];
    let mut wrong = Vec::new();
    for p in workspace().iter().filter(|p| p.name != "stp") {
        wrong.extend(
            machine_reads(&p.dir.join("src"))
                .into_iter()
                .filter(|line| !allowed.iter().any(|a| line.contains(a))),
        );
    }
    assert!(wrong.is_empty(), "below the command line: {wrong:#?}");
    // The check finds what it looks for: the command line itself reads them.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        machine_reads(&root.join("src/cli"))
            .iter()
            .any(|l| l.contains("surroundings.rs") && l.contains("env::var_os(")),
        "the command line's own reads are found"
    );
}
