//! A month of history (March 2026) through the real pipeline: a board with units and real
//! `ssh-keygen` keys, an admin-signed `workflow/workflow.toml`, articles of three kinds
//! submitted, reviewed, verified, approved, published, returned, rejected and withdrawn at
//! chosen dates (`STP_DATE` in the signed `Stp-Date`, the time of day from the signed
//! commit time), and an access log. Then `stp report --month 2026-03` from the ledger:
//! every figure of its CSV files is checked. `stp status` is snapshotted as of a pinned
//! `STP_NOW`, and `--overdue` exits 1.

use std::path::Path;
use std::process::Output;

use crate::kit::repo::Env;

const WORKFLOW: &str = r#"four_eyes = true

[deadlines]
news = { admin_hours = 12 }
document = { working_days = 2 }
answer = { working_days = 15, consult_ministry_working_days = 30 }

[quotas]
per_unit_month = { min = 1, max = 2 }
units = ["Văn phòng Sở", "Phòng Văn bản - Thi hành pháp luật", "Thanh tra Sở"]

[royalties.coefficients]
news = 6
document = 2
answer = 5
"#;

const VP: &str = "Văn phòng Sở";
const VB: &str = "Phòng Văn bản - Thi hành pháp luật";
const TT: &str = "Thanh tra Sở";

/// A site whose board has units, set up in February 2026.
struct Month {
    env: Env,
    root_fingerprint: String,
}

impl Month {
    fn new() -> Month {
        let env = Env::bare();
        for name in ["vp", "vb", "tt"] {
            env.keygen(name);
        }
        let root_fingerprint = env.fingerprint("admin");
        let m = Month {
            env,
            root_fingerprint,
        };
        let site = m.env.site.display().to_string();
        let admin_pub = m.env.key_pub("admin").display().to_string();
        m.at(
            "2026-02-20 08:00",
            &[
                "init",
                &site,
                "--admin-key",
                &admin_pub,
                "--admin-name",
                "Quản Trị",
            ],
        );
        for (id, role, unit) in [
            ("editor", "editor", VP),
            ("verifier", "verifier", VP),
            ("approver", "approver", VP),
            ("secretary", "secretary", VP),
            ("vp", "contributor", VP),
            ("vb", "contributor", VB),
            ("tt", "contributor", TT),
        ] {
            let key = m.env.key_pub(id).display().to_string();
            let admin = m.env.key("admin").display().to_string();
            m.at(
                "2026-02-20 08:30",
                &[
                    "people",
                    "add",
                    id,
                    "--name",
                    &format!("Người {id}"),
                    "--role",
                    role,
                    "--unit",
                    unit,
                    "--key",
                    &key,
                    "--signing-key",
                    &admin,
                ],
            );
        }
        // The admin signs the deadline tables the board works to.
        m.env.write("workflow/workflow.toml", WORKFLOW);
        m.forge_at(
            Some("admin"),
            "Bảng thời hạn, định mức, nhuận bút\n\nStp-Date: 2026-02-21\nStp-Trust: workflow.toml\n",
            "2026-02-21 09:00",
        );
        m
    }

    /// Runs stp at `moment` (Vietnam time): the stated date and the commit time.
    fn at(&self, moment: &str, args: &[&str]) -> String {
        let out = self.run_at(moment, args);
        assert!(
            out.status.success(),
            "stp {args:?} at {moment} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn run_at(&self, moment: &str, args: &[&str]) -> Output {
        let mut vars = dated(moment);
        vars.push(("STP_DATE", moment[..10].to_string()));
        vars.push(("STP_TRUST_ROOT", self.root_fingerprint.clone()));
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.env.stp_env(args, &vars)
    }

    /// Commits the working tree with git, signed by `key` or unsigned, at `moment`.
    fn forge_at(&self, key: Option<&str>, message: &str, moment: &str) {
        let vars = dated(moment);
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.env.forge(key, message, &vars);
    }

    /// `who` signs `action` on `article` at `moment`.
    fn step(&self, moment: &str, who: &str, action: &str, article: &str, extra: &[&str]) {
        let key = self.env.key(who).display().to_string();
        let mut args = vec![action];
        if action != "publish" {
            args.push(article);
        }
        args.extend(extra);
        args.extend(["--key", &key]);
        self.at(moment, &args);
    }

    /// Submit, review, verify, approve, then publish at `published`.
    fn through(&self, article: &str, who: &str, submitted: &str, published: &str) {
        self.step(submitted, who, "submit", article, &[]);
        let day = &submitted[..10];
        self.step(&format!("{day} 10:30"), "editor", "review", article, &[]);
        self.step(&format!("{day} 10:40"), "verifier", "verify", article, &[]);
        self.step(&format!("{day} 10:50"), "approver", "approve", article, &[]);
        self.step(published, "secretary", "publish", article, &[]);
    }

    fn news(&self, slug: &str, date: &str, unit: &str, author: &str) -> String {
        let path = format!("content/tin-tuc/{slug}.md");
        self.env.write(
            &path,
            &format!(
                "---\ntitle: \"Tin {slug}\"\ndate: {date}\nunit: \"{unit}\"\nauthor: \"{author}\"\nstatus: draft\n---\n\nNội dung.\n"
            ),
        );
        path
    }

    fn question(&self, slug: &str, asked: &str, ministry: bool) -> String {
        let path = format!("content/hoi-dap/{slug}.md");
        self.env.write(
            &path,
            &format!(
                "---\ntitle: \"Hỏi đáp {slug}\"\nunit: \"{TT}\"\nauthor: \"Phạm Thị Dung\"\nstatus: draft\nqa:\n  question: \"Hỏi?\"\n  asker: \"Công dân\"\n  asked: {asked}\n  answered_by: \"Thanh tra Sở\"\n  consult_ministry: {ministry}\n---\n\nTrả lời.\n"
            ),
        );
        path
    }
}

/// `GIT_COMMITTER_DATE` and `GIT_AUTHOR_DATE` for `moment` in Vietnam time.
fn dated(moment: &str) -> Vec<(&'static str, String)> {
    let git = format!("{}T{}:00+07:00", &moment[..10], &moment[11..]);
    vec![
        ("GIT_COMMITTER_DATE", git.clone()),
        ("GIT_AUTHOR_DATE", git),
    ]
}

/// The month: see the expectations in `a_month_of_history_gives_every_figure`.
fn march() -> Month {
    let m = Month::new();
    let a0 = m.news("a0", "2026-02-26 08:00", VP, "Nguyễn Văn An");
    m.through(&a0, "vp", "2026-02-26 09:00", "2026-02-27 09:00");

    let a1 = m.news("a1", "2026-03-02 08:00", VP, "Nguyễn Văn An");
    m.through(&a1, "vp", "2026-03-02 09:00", "2026-03-02 15:00");
    let q2 = m.question("q2", "2026-03-03", true);
    m.step("2026-03-04 10:00", "tt", "submit", &q2, &[]);
    m.step("2026-03-05 08:00", "editor", "review", &q2, &[]);
    let a2 = m.news("a2", "2026-03-05 09:00", VP, "Nguyễn Văn An");
    m.through(&a2, "vp", "2026-03-06 09:00", "2026-03-09 10:00");
    let a3 = m.news("a3", "2026-03-10 08:00", VP, "Trần Thị Bình");
    m.through(&a3, "vp", "2026-03-10 09:00", "2026-03-10 16:00");
    let a5 = m.news("a5", "2026-03-11 08:00", TT, "Phạm Thị Dung");
    m.step("2026-03-11 09:00", "tt", "submit", &a5, &[]);
    m.step(
        "2026-03-11 10:00",
        "editor",
        "reject",
        &a5,
        &["--ground", "c", "--reason", "Sai số liệu"],
    );
    let a6 = m.news("a6", "2026-03-12 14:00", VB, "Lê Văn Cường");
    m.step("2026-03-12 15:00", "vb", "submit", &a6, &[]);
    m.step(
        "2026-03-12 16:00",
        "editor",
        "return",
        &a6,
        &["--reason", "Sửa chính tả"],
    );
    m.through(&a6, "vb", "2026-03-13 08:00", "2026-03-13 11:00");

    let qd = "content/van-ban/qd-05/index.md";
    m.env.write(
        qd,
        "---\ntitle: \"Quyết định 05/2026/QĐ-STP\"\nunit: \"Phòng Văn bản - Thi hành pháp luật\"\nauthor: \"Lê Văn Cường\"\nstatus: draft\ndocument:\n  type: \"Quyết định\"\n  number: \"05/2026/QĐ-STP\"\n  issuer: \"Sở Tư pháp\"\n  issued: 2026-03-12\n  effective: 2026-03-20\n  excerpt: \"Ban hành kế hoạch\"\n  file: qd-05.pdf\n---\n\nToàn văn.\n",
    );
    m.env.write("content/van-ban/qd-05/qd-05.pdf", "%PDF-1.4\n");
    m.through(qd, "vb", "2026-03-16 08:00", "2026-03-16 09:00");

    let q1 = m.question("q1", "2026-02-20", false);
    m.through(&q1, "tt", "2026-03-18 08:00", "2026-03-18 10:00");

    // A revision of a6, published again: the first publication is what counts.
    let text = m.env.read(&a6).replace("Nội dung.", "Nội dung đã sửa.");
    m.env.write(&a6, &text);
    m.through(&a6, "vb", "2026-03-19 08:00", "2026-03-20 09:00");

    let a4 = m.news("a4", "2026-03-20 08:00", TT, "Phạm Thị Dung");
    m.step("2026-03-20 10:00", "tt", "submit", &a4, &[]);
    m.step(
        "2026-03-25 08:00",
        "approver",
        "withdraw",
        &a0,
        &["--reason", "Hết hiệu lực"],
    );
    let a7 = m.news("a7", "2026-03-30 08:00", VP, "Trần Thị Bình");
    m.step("2026-03-30 09:00", "vp", "submit", &a7, &[]);
    m.step(
        "2026-03-30 10:00",
        "editor",
        "return",
        &a7,
        &["--reason", "Thiếu ảnh"],
    );
    // Not signed by an admin: the report keeps the trusted coefficients.
    m.env.write(
        "workflow/workflow.toml",
        &WORKFLOW.replace("news = 6", "news = 10"),
    );
    m.forge_at(None, "nhuận bút cao hơn", "2026-03-31 08:00");
    m
}

fn log_line(time: &str, path: &str, status: u16, agent: &str) -> String {
    format!("113.161.2.3 - - [{time}] \"GET {path} HTTP/1.1\" {status} 2048 \"-\" \"{agent}\"\n")
}

fn access_log() -> String {
    let ua = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/125.0 Mobile Safari/537.36";
    let t = "05/Mar/2026:10:00:00 +0700";
    let mut s = String::new();
    for path in [
        "/tin-tuc/a1/",
        "/tin-tuc/a1/?utm_source=zalo",
        "/tin-tuc/a1/index.html",
        "/tin-tuc/a2/",
        "/van-ban/qd-05/",
        "/van-ban/qd-05/",
        "/hoi-dap/q1/",
        "/",
        "/",
    ] {
        s.push_str(&log_line(t, path, 200, ua));
    }
    s.push_str(&log_line(
        t,
        "/tin-tuc/a1/",
        200,
        "Mozilla/5.0 (compatible; Googlebot/2.1)",
    ));
    s.push_str(&log_line(t, "/assets/site.css", 200, ua));
    s.push_str(&log_line(t, "/van-ban/qd-05/qd-05.pdf", 200, ua));
    s.push_str(&log_line(t, "/khong-co/", 404, ua));
    s.push_str(&log_line(
        "28/Feb/2026:23:00:00 +0700",
        "/tin-tuc/a0/",
        200,
        ua,
    ));
    s.push_str("a line the server never wrote\n");
    s
}

fn csv(dir: &Path, name: &str) -> String {
    let text = std::fs::read_to_string(dir.join(format!("{name}.csv"))).unwrap();
    text.trim_start_matches('\u{feff}').replace("\r\n", "\n")
}

#[test]
fn a_month_of_history_gives_every_figure() {
    let m = march();
    let logs = m.env.site.join("../access.log");
    std::fs::write(&logs, access_log()).unwrap();
    let out = m.env.site.join("../report");
    let o = m.run_at(
        "2026-04-02 09:00",
        &[
            "report",
            "--month",
            "2026-03",
            "--logs",
            logs.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("1 malformed log lines skipped") && stderr.contains("access.log:15"),
        "{stderr}"
    );

    assert_eq!(
        csv(&out, "summary"),
        "Chỉ tiêu,Giá trị
Lượt xem trang,9
Yêu cầu của máy (bot) đã loại,1
Yêu cầu tệp tĩnh đã loại,2
Dòng nhật ký sai định dạng đã bỏ qua,1
\"Tin, bài đăng mới\",6
Đơn vị đạt định mức,3/3
Tỷ lệ đăng đúng hạn,0.6667
Ngày làm việc,22
\"Ngày làm việc không có tin, bài mới\",16
Câu hỏi của công dân nhận trong tháng,1
Câu hỏi đã trả lời trong tháng,1
Lượt trả lại,2
Lượt từ chối,1
Tổng nhuận bút (đồng),7254000
"
    );
    assert_eq!(
        csv(&out, "views-by-section"),
        "Chuyên mục,Đường dẫn,Lượt xem
Tin tức - Sự kiện,/tin-tuc,4
Trang chủ,/,2
Văn bản pháp luật,/van-ban,2
Hỏi đáp pháp luật,/hoi-dap,1
"
    );
    assert_eq!(
        csv(&out, "top-pages"),
        "Trang,Đường dẫn,Lượt xem
Tin a1,/tin-tuc/a1/,3
,/,2
Quyết định 05/2026/QĐ-STP,/van-ban/qd-05/,2
Hỏi đáp q1,/hoi-dap/q1/,1
Tin a2,/tin-tuc/a2/,1
"
    );
    // First publications in March: a1, a2, a3 (Văn phòng), a6 and qd-05 (Văn bản), q1
    // (Thanh tra); a0 was first published in February.
    assert_eq!(
        csv(&out, "quotas"),
        "Đơn vị,Số bài,Định mức,Đánh giá
Văn phòng Sở,3,1–2,vượt
Phòng Văn bản - Thi hành pháp luật,2,1–2,đạt
Thanh tra Sở,1,1–2,đạt
"
    );
    // news (12 administrative hours, 07:00–11:30 and 13:30–17:00): a1 due Tue 3/3 14:00,
    // published 2/3 15:00; a2 due Fri 6/3 15:00, published Mon 9/3 10:00 (late); a3 on
    // time; a6 due Mon 16/3 08:00, first published Fri 13/3 11:00. Overdue unpublished:
    // a4 (due Mon 23/3 14:00) and the returned a7 (due Tue 31/3 14:00); a5 was rejected,
    // so it is owed no more. document: qd-05 issued Thu 12/3, due Mon 16/3, published
    // 16/3. answer: q1 asked Fri 20/2 (a Tết day off), due Fri 13/3, published 18/3 (late);
    // q2 consults the Ministry, due in April.
    assert_eq!(
        csv(&out, "deadlines"),
        "Loại,Đã đăng,Đúng hạn,Trễ hạn,Tỷ lệ đúng hạn,Quá hạn chưa đăng
news,4,3,1,0.7500,2
document,1,1,0,1.0000,0
answer,1,0,1,0.0000,0
"
    );
    assert_eq!(
        csv(&out, "returns"),
        "Căn cứ,Nội dung,Số lượt
Điều 4.2,\"Trả lại để sửa, gửi lại\",2
Điều 12.3.a,\"Trái với đường lối của Đảng, chính sách, pháp luật của Nhà nước\",0
Điều 12.3.b,Bí mật nhà nước hoặc chưa được phép công bố,0
Điều 12.3.c,Thông tin không đúng sự thật,1
Điều 12.3.d,Không đảm bảo chất lượng,0
Điều 12.3.đ,Vi phạm các quy định cấm khác của pháp luật,0
"
    );
    let gaps: Vec<String> = csv(&out, "freshness")
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    let expected: Vec<String> = [3, 4, 5, 6, 11, 12, 17, 19, 20, 23, 24, 25, 26, 27, 30, 31]
        .iter()
        .map(|d| format!("2026-03-{d:02}"))
        .collect();
    assert_eq!(gaps, expected);
    // 10% of 2,340,000 is 234,000 a coefficient point: news 6, document 2, answer 5 (the
    // unsigned change to news = 10 is not trusted).
    assert_eq!(
        csv(&out, "royalties"),
        "Tác giả,Tháng,Số bài,Nhuận bút (đồng)
Lê Văn Cường,2026-03,2,1872000
Nguyễn Văn An,2026-03,2,2808000
Phạm Thị Dung,2026-03,1,1170000
Trần Thị Bình,2026-03,1,1404000
"
    );
    assert_eq!(
        csv(&out, "royalty-items"),
        "Tác giả,\"Tin, bài\",Loại,Ngày đăng,Hệ số,Lương cơ sở (đồng),Nhuận bút (đồng)
Lê Văn Cường,Tin a6,news,2026-03-13,6,2340000,1404000
Lê Văn Cường,Quyết định 05/2026/QĐ-STP,document,2026-03-16,2,2340000,468000
Nguyễn Văn An,Tin a1,news,2026-03-02,6,2340000,1404000
Nguyễn Văn An,Tin a2,news,2026-03-09,6,2340000,1404000
Phạm Thị Dung,Hỏi đáp q1,answer,2026-03-18,5,2340000,1170000
Trần Thị Bình,Tin a3,news,2026-03-10,6,2340000,1404000
"
    );

    let html = std::fs::read_to_string(out.join("bao-cao-2026-03.html")).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert_eq!(html.matches("<svg").count(), 4, "four charts");
    assert!(
        !html.contains("<script") && !html.contains("src=\"http"),
        "self-contained"
    );
    let xlsx = std::fs::read(out.join("bao-cao-2026-03.xlsx")).unwrap();
    assert!(xlsx.starts_with(b"PK"), "XLSX is a zip");

    // The status board at the end of the month.
    let board = with_now(&m, "2026-03-31T17:00", &["status"]);
    insta::assert_snapshot!(
        "status_end_of_march",
        board.replace(&m.root_fingerprint, "SHA256:<admin>")
    );
    let json: serde_json::Value =
        serde_json::from_str(&with_now(&m, "2026-03-31T17:00", &["status", "--json"])).unwrap();
    let a4 = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["article"] == "content/tin-tuc/a4.md")
        .unwrap();
    assert_eq!(a4["due"], "2026-03-23T14:00");
    assert_eq!(a4["standing"], "overdue");
    assert_eq!(
        a4["held_by"],
        serde_json::json!([{"id": "editor", "name": "Người editor"}])
    );

    // For cron: the overdue ones only, and exit 1.
    let o = m.env.stp_env(
        &["status", "--overdue"],
        &[
            ("STP_NOW", "2026-03-31T17:00"),
            ("STP_TRUST_ROOT", &m.root_fingerprint),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&o.stdout);
    let overdue: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.starts_with("content/"))
        .collect();
    assert_eq!(overdue, ["content/tin-tuc/a4.md", "content/tin-tuc/a7.md"]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("2 article(s) overdue as of 2026-03-31T17:00")
    );
}

#[test]
fn nothing_overdue_exits_0_and_untrusted_or_bad_tables_change_nothing() {
    let m = Month::new();
    let a1 = m.news("a1", "2026-03-02 08:00", VP, "Nguyễn Văn An");
    m.step("2026-03-02 09:00", "vp", "submit", &a1, &[]);
    let now = [
        ("STP_NOW", "2026-03-02T10:00"),
        ("STP_TRUST_ROOT", m.root_fingerprint.as_str()),
    ];
    let o = m.env.stp_env(&["status", "--overdue"], &now);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("nothing is overdue"));

    // An admin signs a deadline table with a kind that does not exist: the ledger does not
    // trust it, the audit names the line, and status keeps the trusted tables.
    m.env.write(
        "workflow/workflow.toml",
        &WORKFLOW.replace("document = { working_days", "documents = { working_days"),
    );
    m.forge_at(
        Some("admin"),
        "sai bảng\n\nStp-Date: 2026-03-02\nStp-Trust: workflow.toml\n",
        "2026-03-02 11:00",
    );
    let (clean, json) = m.env.audit();
    assert!(!clean);
    let line = WORKFLOW
        .lines()
        .position(|l| l.starts_with("document = {"))
        .unwrap()
        + 1;
    let why = json["issues"][0]["why"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        why.contains(&format!(
            "workflow/workflow.toml:{line}: `documents` is not an article kind"
        )),
        "{json}"
    );
    let late = [
        ("STP_NOW", "2026-03-04T08:00"),
        ("STP_TRUST_ROOT", m.root_fingerprint.as_str()),
    ];
    let o = m.env.stp_env(&["status", "--overdue"], &late);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("news due 2026-03-03T14:00, OVERDUE"),
        "{o:?}"
    );
    // A stated date must be a date, and may not go back once the history holds a later one.
    let mut vars = dated("2026-03-02 12:00");
    vars.push(("STP_DATE", "2026-13-01".into()));
    let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let o = m.env.stp_env(
        &[
            "review",
            &a1,
            "--key",
            m.env.key("editor").to_str().unwrap(),
        ],
        &vars,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("STP_DATE=`2026-13-01` is not a date"),
        "{o:?}"
    );
    // Nor go back once the history holds a later one.
    let o = m.run_at(
        "2026-03-01 09:00",
        &[
            "review",
            &a1,
            "--key",
            m.env.key("editor").to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("dates never go back"),
        "{o:?}"
    );
}

/// `stp status ARGS` with now fixed at `now`; returns stdout.
fn with_now(m: &Month, now: &str, args: &[&str]) -> String {
    let out = m.env.stp_env(
        args,
        &[("STP_NOW", now), ("STP_TRUST_ROOT", &m.root_fingerprint)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A sender's text that a spreadsheet would run as a formula stays text in the report's
/// CSV and XLSX (CSV injection): through the real binary, from a signed history.
#[test]
fn formula_looking_text_from_outside_stays_text_in_the_exports() {
    let m = Month::new();
    let evil = "=HYPERLINK(\"http://x.invalid\",\"Bấm\")";
    let a = m.news("evil", "2026-03-02 08:00", VP, &evil.replace('"', "\\\""));
    m.through(&a, "vp", "2026-03-02 09:00", "2026-03-02 15:00");
    let out = m.env.site.join("../report");
    let o = m.run_at(
        "2026-04-02 09:00",
        &[
            "report",
            "--month",
            "2026-03",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut found = false;
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            let text = std::fs::read_to_string(&path).unwrap();
            for field in text.split([',', '\n']) {
                let field = field.trim_matches(['"', '\r']);
                assert!(
                    !field.starts_with("=HYPERLINK"),
                    "{}: a formula: {field}",
                    path.display()
                );
            }
            found |= text.contains("'=HYPERLINK");
        }
    }
    assert!(found, "the author is in a CSV table, quoted as text");
    let xlsx = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .expect("an XLSX workbook");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        if name.starts_with("xl/worksheets/") {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
            assert!(!xml.contains("<f>"), "{name}: a formula cell");
        }
    }
}
