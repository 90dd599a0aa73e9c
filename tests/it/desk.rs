//! `stp desk`: the board's web desk, driven over real HTTP against the real binary with
//! real ssh-keygen keys. Each button makes the signed commit the command line makes
//! (`git verify-commit` and `stp audit` accept it); a return and a refusal carry their
//! reason and ground; the guard refuses another Host, a cross-site POST, a request without
//! the session or the form token, and GET never changes anything; a key nobody trusts
//! opens no desk; and what an article says is escaped.

use crate::kit::desk::Desk;
use crate::kit::repo::Env;

fn article_page(path: &str) -> String {
    format!("/bai?p={path}")
}

fn click(desk: &Desk, article: &str, action: &str, extra: &[(&str, &str)]) -> String {
    let token = desk.token(&article_page(article));
    let mut form = vec![
        ("token", token.as_str()),
        ("bai", article),
        ("buoc", action),
    ];
    form.extend_from_slice(extra);
    let answer = desk.post("/buoc", &form);
    assert_eq!(answer.status, 200, "{action}: {}", answer.body);
    answer.body
}

#[test]
fn an_article_goes_from_review_to_the_public_site_by_buttons_as_four_people() {
    let env = Env::board();
    let article = env.draft("qua-ban", "Bài đi qua bàn làm việc.");
    env.step("contributor", "submit", &article);
    for (who, action, done) in [
        ("editor", "review", "Đã biên tập"),
        ("verifier", "verify", "Đã kiểm tra"),
        ("approver", "approve", "Đã phê duyệt"),
        ("secretary", "publish", "Đã đăng"),
    ] {
        let desk = Desk::start(&env, who);
        let queue = desk.get("/").body;
        assert!(
            queue.contains("Tin qua-ban"),
            "{who}'s queue lists it: {queue}"
        );
        let page = desk.get(&article_page(&article)).body;
        assert!(
            page.contains(&format!("name=\"buoc\" value=\"{action}\"")),
            "{who} gets the {action} button: {page}"
        );
        let body = click(&desk, &article, action, &[]);
        assert!(body.contains(done), "{body}");
        env.verify_head_with_git();
        let log = env.log(&article);
        assert!(log.contains(who), "the trail names {who}: {log}");
    }
    let (clean, report) = env.audit();
    assert!(clean, "{report}");
    assert!(env.on_site("qua-ban"), "published by the desk's button");
}

#[test]
fn a_return_and_a_refusal_carry_their_reason_and_ground() {
    let env = Env::board();
    let returned = env.draft("tra-lai", "Thiếu số liệu.");
    let refused = env.draft("tu-choi", "Trùng bài cũ.");
    env.step("contributor", "submit", &returned);
    env.step("contributor", "submit", &refused);
    let desk = Desk::start(&env, "editor");
    let page = desk.get(&article_page(&refused)).body;
    for ground in [
        "value=\"a\"",
        "value=\"b\"",
        "value=\"c\"",
        "value=\"d\"",
        "value=\"đ\"",
    ] {
        assert!(page.contains(ground), "the refusal offers ground {ground}");
    }
    click(
        &desk,
        &returned,
        "return",
        &[("ly_do", "Đề nghị bổ sung số liệu.")],
    );
    click(
        &desk,
        &refused,
        "reject",
        &[("can_cu", "d"), ("ly_do", "Trùng nội dung bài đã đăng.")],
    );
    let log = env.log(&returned);
    assert!(log.contains("Đề nghị bổ sung số liệu."), "{log}");
    let log = env.log(&refused);
    assert!(log.contains("Trùng nội dung bài đã đăng."), "{log}");
    let trail = desk.get(&article_page(&refused)).body;
    assert!(trail.contains("căn cứ điểm d"), "{trail}");
    env.verify_head_with_git();

    // A return without a reason is refused by the ledger, and nothing is signed.
    let head = env.git(&["rev-parse", "HEAD"]);
    let other = env.draft("khong-ly-do", "x");
    env.step("contributor", "submit", &other);
    let head_before = env.git(&["rev-parse", "HEAD"]);
    assert_ne!(head, head_before);
    let token = desk.token(&article_page(&other));
    let answer = desk.post(
        "/buoc",
        &[("token", &token), ("bai", &other), ("buoc", "return")],
    );
    assert_eq!(answer.status, 409, "{}", answer.body);
    assert!(
        answer.body.contains("Không có gì thay đổi"),
        "{}",
        answer.body
    );
    // Why, in the desk's language: the ledger says it in English only.
    assert!(
        answer
            .body
            .contains("khong-ly-do.md: bước `return` cần lý do"),
        "{}",
        answer.body
    );
    assert!(!answer.body.contains("needs a reason"), "{}", answer.body);
    assert_eq!(env.git(&["rev-parse", "HEAD"]), head_before);
}

#[test]
fn the_guard_refuses_other_hosts_cross_site_posts_missing_tokens_and_gets_that_change() {
    let env = Env::board();
    let article = env.draft("bao-ve", "x");
    env.step("contributor", "submit", &article);
    let desk = Desk::start(&env, "editor");
    let head = env.git(&["rev-parse", "HEAD"]);
    let token = desk.token(&article_page(&article));
    let form =
        crate::kit::desk::encode(&[("token", &token), ("bai", &article), ("buoc", "review")]);
    let own = desk.own_host();
    let origin = format!("http://{own}");

    // DNS rebinding: a page of evil.example resolving to 127.0.0.1.
    let rebound = desk.request(
        "GET",
        "/",
        &format!("evil.example:{}", desk.port),
        None,
        true,
        "",
    );
    assert_eq!(rebound.status, 421, "{}", rebound.body);
    let rebound_post = desk.request(
        "POST",
        "/buoc",
        &format!("evil.example:{}", desk.port),
        Some(&origin),
        true,
        &form,
    );
    assert_eq!(rebound_post.status, 421);
    // A form on another site posting to the desk (the browser sends the cookie? it does
    // not with SameSite=Strict, but the Origin alone refuses it).
    let cross = desk.request(
        "POST",
        "/buoc",
        &own,
        Some("http://evil.example"),
        true,
        &form,
    );
    assert_eq!(cross.status, 403, "{}", cross.body);
    assert!(cross.body.contains("Không có gì thay đổi"));
    let no_origin = desk.request("POST", "/buoc", &own, None, true, &form);
    assert_eq!(no_origin.status, 403);
    // Without the form token, or with another one.
    let tokenless = crate::kit::desk::encode(&[("bai", &article), ("buoc", "review")]);
    let answer = desk.request("POST", "/buoc", &own, Some(&origin), true, &tokenless);
    assert_eq!(answer.status, 403, "{}", answer.body);
    let wrong = form.replace(&token, &"0".repeat(64));
    let answer = desk.request("POST", "/buoc", &own, Some(&origin), true, &wrong);
    assert_eq!(answer.status, 403);
    // Without the session cookie: nothing at all, not even the queue.
    let stranger = desk.request("GET", "/", &own, None, false, "");
    assert_eq!(stranger.status, 403);
    assert!(!stranger.body.contains("Tin bao-ve"));
    let stranger_post = desk.request("POST", "/buoc", &own, Some(&origin), false, &form);
    assert_eq!(stranger_post.status, 403);
    // A wrong session secret in the address sets no cookie.
    let guess = desk.request(
        "GET",
        &format!("/?khoa={}", "0".repeat(64)),
        &own,
        None,
        false,
        "",
    );
    assert_eq!(guess.status, 403);
    assert!(!guess.head.to_lowercase().contains("set-cookie"));
    // GET never changes anything, whatever it names.
    let get_step = desk.get(&format!("/buoc?{form}"));
    assert_eq!(get_step.status, 405);
    assert_eq!(env.git(&["rev-parse", "HEAD"]), head, "nothing was signed");

    // The address the desk printed opens the session; every answer is locked down.
    let opened = desk.request(
        "GET",
        &format!("/?khoa={}", desk.session),
        &own,
        None,
        false,
        "",
    );
    assert_eq!(opened.status, 303);
    let head_lower = opened.head.to_lowercase();
    assert!(
        head_lower.contains("set-cookie: stp_ban="),
        "{}",
        opened.head
    );
    assert!(head_lower.contains("httponly") && head_lower.contains("samesite=strict"));
    let page = desk.get("/");
    let lower = page.head.to_lowercase();
    assert!(
        lower.contains("content-security-policy: default-src 'none'"),
        "{}",
        page.head
    );
    assert!(lower.contains("x-frame-options: deny"));
    // And the real request goes through.
    let answer = desk.request("POST", "/buoc", &own, Some(&origin), true, &form);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_ne!(env.git(&["rev-parse", "HEAD"]), head);
}

#[test]
fn a_key_nobody_trusts_opens_no_desk() {
    let env = Env::board();
    env.keygen("stranger");
    let out = env.stp(&[
        "desk",
        "--no-open",
        "--key",
        env.key("stranger").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("stp setup"), "{err}");
}

#[test]
fn what_an_article_says_is_escaped_and_paths_stay_inside_content() {
    let env = Env::board();
    let path = "content/tin-tuc/doc-hai.md";
    env.write(
        path,
        "---\ntitle: \"<script>alert(1)</script> tiêu đề\"\ndate: 2026-11-20\nstatus: draft\n---\n\n<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n",
    );
    env.git(&["add", "-A"]);
    env.git(&["commit", "-q", "-m", "draft"]);
    env.step("contributor", "submit", path);
    let desk = Desk::start(&env, "editor");
    for page in [desk.get("/").body, desk.get(&article_page(path)).body] {
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("onerror"), "{page}");
    }
    assert!(
        desk.get(&article_page(path))
            .body
            .contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; tiêu đề")
    );
    for outside in [
        "content/../site.toml",
        "/etc/passwd",
        "workflow/people.toml",
    ] {
        let answer = desk.get(&article_page(outside));
        assert_eq!(answer.status, 404, "{outside}");
        assert!(!answer.body.contains("[agency]"));
    }
}

#[test]
fn the_secretary_takes_in_a_dropped_word_document_with_the_senders_details() {
    let env = Env::board();
    let dir = tempfile::tempdir().unwrap();
    let docx = crate::kit::intake::convert(
        dir.path(),
        "hoi-nghi",
        &crate::kit::intake::fodt(
            "<text:h text:outline-level=\"1\">Hội nghị triển khai Luật Hòa giải ở cơ sở</text:h>\n<text:p>Sáng 02/12/2026, Sở Tư pháp tổ chức hội nghị triển khai Luật.</text:p>",
        ),
        "docx",
    );
    let bytes = std::fs::read(&docx).unwrap();
    let desk = Desk::start(&env, "secretary");
    let token = desk.token("/nhan");
    let before = crate::kit::files(&env.site.join("content"));

    // A document without its sender's details is refused (Điều 9.1.b); nothing is written.
    let answer = desk.post_files(
        "/nhan",
        &[("token", &token), ("chuyen_muc", "tin-tuc")],
        &[("hoi-nghi.docx", &bytes)],
    );
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert!(answer.body.contains("không nhận"), "{}", answer.body);
    assert_eq!(crate::kit::files(&env.site.join("content")), before);
    // A name holding a folder is refused before anything is read.
    let answer = desk.post_files(
        "/nhan",
        &[("token", &token), ("nguoi_gui", "Nguyễn Văn Bình")],
        &[("../hoi-nghi.docx", &bytes)],
    );
    assert_eq!(answer.status, 409, "{}", answer.body);
    assert_eq!(crate::kit::files(&env.site.join("content")), before);
    // Without the form token nothing is taken in.
    let answer = desk.post_files("/nhan", &[("nguoi_gui", "x")], &[("a.docx", &bytes)]);
    assert_eq!(answer.status, 403);

    let head = env.git(&["rev-parse", "HEAD"]);
    let answer = desk.post_files(
        "/nhan",
        &[
            ("token", &token),
            ("chuyen_muc", "tin-tuc"),
            ("nguoi_gui", "Nguyễn Văn Bình"),
            ("don_vi", "UBND xã Phú Hòa"),
            ("dien_thoai", "0251 3822 111"),
            ("thu", "binh@phuhoa.gov.vn"),
        ],
        &[("hoi-nghi.docx", &bytes)],
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(answer.body.contains("đã ký gửi bài"), "{}", answer.body);
    assert_ne!(env.git(&["rev-parse", "HEAD"]), head);
    env.verify_head_with_git();
    let status = env.ok(&["status", "--json"]);
    assert!(status.contains("\"submitted\""), "{status}");
    let written: Vec<String> = crate::kit::files(&env.site.join("content/tin-tuc"))
        .into_keys()
        .filter(|k| k.ends_with("index.md"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let text = std::fs::read_to_string(env.site.join("content/tin-tuc").join(&written[0])).unwrap();
    assert!(
        text.contains("Nguyễn Văn Bình") && text.contains("UBND xã Phú Hòa"),
        "{text}"
    );
    assert!(text.contains("sender_stated: true"), "{text}");
}

#[test]
fn the_desk_speaks_vietnamese_by_default_and_english_on_request() {
    let env = Env::board();
    let article = env.draft("ngon-ngu", "x");
    env.step("contributor", "submit", &article);
    let vi = Desk::start(&env, "editor");
    let page = vi.get(&article_page(&article)).body;
    assert!(page.contains("<html lang=\"vi\">"), "{page}");
    for word in [
        "Việc của tôi",
        "Biên tập xong",
        "Trả lại",
        "Lý do trả lại",
        "Căn cứ từ chối",
    ] {
        assert!(page.contains(word), "vi: {word}");
    }
    drop(vi);
    let en = Desk::start_in(&env, "editor", "en");
    let page = en.get(&article_page(&article)).body;
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    for word in [
        "My work",
        "Editing done",
        "Return",
        "Reason to return",
        "Ground for refusal",
    ] {
        assert!(page.contains(word), "en: {word}: {page}");
    }
    assert!(!page.contains("Biên tập xong"));
    let queue = en.get("/").body;
    assert!(queue.contains("Waiting for me to edit"), "{queue}");
    let refused = en.request("GET", "/", "evil.example", None, true, "");
    assert!(refused.body.contains("Wrong address"), "{}", refused.body);
}

/// The part of an article page between `<section aria-labelledby="{id}">` and its end.
fn section(page: &str, id: &str) -> String {
    let start = page
        .find(&format!("<section aria-labelledby=\"{id}\">"))
        .unwrap_or_else(|| panic!("no section {id}: {page}"));
    let end = start + page[start..].find("</section>").unwrap() + "</section>".len();
    page[start..end].to_string()
}

#[test]
fn the_buttons_an_editor_gets_on_a_submitted_article_in_both_languages() {
    let env = Env::board();
    let article = env.draft("anh-chup", "Nội dung.");
    env.step("contributor", "submit", &article);
    for lang in ["vi", "en"] {
        let desk = Desk::start_in(&env, "editor", lang);
        let token = desk.token(&article_page(&article));
        let page = desk.get(&article_page(&article)).body;
        let steps = crate::kit::redact(&section(&page, "viec"), &[(&token, "<token>")]);
        insta::assert_snapshot!(format!("desk_editor_steps_{lang}"), steps);
    }
}

#[test]
fn a_linked_or_oversized_article_file_is_refused_not_shown() {
    let env = Env::board();
    let secret = env.home.join("bi-mat.md");
    std::fs::write(&secret, "---\ntitle: \"Bí mật\"\n---\n\nMẬT KHẨU MÁY CHỦ\n").unwrap();
    std::fs::create_dir_all(env.site.join("content/tin-tuc")).unwrap();
    std::os::unix::fs::symlink(&secret, env.site.join("content/tin-tuc/lien-ket.md")).unwrap();
    let big = "content/tin-tuc/qua-lon.md";
    env.write(
        big,
        &format!(
            "---\ntitle: \"Lớn\"\n---\n\n{}\n",
            "a".repeat(51 * 1024 * 1024)
        ),
    );
    let desk = Desk::start(&env, "editor");
    let linked = desk.get(&article_page("content/tin-tuc/lien-ket.md"));
    assert_eq!(linked.status, 422, "{}", linked.body);
    assert!(linked.body.contains("symbolic link"), "{}", linked.body);
    assert!(!linked.body.contains("MẬT KHẨU"));
    let large = desk.get(&article_page(big));
    assert_eq!(large.status, 422, "{}", large.body);
    assert!(!large.body.contains("aaaaaaaaaa"));
}
