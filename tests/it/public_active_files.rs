//! The public build (from the signed live set, not the working tree) refuses a published
//! bundle that carries a file a browser runs script from, as the preview does.

use crate::kit::repo::Env;

#[test]
fn public_build_refuses_a_published_bundle_with_an_svg() {
    let env = Env::board();
    let article = "content/tin-tuc/goi/index.md";
    env.write(
        article,
        "---\ntitle: \"Gói\"\ndate: 2026-11-20\nstatus: draft\n---\n\nNội dung.\n",
    );
    env.write(
        "content/tin-tuc/goi/hinh.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
    );
    env.git(&["add", "-A"]);
    env.git(&["commit", "-q", "-m", "draft goi"]);
    for (who, step) in [
        ("contributor", "submit"),
        ("editor", "review"),
        ("verifier", "verify"),
        ("approver", "approve"),
    ] {
        env.step(who, step, article);
    }
    // `stp publish` signs the step, then builds the public site: that build refuses.
    let key = env.key("secretary");
    let err = env.refused(&["publish", "--key", key.to_str().unwrap()]);
    assert!(
        err.contains("content/tin-tuc/goi/hinh.svg: a .svg file"),
        "{err}"
    );
    let err = env.refused(&["build"]);
    assert!(
        err.contains("content/tin-tuc/goi/hinh.svg: a .svg file"),
        "{err}"
    );
    assert!(!env.site.join("public/tin-tuc/goi/hinh.svg").exists());
}
