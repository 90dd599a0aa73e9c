//! Web-server access logs (nginx/Apache "combined" format, plain or gzip) read into page
//! views per URL and per section, for the monthly report (Điều 18.5). Bots, assets,
//! errors, redirects and requests other than GET are counted apart and never as views; a
//! malformed line is counted as skipped, its place kept as an example, and never stops
//! the run. Lines are split with memchr and parsed without regexes, blocks in parallel.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use aho_corasick::AhoCorasick;
use memchr::{memchr, memchr_iter, memrchr};
use rayon::prelude::*;

/// How many malformed lines are kept as examples.
const SKIPPED_EXAMPLES: usize = 10;
/// Bytes read at a time; each block is parsed in parallel pieces.
const BLOCK: usize = 16 * 1024 * 1024;
const PIECE: usize = 512 * 1024;

/// User agents of robots, matched case-insensitively anywhere in the user agent.
const BOT_MARKERS: &[&str] = &[
    "bot",
    "crawl",
    "spider",
    "slurp",
    "curl/",
    "wget/",
    "python-",
    "go-http-client",
    "java/",
    "libwww",
    "httpclient",
    "headless",
    "scrapy",
    "facebookexternalhit",
    "feedfetcher",
    "monitor",
    "uptime",
    "preview",
    "lighthouse",
];

/// A half-open period `[from, until)` in Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: i64,
    pub until: i64,
}

/// Where a malformed line was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub file: PathBuf,
    pub line: u64,
}

/// What the logs say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogStats {
    pub lines: u64,
    pub views: u64,
    pub bots: u64,
    pub assets: u64,
    /// Requests other than a successful GET of a page (errors, redirects, POST, HEAD…).
    pub not_views: u64,
    pub outside_period: u64,
    pub skipped: u64,
    pub skipped_examples: Vec<Skipped>,
    /// Page views per URL path (`/tin-tuc/hoi-nghi/`).
    pub page_views: HashMap<String, u64>,
}

impl LogStats {
    /// Views per section slug (the first folder of the URL, after `/en/`); the home page
    /// is the empty slug.
    pub fn by_section(&self) -> BTreeMap<String, u64> {
        let mut out = BTreeMap::new();
        for (path, n) in &self.page_views {
            *out.entry(section_of(path).to_string()).or_insert(0) += n;
        }
        out
    }

    fn merge(&mut self, other: LogStats) {
        self.lines += other.lines;
        self.views += other.views;
        self.bots += other.bots;
        self.assets += other.assets;
        self.not_views += other.not_views;
        self.outside_period += other.outside_period;
        self.skipped += other.skipped;
        for s in other.skipped_examples {
            if self.skipped_examples.len() < SKIPPED_EXAMPLES {
                self.skipped_examples.push(s);
            }
        }
        for (path, n) in other.page_views {
            *self.page_views.entry(path).or_insert(0) += n;
        }
    }
}

/// The section slug of a page path.
pub fn section_of(path: &str) -> &str {
    let rest = path.trim_start_matches('/');
    let rest = rest.strip_prefix("en/").unwrap_or(rest);
    rest.split('/').next().unwrap_or("")
}

/// A log file could not be read (a malformed line is not an error).
#[derive(Debug, thiserror::Error)]
#[error("{file}: {source}")]
pub struct LogError {
    pub file: PathBuf,
    #[source]
    pub source: std::io::Error,
}

/// Reads every file (gzip is recognised by its first bytes) into one set of statistics.
pub fn read_logs(files: &[PathBuf], period: Option<Period>) -> Result<LogStats, LogError> {
    let parser = Parser::new(period);
    let mut total = LogStats::default();
    for file in files {
        let err = |source| LogError {
            file: file.clone(),
            source,
        };
        let mut f = std::fs::File::open(file).map_err(err)?;
        let mut magic = [0u8; 2];
        let n = read_full(&mut f, &mut magic).map_err(err)?;
        let head = std::io::Cursor::new(magic[..n].to_vec());
        let mut reader: Box<dyn Read> = if magic[..n] == [0x1f, 0x8b] {
            Box::new(flate2::read::MultiGzDecoder::new(head.chain(f)))
        } else {
            Box::new(head.chain(f))
        };
        total.merge(parser.read(file, &mut reader).map_err(err)?);
    }
    Ok(total)
}

fn read_full<R: Read + ?Sized>(r: &mut R, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Parses log text held in memory (the whole of one file).
pub fn parse_log_bytes(file: &Path, bytes: &[u8], period: Option<Period>) -> LogStats {
    Parser::new(period).block(file, bytes, 1)
}

struct Parser {
    period: Option<Period>,
    bots: AhoCorasick,
}

/// What one line is.
enum Line<'a> {
    View(&'a [u8]),
    Bot,
    Asset,
    NotView,
    Outside,
    Malformed,
}

impl Parser {
    fn new(period: Option<Period>) -> Self {
        let bots = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(BOT_MARKERS)
            .expect("constant patterns build");
        Parser { period, bots }
    }

    fn read(&self, file: &Path, reader: &mut dyn Read) -> std::io::Result<LogStats> {
        let mut stats = LogStats::default();
        let mut buf: Vec<u8> = Vec::with_capacity(BLOCK + PIECE);
        let mut first_line = 1u64;
        loop {
            let start = buf.len();
            buf.resize(start + BLOCK, 0);
            let n = read_full(reader, &mut buf[start..])?;
            buf.truncate(start + n);
            let end = if n == 0 {
                buf.len()
            } else {
                match memrchr(b'\n', &buf) {
                    Some(i) => i + 1,
                    None => continue,
                }
            };
            let block = self.block(file, &buf[..end], first_line);
            first_line += block.lines;
            stats.merge(block);
            buf.drain(..end);
            if n == 0 {
                return Ok(stats);
            }
        }
    }

    /// Parses complete lines in parallel pieces; `first_line` numbers the first of them.
    fn block(&self, file: &Path, bytes: &[u8], first_line: u64) -> LogStats {
        let mut pieces = Vec::new();
        let mut rest = bytes;
        while !rest.is_empty() {
            let cut = if rest.len() <= PIECE {
                rest.len()
            } else {
                memchr(b'\n', &rest[PIECE..]).map_or(rest.len(), |i| PIECE + i + 1)
            };
            pieces.push(&rest[..cut]);
            rest = &rest[cut..];
        }
        let parsed: Vec<(LogStats, Vec<u64>)> = pieces.par_iter().map(|p| self.piece(p)).collect();
        let mut stats = LogStats::default();
        let mut line = first_line;
        for (piece, bad_lines) in parsed {
            for bad in bad_lines {
                if stats.skipped_examples.len() < SKIPPED_EXAMPLES {
                    stats.skipped_examples.push(Skipped {
                        file: file.to_path_buf(),
                        line: line + bad,
                    });
                }
            }
            line += piece.lines;
            stats.merge(piece);
        }
        stats
    }

    /// One piece of complete lines; returns the statistics and the 0-based numbers of
    /// the first malformed lines within it.
    fn piece(&self, bytes: &[u8]) -> (LogStats, Vec<u64>) {
        let mut stats = LogStats::default();
        let mut views: HashMap<&[u8], u64> = HashMap::new();
        let mut bad = Vec::new();
        let mut start = 0;
        let ends = memchr_iter(b'\n', bytes)
            .chain((!bytes.ends_with(b"\n") && !bytes.is_empty()).then_some(bytes.len()));
        for end in ends {
            let mut line = &bytes[start..end];
            start = end + 1;
            if let Some(l) = line.strip_suffix(b"\r") {
                line = l;
            }
            let index = stats.lines;
            stats.lines += 1;
            if line.is_empty() {
                continue;
            }
            match self.classify(line) {
                Line::View(path) => {
                    stats.views += 1;
                    *views.entry(path).or_insert(0) += 1;
                }
                Line::Bot => stats.bots += 1,
                Line::Asset => stats.assets += 1,
                Line::NotView => stats.not_views += 1,
                Line::Outside => stats.outside_period += 1,
                Line::Malformed => {
                    stats.skipped += 1;
                    if bad.len() < SKIPPED_EXAMPLES {
                        bad.push(index);
                    }
                }
            }
        }
        for (path, n) in views {
            *stats.page_views.entry(normalise(path)).or_insert(0) += n;
        }
        (stats, bad)
    }

    /// `host ident user [time] "METHOD path PROTO" status bytes "referer" "agent"`.
    fn classify<'a>(&self, line: &'a [u8]) -> Line<'a> {
        let Some(fields) = split_combined(line) else {
            return Line::Malformed;
        };
        let Some(when) = parse_time(fields.time) else {
            return Line::Malformed;
        };
        if let Some(p) = self.period
            && !(p.from..p.until).contains(&when)
        {
            return Line::Outside;
        }
        let ok = matches!(fields.status, 200..=299 | 304);
        if fields.method != b"GET" || !ok || !fields.path.starts_with(b"/") {
            return Line::NotView;
        }
        let path = match memchr(b'?', fields.path).or_else(|| memchr(b'#', fields.path)) {
            Some(i) => &fields.path[..i],
            None => fields.path,
        };
        if is_asset(path) {
            return Line::Asset;
        }
        if self.bots.is_match(fields.agent) {
            return Line::Bot;
        }
        Line::View(path)
    }
}

struct Fields<'a> {
    time: &'a [u8],
    method: &'a [u8],
    path: &'a [u8],
    status: u16,
    agent: &'a [u8],
}

fn split_combined(line: &[u8]) -> Option<Fields<'_>> {
    let open = memchr(b'[', line)?;
    let close = open + memchr(b']', &line[open..])?;
    let time = &line[open + 1..close];
    let rest = line[close + 1..].strip_prefix(b" \"")?;
    let req_end = memchr(b'"', rest)?;
    let request = &rest[..req_end];
    let mut parts = request.split(|&b| b == b' ');
    let method = parts.next()?;
    let path = parts.next()?;
    let proto = parts.next()?;
    if method.is_empty() || path.is_empty() || !proto.starts_with(b"HTTP/") {
        return None;
    }
    let rest = rest[req_end + 1..].strip_prefix(b" ")?;
    let sp = memchr(b' ', rest)?;
    let status = parse_u16(&rest[..sp])?;
    let rest = &rest[sp + 1..];
    let sp = memchr(b' ', rest)?;
    let bytes = &rest[..sp];
    if bytes != b"-" && !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // "referer" "agent": the agent is the last quoted field.
    let rest = rest[sp + 1..].strip_prefix(b"\"")?;
    let ref_end = memchr(b'"', rest)?;
    let rest = rest[ref_end + 1..].strip_prefix(b" \"")?;
    let agent_end = memchr(b'"', rest)?;
    Some(Fields {
        time,
        method,
        path,
        status,
        agent: &rest[..agent_end],
    })
}

fn parse_u16(b: &[u8]) -> Option<u16> {
    if b.len() != 3 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0')))
}

fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
}

/// `10/Oct/2026:13:55:36 -0700` as Unix seconds.
fn parse_time(t: &[u8]) -> Option<i64> {
    if t.len() != 26 || t[2] != b'/' || t[6] != b'/' || t[11] != b':' || t[20] != b' ' {
        return None;
    }
    let day = digits(&t[0..2])?;
    let month = match &t[3..6] {
        b"Jan" => 1,
        b"Feb" => 2,
        b"Mar" => 3,
        b"Apr" => 4,
        b"May" => 5,
        b"Jun" => 6,
        b"Jul" => 7,
        b"Aug" => 8,
        b"Sep" => 9,
        b"Oct" => 10,
        b"Nov" => 11,
        b"Dec" => 12,
        _ => return None,
    };
    let year = digits(&t[7..11])?;
    let (h, m, s) = (
        digits(&t[12..14])?,
        digits(&t[15..17])?,
        digits(&t[18..20])?,
    );
    let sign = match t[21] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let offset = sign * (digits(&t[22..24])? * 3600 + digits(&t[24..26])? * 60);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=month_days).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + s - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A file that is not a page: the theme's assets, pictures, scripts, feeds, downloads.
fn is_asset(path: &[u8]) -> bool {
    if path.starts_with(b"/assets/") || path.starts_with(b"/static/") {
        return true;
    }
    let last = memrchr(b'/', path).map_or(path, |i| &path[i + 1..]);
    match memrchr(b'.', last) {
        None => false,
        Some(i) => !matches!(&last[i + 1..], b"html" | b"htm"),
    }
}

/// `/a/b`, `/a/b/` and `/a/b/index.html` are the same page: `/a/b/`.
fn normalise(path: &[u8]) -> String {
    let text = String::from_utf8_lossy(path);
    let text = text.strip_suffix("index.html").unwrap_or(&text);
    if text.ends_with('/') || text.ends_with(".html") || text.ends_with(".htm") {
        text.to_string()
    } else {
        format!("{text}/")
    }
}

#[cfg(test)]
mod tests;
