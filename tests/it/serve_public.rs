//! `stp serve --public`: the public site as signed history makes it, served on 127.0.0.1
//! for a person to look at without a web server. A published article is there without the
//! preview banner or the reload script; an approved-but-unpublished one and a draft are
//! not; a hand-edited `status: published` publishes nothing here either.

use std::io::{BufRead, BufReader};

use crate::kit;
use crate::kit::repo::Env;

#[test]
fn serves_the_signed_public_site_and_nothing_else() {
    let env = Env::board();
    let posted = env.draft("da-dang", "Bài đã đăng.");
    env.publish(&posted);
    let approved = env.draft("da-duyet", "Bài đã phê duyệt, chưa đăng.");
    env.approve(&approved);
    let forged = env.draft("tu-sua", "Sửa tay trạng thái.");
    env.set_status(&forged, "published");

    let mut child = env
        .stp_command(&["serve", "--public", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let serving = kit::wait_for_line(&mut lines, "serving");
    let port = kit::port_in(&serving);

    let page = kit::http_get(port, "/tin-tuc/da-dang/");
    assert_eq!(status(&page), 200, "{page}");
    assert!(page.contains("Bài đã đăng."), "{page}");
    assert!(
        !page.contains("preview-banner"),
        "the public site has no banner"
    );
    assert!(
        !page.contains("/__stp/version"),
        "nor the preview's reload script"
    );
    for slug in ["da-duyet", "tu-sua"] {
        let page = kit::http_get(port, &format!("/tin-tuc/{slug}/"));
        assert_eq!(status(&page), 404, "{slug}: {page}");
    }
    let home = kit::http_get(port, "/");
    assert!(home.contains("Tin da-dang") && !home.contains("Tin da-duyet"));
    assert!(
        env.site.join("public/tin-tuc/da-dang/index.html").is_file(),
        "built where stp build puts it"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

/// The status code of an HTTP response.
fn status(response: &str) -> u16 {
    response
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}
