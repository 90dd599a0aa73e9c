//! A month of history (March 2026) through `stp report`: real article files, a hand-built
//! event history (the interim input until the ledger feeds it) and a real access log;
//! every figure of the report is checked in its CSV files, and the HTML and XLSX exist.

use std::path::Path;
use std::process::Command;

const DEADLINES: &str = r#"
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

fn write(root: &Path, path: &str, text: &str) {
    let p = root.join(path);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn news(root: &Path, slug: &str, date: &str, unit: &str, author: &str) {
    write(
        root,
        &format!("content/tin-tuc/{slug}.md"),
        &format!(
            "---\ntitle: \"Tin {slug}\"\ndate: {date}\nunit: \"{unit}\"\nauthor: \"{author}\"\n---\n\nNội dung.\n"
        ),
    );
}

fn question(root: &Path, slug: &str, asked: &str, ministry: bool, unit: &str) {
    write(
        root,
        &format!("content/hoi-dap/{slug}.md"),
        &format!(
            "---\ntitle: \"Hỏi đáp {slug}\"\nunit: \"{unit}\"\nauthor: \"Phạm Thị Dung\"\nqa:\n  question: \"Hỏi?\"\n  asker: \"Công dân\"\n  asked: {asked}\n  answered_by: \"Thanh tra Sở\"\n  consult_ministry: {ministry}\n---\n\nTrả lời.\n"
        ),
    );
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("site.toml"), root.join("site.toml")).unwrap();
    write(
        root,
        "workflow/calendar.toml",
        &std::fs::read_to_string(repo.join("workflow/calendar.toml")).unwrap(),
    );
    write(
        root,
        "workflow/workflow.toml",
        &format!("[states]\nleft = \"to the pipeline\"\n{DEADLINES}"),
    );
    let (vp, vb, tt) = (
        "Văn phòng Sở",
        "Phòng Văn bản - Thi hành pháp luật",
        "Thanh tra Sở",
    );
    news(root, "a0", "2026-02-26 08:00", vp, "Nguyễn Văn An");
    news(root, "a1", "2026-03-02 08:00", vp, "Nguyễn Văn An");
    news(root, "a2", "2026-03-05 09:00", vp, "Nguyễn Văn An");
    news(root, "a3", "2026-03-10 08:00", vp, "Trần Thị Bình");
    news(root, "a4", "2026-03-20 08:00", tt, "Phạm Thị Dung");
    news(root, "a5", "2026-03-11 08:00", tt, "Phạm Thị Dung");
    news(root, "a6", "2026-03-12 14:00", vb, "Lê Văn Cường");
    write(
        root,
        "content/van-ban/qd-05/index.md",
        "---\ntitle: \"Quyết định 05/2026/QĐ-STP\"\nunit: \"Phòng Văn bản - Thi hành pháp luật\"\nauthor: \"Lê Văn Cường\"\ndocument:\n  type: \"Quyết định\"\n  number: \"05/2026/QĐ-STP\"\n  issuer: \"Sở Tư pháp\"\n  issued: 2026-03-12\n  effective: 2026-03-20\n  excerpt: \"Ban hành kế hoạch\"\n  file: qd-05.pdf\n---\n\nToàn văn.\n",
    );
    write(root, "content/van-ban/qd-05/qd-05.pdf", "%PDF-1.4\n");
    question(root, "q1", "2026-02-20", false, tt);
    question(root, "q2", "2026-03-03", true, tt);
    dir
}

const EVENTS: &str = r#"[
 {"article": "content/tin-tuc/a0.md", "action": "publish", "at": "2026-02-27T09:00:00+07:00"},
 {"article": "content/tin-tuc/a0.md", "action": "reject", "ground": "a", "at": "2026-02-27T10:00:00+07:00"},
 {"article": "content/tin-tuc/a1.md", "action": "submit", "at": "2026-03-02T09:00:00+07:00"},
 {"article": "content/tin-tuc/a1.md", "action": "publish", "at": "2026-03-02T15:00:00+07:00", "by": "Thư ký"},
 {"article": "content/tin-tuc/a2.md", "action": "publish", "at": "2026-03-09T10:00:00+07:00"},
 {"article": "content/tin-tuc/a3.md", "action": "publish", "at": "2026-03-10T16:00:00+07:00"},
 {"article": "content/van-ban/qd-05/index.md", "action": "publish", "at": "2026-03-16T02:00:00Z"},
 {"article": "content/hoi-dap/q1.md", "action": "publish", "at": "2026-03-18T10:00:00+07:00"},
 {"article": "content/hoi-dap/q2.md", "action": "submit", "at": "2026-03-04T10:00:00+07:00"},
 {"article": "content/tin-tuc/a4.md", "action": "submit", "at": "2026-03-20T10:00:00+07:00"},
 {"article": "content/tin-tuc/a5.md", "action": "submit", "at": "2026-03-11T09:00:00+07:00"},
 {"article": "content/tin-tuc/a5.md", "action": "reject", "ground": "c", "reason": "Sai số liệu", "at": "2026-03-11T10:00:00+07:00"},
 {"article": "content/tin-tuc/a6.md", "action": "submit", "at": "2026-03-12T15:00:00+07:00"},
 {"article": "content/tin-tuc/a6.md", "action": "return", "reason": "Sửa chính tả", "at": "2026-03-12T16:00:00+07:00"},
 {"article": "content/tin-tuc/a6.md", "action": "submit", "at": "2026-03-13T08:00:00+07:00"},
 {"article": "content/tin-tuc/a6.md", "action": "publish", "at": "2026-03-13T09:00:00+07:00"},
 {"article": "content/tin-tuc/a6.md", "action": "publish", "at": "2026-03-20T09:00:00+07:00"}
]"#;

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
    let site = site();
    let root = site.path();
    write(root, "events.json", EVENTS);
    write(root, "access.log", &access_log());
    let out = root.join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_stp"))
        .current_dir(root)
        .args([
            "report",
            "--month",
            "2026-03",
            "--events",
            "events.json",
            "--logs",
            "access.log",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
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
Lượt trả lại,1
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
    assert_eq!(
        csv(&out, "quotas"),
        "Đơn vị,Số bài,Định mức,Đánh giá
Văn phòng Sở,3,1–2,vượt
Phòng Văn bản - Thi hành pháp luật,2,1–2,đạt
Thanh tra Sở,1,1–2,đạt
"
    );
    // news: a1 on time, a2 late (due Fri 6/3 15:00), a3 and a6 on time; a4 overdue
    // unpublished (due Mon 23/3 14:00); a5 rejected, so owed no more. document: due
    // Mon 16/3, published 16/3 09:00. answer q1: due Fri 13/3, published 18/3.
    assert_eq!(
        csv(&out, "deadlines"),
        "Loại,Đã đăng,Đúng hạn,Trễ hạn,Tỷ lệ đúng hạn,Quá hạn chưa đăng
news,4,3,1,0.7500,1
document,1,1,0,1.0000,0
answer,1,0,1,0.0000,0
"
    );
    assert_eq!(
        csv(&out, "returns"),
        "Căn cứ,Nội dung,Số lượt
Điều 4.2,\"Trả lại để sửa, gửi lại\",1
Điều 12.3.a,\"Trái chủ trương, chính sách của Đảng, pháp luật của Nhà nước\",0
Điều 12.3.b,Bí mật nhà nước hoặc chưa được phép công bố,0
Điều 12.3.c,Không đúng sự thật,1
Điều 12.3.d,Không đảm bảo chất lượng,0
Điều 12.3.đ,Vi phạm điều cấm khác của pháp luật,0
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
    // 10% of 2,340,000 is 234,000 a coefficient point: news 6, document 2, answer 5.
    assert_eq!(
        csv(&out, "royalties"),
        "Tác giả,Tháng,Số bài,Nhuận bút (đồng)
Lê Văn Cường,2026-03,2,1872000
Nguyễn Văn An,2026-03,2,2808000
Phạm Thị Dung,2026-03,1,1170000
Trần Thị Bình,2026-03,1,1404000
"
    );
    assert_eq!(csv(&out, "royalty-items").lines().count(), 7);

    let html = std::fs::read_to_string(out.join("bao-cao-2026-03.html")).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert_eq!(html.matches("<svg").count(), 4, "four charts");
    assert!(
        !html.contains("<script") && !html.contains("src=\"http"),
        "self-contained"
    );
    assert!(html.contains("Tin tức - Sự kiện"));
    let xlsx = std::fs::read(out.join("bao-cao-2026-03.xlsx")).unwrap();
    assert!(xlsx.starts_with(b"PK"), "XLSX is a zip");
}

#[test]
fn an_unknown_article_kind_in_the_deadlines_is_refused_with_its_line() {
    let site = site();
    let root = site.path();
    write(root, "events.json", EVENTS);
    let text = std::fs::read_to_string(root.join("workflow/workflow.toml")).unwrap();
    std::fs::write(
        root.join("workflow/workflow.toml"),
        text.replace("document = { working_days", "documents = { working_days"),
    )
    .unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("document = {"))
        .unwrap()
        + 1;
    let o = Command::new(env!("CARGO_BIN_EXE_stp"))
        .current_dir(root)
        .args(["report", "--month", "2026-03", "--events", "events.json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "workflow.toml:{line}: `documents` is not an article kind"
        )),
        "{err}"
    );
    assert!(!root.join("reports").exists(), "nothing written");
}
