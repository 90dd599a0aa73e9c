use std::io::Write;

use super::*;

const UA: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";

fn line(time: &str, request: &str, status: u16, agent: &str) -> String {
    format!("203.113.1.7 - - [{time}] \"{request}\" {status} 5120 \"-\" \"{agent}\"\n")
}

fn sample() -> String {
    let t = "02/Mar/2026:09:15:00 +0700";
    [
        line(t, "GET /tin-tuc/hoi-nghi/ HTTP/1.1", 200, UA),
        line(t, "GET /tin-tuc/hoi-nghi/index.html HTTP/1.1", 200, UA),
        line(t, "GET /tin-tuc/hoi-nghi?utm=zalo HTTP/2.0", 304, UA),
        line(t, "GET /en/tin-tuc/conference/ HTTP/1.1", 200, UA),
        line(t, "GET / HTTP/1.1", 200, UA),
        line(
            t,
            "GET /van-ban/qd-12-2026/ HTTP/1.1",
            200,
            "Googlebot/2.1 (+http://www.google.com/bot.html)",
        ),
        line(t, "GET /assets/site.css HTTP/1.1", 200, UA),
        line(
            t,
            "GET /van-ban/qd-12-2026/qd-12-2026.pdf HTTP/1.1",
            200,
            UA,
        ),
        line(t, "GET /khong-co/ HTTP/1.1", 404, UA),
        line(t, "POST /tim-kiem/ HTTP/1.1", 200, UA),
        "this is not a log line\n".to_string(),
        line("31/Feb/2026:09:15:00 +0700", "GET / HTTP/1.1", 200, UA),
        line(t, "GET /van-ban/qd-12-2026/ HTTP/1.1", 200, "curl/8.5.0"),
    ]
    .concat()
}

#[test]
fn counts_views_and_leaves_out_bots_assets_and_errors() {
    let s = parse_log_bytes(Path::new("access.log"), sample().as_bytes(), None);
    assert_eq!(s.lines, 13);
    assert_eq!(s.views, 5);
    assert_eq!(s.bots, 2);
    assert_eq!(s.assets, 2);
    assert_eq!(s.not_views, 2);
    assert_eq!(s.page_views["/tin-tuc/hoi-nghi/"], 3);
    assert_eq!(s.page_views["/en/tin-tuc/conference/"], 1);
    assert_eq!(s.page_views["/"], 1);
    let sections = s.by_section();
    assert_eq!(sections["tin-tuc"], 4);
    assert_eq!(sections[""], 1);
    assert!(!sections.contains_key("van-ban"), "bot views are not views");
}

#[test]
fn malformed_lines_are_skipped_and_reported_with_their_numbers() {
    // Line 11 is prose; line 12 is dated 31 February.
    let s = parse_log_bytes(Path::new("access.log"), sample().as_bytes(), None);
    assert_eq!(s.skipped, 2);
    let lines: Vec<u64> = s.skipped_examples.iter().map(|k| k.line).collect();
    assert_eq!(lines, [11, 12]);
    assert_eq!(s.skipped_examples[0].file, PathBuf::from("access.log"));
}

#[test]
fn period_filter_uses_the_offset() {
    // 1 March 2026 00:00 at UTC+7 is 28 Feb 17:00 UTC.
    let march = Period {
        from: days_from_civil(2026, 2, 28) * 86_400 + 17 * 3600,
        until: days_from_civil(2026, 3, 31) * 86_400 + 17 * 3600,
    };
    let text = [
        line("28/Feb/2026:17:30:00 +0000", "GET /a/ HTTP/1.1", 200, UA),
        line("28/Feb/2026:23:59:59 +0700", "GET /b/ HTTP/1.1", 200, UA),
        line("31/Mar/2026:16:59:59 +0000", "GET /c/ HTTP/1.1", 200, UA),
        line("01/Apr/2026:00:00:00 +0700", "GET /d/ HTTP/1.1", 200, UA),
    ]
    .concat();
    let s = parse_log_bytes(Path::new("x"), text.as_bytes(), Some(march));
    assert_eq!(s.views, 2);
    assert_eq!(s.outside_period, 2);
    assert!(s.page_views.contains_key("/a/") && s.page_views.contains_key("/c/"));
}

#[test]
fn line_numbers_hold_across_parallel_pieces_and_gzip_files() {
    let good = line(
        "02/Mar/2026:09:15:00 +0700",
        "GET /tin-tuc/a/ HTTP/1.1",
        200,
        UA,
    );
    let count = PIECE / good.len() * 3;
    let mut text = String::new();
    for i in 1..=count {
        text.push_str(if i == count - 5 {
            "garbage \"\n"
        } else {
            &good
        });
    }
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("access.log.1.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(text.as_bytes()).unwrap();
    enc.finish().unwrap();
    let plain = dir.path().join("access.log");
    std::fs::write(&plain, &text).unwrap();

    let s = read_logs(&[plain.clone(), gz.clone()], None).unwrap();
    assert_eq!(s.lines, 2 * count as u64);
    assert_eq!(s.views, 2 * (count as u64 - 1));
    assert_eq!(s.skipped, 2);
    let places: Vec<(PathBuf, u64)> = s
        .skipped_examples
        .iter()
        .map(|k| (k.file.clone(), k.line))
        .collect();
    assert_eq!(
        places,
        vec![(plain, count as u64 - 5), (gz, count as u64 - 5)]
    );
}

#[test]
fn missing_file_names_itself() {
    let err = read_logs(&[PathBuf::from("/nonexistent/access.log")], None).unwrap_err();
    assert!(
        err.to_string().starts_with("/nonexistent/access.log:"),
        "{err}"
    );
}

#[test]
fn time_parsing() {
    assert_eq!(parse_time(b"01/Jan/1970:00:00:00 +0000"), Some(0));
    assert_eq!(parse_time(b"01/Jan/1970:07:00:00 +0700"), Some(0));
    assert_eq!(parse_time(b"01/Jan/1970:00:00:00 -0100"), Some(3600));
    assert_eq!(parse_time(b"01/Foo/1970:00:00:00 +0000"), None);
    assert_eq!(parse_time(b"01/Jan/1970:24:00:00 +0000"), None);
    assert_eq!(parse_time(b"29/Feb/2025:00:00:00 +0000"), None);
    assert!(parse_time(b"29/Feb/2024:00:00:00 +0000").is_some());
}
