//! A large site's articles are held compressed while it is built (`STP_PACK_BODIES`
//! forces it either way; by default past 256 MiB of articles): the output must be the
//! same byte for byte, for the bundled example site's preview (every section kind,
//! legal documents, tables, footnotes, English pages) and for a public build from signed
//! history.

use std::path::Path;

use crate::kit::repo::Env;
use crate::kit::site::tree;
use crate::kit::stp_at;

fn preview(out: &Path, pack: &str) -> Vec<(String, Vec<u8>)> {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/site");
    let o = stp_at(
        &example,
        &["build", "--preview", "--out", out.to_str().unwrap()],
    )
    .env("SOURCE_DATE_EPOCH", "1795000000")
    .env("STP_PACK_BODIES", pack)
    .output()
    .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    tree(out)
}

#[test]
fn bodies_held_compressed_build_the_same_preview() {
    let dir = tempfile::tempdir().unwrap();
    let plain = preview(&dir.path().join("plain"), "0");
    let packed = preview(&dir.path().join("packed"), "1");
    assert!(
        plain.len() > 100,
        "the example site has {} files",
        plain.len()
    );
    assert_eq!(
        plain.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        packed.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    for ((path, a), (_, b)) in plain.iter().zip(&packed) {
        assert!(a == b, "{path} differs when the bodies are held compressed");
    }
}

#[test]
fn bodies_held_compressed_build_the_same_public_site() {
    let env = Env::board();
    let body = "Sở Tư pháp hướng dẫn thủ tục **chứng thực** bản sao.[^1]\n\n[^1]: Nghị định 23/2015/NĐ-CP.\n"
        .repeat(20);
    for slug in ["mot", "hai"] {
        let article = env.draft(slug, &body);
        env.publish(&article);
    }
    let build = |name: &str, pack: &str| {
        let out = env.site.join(name);
        let o = env.stp_env(
            &["build", "--out", out.to_str().unwrap()],
            &[("STP_PACK_BODIES", pack)],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        tree(&out)
    };
    let plain = build("plain", "0");
    let packed = build("packed", "1");
    let page = plain
        .iter()
        .find(|(p, _)| p.ends_with("/mot/index.html"))
        .expect("the published article has its page");
    assert!(String::from_utf8_lossy(&page.1).contains("<strong>chứng thực</strong>"));
    assert!(
        plain == packed,
        "the public site differs when the bodies are held compressed"
    );
}
