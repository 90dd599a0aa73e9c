//! `stp notify` against a real SMTP server (aiosmtpd, `kit::smtp`): a board whose articles
//! wait in every queue for different people, a signed `[notify]` table, and checks that
//! each person gets exactly one message listing exactly their articles with the step and
//! due date, that a hand-off is told once (`--again` tells it again), that `--dry-run`
//! sends nothing, that an unconfigured site sends nothing, that a person without an
//! address is reported, and that a refused recipient or an unreachable server is named.

use std::collections::BTreeMap;

use crate::kit::repo::{Env, vietnam_today};
use crate::kit::smtp::SmtpServer;
use crate::kit::{stderr, stdout};

/// The moment the board counts from: after the late article's due date, before the others'.
const NOW: &str = "2026-11-20T09:00";

/// Writes a news article dated `date` and commits it as a draft.
fn news(env: &Env, slug: &str, date: &str) -> String {
    let path = format!("content/tin-tuc/{slug}.md");
    env.write(
        &path,
        &format!(
            "---\ntitle: \"Tin {slug}\"\ndate: {date}\nstatus: draft\n---\n\nNội dung {slug}.\n"
        ),
    );
    env.git(&["add", "-A"]);
    env.git(&["commit", "-q", "-m", &format!("draft {slug}")]);
    path
}

/// Paths of the board's articles, by the person they wait for.
struct Queues {
    env: Env,
    by_person: BTreeMap<&'static str, String>,
}

/// A board with an address for everyone but the contributor, the `[notify]` table signed
/// by the admin when `port` is given, and one article waiting in each queue.
fn board(port: Option<u16>) -> Queues {
    board_with(port, "none")
}

fn board_with(port: Option<u16>, security: &str) -> Queues {
    let env = Env::board();
    let admin = env.key("admin").display().to_string();
    for id in ["editor", "verifier", "approver", "secretary"] {
        let key = env.key_pub(id).display().to_string();
        env.ok(&[
            "people",
            "add",
            id,
            "--name",
            &format!("Người {id}"),
            "--key",
            &key,
            "--role",
            id,
            "--email",
            &format!("{id}@example.vn"),
            "--signing-key",
            &admin,
        ]);
    }
    if let Some(port) = port {
        let settings = format!(
            "{}\n[notify]\nsmtp_host = \"127.0.0.1\"\nsmtp_port = {port}\nsecurity = \"{security}\"\n\
             from = \"Ban Biên tập <bbt@example.vn>\"\n",
            env.read("workflow/workflow.toml")
        );
        env.write("workflow/workflow.toml", &settings);
        env.forge(
            Some("admin"),
            &format!(
                "Cấu hình thư báo chuyển bước\n\nStp-Date: {}\nStp-Trust: workflow.toml\n",
                vietnam_today()
            ),
            &[],
        );
    }
    let steps: [(&str, &str, &[&str]); 5] = [
        ("editor", "2026-11-20", &[]),
        ("verifier", "2026-11-20", &["review"]),
        ("approver", "2026-11-20", &["review", "verify"]),
        ("secretary", "2026-11-10", &["review", "verify", "approve"]),
        ("contributor", "2026-11-20", &["return"]),
    ];
    let mut by_person = BTreeMap::new();
    for (person, date, actions) in steps {
        let path = news(&env, &format!("cho-{person}"), date);
        env.step("contributor", "submit", &path);
        for action in actions {
            let who = match *action {
                "review" | "return" => "editor",
                "verify" => "verifier",
                _ => "approver",
            };
            if *action == "return" {
                let key = env.key(who).display().to_string();
                env.ok(&[
                    "return",
                    &path,
                    "--reason",
                    "Cần bổ sung nguồn tin",
                    "--key",
                    &key,
                ]);
            } else {
                env.step(who, action, &path);
            }
        }
        by_person.insert(person, path);
    }
    Queues { env, by_person }
}

impl Queues {
    fn notify(&self, args: &[&str]) -> std::process::Output {
        let mut all = vec!["notify"];
        all.extend(args);
        self.env.stp_env(&all, &[("STP_NOW", NOW)])
    }

    /// `stp status --json`'s due date of each article, as the board computes it.
    fn due(&self) -> BTreeMap<String, (String, bool)> {
        let out = self.env.stp_env(&["status", "--json"], &[("STP_NOW", NOW)]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["article"].as_str().unwrap().to_string(),
                    (
                        a["due"].as_str().unwrap().to_string(),
                        a["overdue"].as_bool().unwrap(),
                    ),
                )
            })
            .collect()
    }
}

/// One received message: to whom, its decoded subject and body (LF line ends).
struct Received {
    to: String,
    subject: String,
    body: String,
}

fn received(server: &SmtpServer) -> BTreeMap<String, Received> {
    let mut out = BTreeMap::new();
    for raw in server.messages() {
        let m = mail_parser::MessageParser::default()
            .parse(&raw)
            .expect("a mail message");
        let to = m
            .to()
            .unwrap()
            .first()
            .unwrap()
            .address()
            .unwrap()
            .to_string();
        let r = Received {
            to: to.clone(),
            subject: m.subject().unwrap().to_string(),
            body: m.body_text(0).unwrap().replace("\r\n", "\n"),
        };
        assert!(
            out.insert(to.clone(), r).is_none(),
            "two messages to {to} in one run"
        );
    }
    out
}

/// `2026-11-20T12:00` → `12:00 ngày 20/11/2026`; `2026-11-20` → `20/11/2026`.
fn vietnamese_due(due: &str) -> String {
    let (date, time) = due.split_once('T').unwrap_or((due, ""));
    let d: Vec<&str> = date.split('-').collect();
    let day = format!("{}/{}/{}", d[2], d[1], d[0]);
    if time.is_empty() {
        day
    } else {
        format!("{time} ngày {day}")
    }
}

#[test]
fn each_person_is_told_once_of_exactly_their_articles() {
    let server = SmtpServer::start(&[]);
    let q = board(Some(server.port));
    let due = q.due();

    // --dry-run: who would get what, and nothing sent.
    let out = q.notify(&["--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for person in ["editor", "verifier", "approver", "secretary"] {
        assert!(
            stdout(&out).contains(&format!("Người {person} <{person}@example.vn>")),
            "{}",
            stdout(&out)
        );
    }
    assert!(server.messages().is_empty(), "--dry-run sent mail");

    // The run: one message per person with an address, the contributor reported.
    let out = q.notify(&["--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (&json["sent"], &json["people"], &json["articles"]),
        (&4.into(), &4.into(), &4.into()),
        "{json}"
    );
    assert_eq!(json["no_email"], serde_json::json!(["contributor"]));
    assert!(
        stderr(&out).contains("Người contributor (contributor)"),
        "{}",
        stderr(&out)
    );
    let mail = received(&server);
    assert_eq!(
        mail.keys().cloned().collect::<Vec<_>>(),
        ["approver", "editor", "secretary", "verifier"].map(|p| format!("{p}@example.vn"))
    );
    let steps = [
        ("editor", "biên tập"),
        ("verifier", "kiểm tra"),
        ("approver", "phê duyệt"),
        ("secretary", "đăng"),
    ];
    for (person, step) in steps {
        let m = &mail[&format!("{person}@example.vn")];
        let article = &q.by_person[person];
        let (due_at, overdue) = &due[article];
        let late = if *overdue { " (1 quá hạn)" } else { "" };
        assert_eq!(
            m.subject,
            format!("1 tin, bài chờ anh/chị xử lý: {step}{late}")
        );
        assert!(
            m.body.starts_with(&format!("Kính gửi Người {person},")),
            "{}",
            m.body
        );
        let mark = if *overdue { " (QUÁ HẠN)" } else { "" };
        let entry = format!(
            "1. Tin cho-{person} [mới]\n   Đường dẫn: {article}\n   Bước: {step}\n   Hạn: {}{mark}\n",
            vietnamese_due(due_at)
        );
        assert!(m.body.contains(&entry), "{person}: {}", m.body);
        // Exactly their article: no other article's path is in the message.
        for (other, path) in &q.by_person {
            assert_eq!(
                m.body.contains(path.as_str()),
                *other == person,
                "{person}: {}",
                m.body
            );
        }
        assert_eq!(m.to, format!("{person}@example.vn"));
    }
    // The secretary's article is overdue as of NOW; the others are not.
    assert!(due[&q.by_person["secretary"]].1 && !due[&q.by_person["editor"]].1);
    insta::assert_snapshot!("notify_secretary_body", mail["secretary@example.vn"].body);

    // The second run tells nothing new.
    server.clear();
    let out = q.notify(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Nothing new to tell."),
        "{}",
        stdout(&out)
    );
    assert!(server.messages().is_empty());

    // A step moves an article to the verifier: only the verifier is told, of both
    // articles, the new one marked.
    q.env.step("editor", "review", &q.by_person["editor"]);
    let out = q.notify(&["--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mail = received(&server);
    assert_eq!(mail.keys().collect::<Vec<_>>(), ["verifier@example.vn"]);
    let body = &mail["verifier@example.vn"].body;
    assert!(body.contains("1. Tin cho-editor [mới]\n"), "{body}");
    assert!(body.contains("2. Tin cho-verifier\n"), "{body}");
    assert_eq!(
        mail["verifier@example.vn"].subject,
        "2 tin, bài chờ anh/chị xử lý: kiểm tra"
    );

    // --again tells everyone again.
    server.clear();
    let out = q.notify(&["--again", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mail = received(&server);
    assert_eq!(mail.len(), 3, "{:?}", mail.keys().collect::<Vec<_>>());
    assert!(
        !mail.contains_key("editor@example.vn"),
        "the editor's queue is empty now"
    );
}

#[test]
fn a_site_without_notify_settings_sends_nothing_and_says_so() {
    let server = SmtpServer::start(&[]);
    let q = board(None);
    let out = q.notify(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Hand-off mail is not configured"),
        "{}",
        stdout(&out)
    );
    let out = q.notify(&["--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (&json["configured"], &json["sent"]),
        (&false.into(), &0.into())
    );
    assert!(server.messages().is_empty());
}

#[test]
fn a_refused_recipient_is_named_and_the_others_are_still_told() {
    let server = SmtpServer::start(&["verifier@example.vn"]);
    let q = board(Some(server.port));
    let out = q.notify(&[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("Người verifier (verifier) <verifier@example.vn>"),
        "{err}"
    );
    assert!(
        err.contains("550") && err.contains("mailbox unavailable"),
        "{err}"
    );
    let mail = received(&server);
    assert_eq!(
        mail.keys().cloned().collect::<Vec<_>>(),
        ["approver", "editor", "secretary"].map(|p| format!("{p}@example.vn"))
    );
    // The next run tries only the one not told.
    server.clear();
    let out = q.notify(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        server.messages().is_empty(),
        "told again those already told"
    );
}

#[test]
fn an_unreachable_server_is_a_clear_error_with_a_hint() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let q = board(Some(port));
    let out = q.notify(&[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("cannot reach the mail server 127.0.0.1:{port}")),
        "{err}"
    );
    assert!(err.contains("hint: check smtp_host"), "{err}");
    // In Vietnamese, the default, the same refusal and what to do.
    let vi = q
        .env
        .stp_env(&["notify"], &[("STP_NOW", NOW), ("STP_LANG", "vi")]);
    assert_eq!(vi.status.code(), Some(2));
    let err = stderr(&vi);
    assert!(
        err.contains(&format!(
            "lỗi: không kết nối được máy chủ thư 127.0.0.1:{port}"
        )),
        "{err}"
    );
    assert!(err.contains("gợi ý: kiểm tra smtp_host"), "{err}");
}

#[test]
fn a_server_whose_certificate_is_not_trusted_gets_nothing() {
    let server = SmtpServer::start_untrusted_tls();
    let q = board_with(Some(server.port), "starttls");
    let out = q.notify(&[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "cannot reach the mail server 127.0.0.1:{}",
            server.port
        )),
        "{err}"
    );
    assert!(err.contains("invalid peer certificate"), "{err}");
    assert!(
        err.contains("hint: the mail server's TLS certificate is not trusted"),
        "{err}"
    );
    assert!(
        server.messages().is_empty(),
        "mail went to an untrusted server"
    );
}
