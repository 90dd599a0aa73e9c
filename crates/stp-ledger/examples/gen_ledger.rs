//! Generates a large signed history for the ledger benchmark (`scripts/bench-ledger`):
//! on top of a site whose board is already set up (first admin, contributor, editor,
//! secretary; the head holds verifier and approver), it writes ARTICLES new articles, each
//! taken through the five steps submit → review → verify → approve → publish by the right
//! person: real commits, signed with real ed25519 keys by the library's `Signer`, with the
//! trailers stp writes, valid under the real rules. It does not call the CLI per commit
//! nor read the ledger, so 50,000 commits take a minute, not hours.
//!
//! ```text
//! cargo run --release --example gen_ledger -- REPO KEYS ARTICLES [SECTIONS] [FIRST] [STEPS]
//! ```
//! KEYS holds the private keys `contributor`, `editor`, `head`, `secretary`. Articles are
//! numbered from FIRST (default 0), so a later run adds new articles; STEPS (1-5, default
//! 5) stops each article after that many steps (`… 1 17 N 1`: one new `submit` commit).
//! The branch HEAD points at moves to the last commit; the working tree is left alone
//! (`git reset --hard` brings it in line).

use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use git2::{FileMode, Oid, Repository, Signature, Time};
use stp_ledger::article_text::with_status;
use stp_ledger::{Signer, StepTrailer, Trailers};

/// The sections of the example site; articles are spread over them in turn.
const SECTIONS: [&str; 17] = [
    "tin-tuc",
    "pho-bien-phap-luat",
    "van-ban",
    "chi-dao-dieu-hanh",
    "thu-tuc-hanh-chinh",
    "hoi-dap",
    "huong-dan-nghiep-vu",
    "nghien-cuu-trao-doi",
    "hoi-nghi-tap-huan",
    "gop-y-du-thao",
    "lich-cong-tac",
    "thong-ke",
    "chien-luoc-ke-hoach",
    "du-an-dau-thau",
    "gioi-thieu",
    "lien-he",
    "danh-ba",
];

/// Articles taken through the steps together: submitted together, reviewed together…
const WAVE: usize = 10;

/// The five steps: (action, from, to, key file, author name).
const STEPS: [(&str, &str, &str, &str, &str); 5] = [
    (
        "submit",
        "draft",
        "submitted",
        "contributor",
        "Cộng Tác Viên",
    ),
    ("review", "submitted", "edited", "editor", "Biên Tập Viên"),
    ("verify", "edited", "verified", "head", "Trưởng Ban"),
    ("approve", "verified", "approved", "head", "Trưởng Ban"),
    ("publish", "approved", "published", "secretary", "Thư Ký"),
];

struct Args {
    repo: PathBuf,
    keys: PathBuf,
    articles: usize,
    sections: usize,
    first: usize,
    steps: usize,
}

fn args() -> Result<Args, String> {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_ledger REPO KEYS ARTICLES [SECTIONS] [FIRST] [STEPS]";
    let number = |i: usize, default: usize| -> Result<usize, String> {
        a.get(i).map_or(Ok(default), |s| {
            s.parse().map_err(|_| format!("{s}: not a number"))
        })
    };
    if a.len() < 3 {
        return Err(usage.into());
    }
    Ok(Args {
        repo: PathBuf::from(&a[0]),
        keys: PathBuf::from(&a[1]),
        articles: number(2, 0)?,
        sections: number(3, SECTIONS.len())?.clamp(1, SECTIONS.len()),
        first: number(4, 0)?,
        steps: number(5, STEPS.len())?.clamp(1, STEPS.len()),
    })
}

fn article_text(n: usize, date: NaiveDate) -> String {
    format!(
        "---\ntitle: \"Bài viết số {n}\"\ndate: {date} 08:30\nsummary: \"Tóm tắt của bài viết số {n} về công tác tư pháp.\"\ntags: [công tác tư pháp]\nauthor: \"Cộng Tác Viên\"\nstatus: draft\n---\n\nNội dung bài viết số {n}: Sở Tư pháp tỉnh Bình Phước triển khai công tác phổ biến, giáo dục pháp luật năm {year}.\n",
        year = 2019 + n % 8
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = args()?;
    let repo = Repository::open(&args.repo)?;
    let signer = |name: &str| Signer::load(&args.keys.join(name), None);
    let signers: Vec<Signer> = STEPS
        .iter()
        .map(|s| signer(s.3))
        .collect::<Result<_, _>>()?;
    let branch = repo
        .find_reference("HEAD")?
        .symbolic_target()
        .ok()
        .flatten()
        .ok_or("HEAD is not a branch")?
        .to_string();
    let mut parent = repo.head()?.peel_to_commit()?.id();
    let start = NaiveDate::from_ymd_opt(2019, 1, 1).ok_or("bad date")?;
    let base_time: i64 = 1_546_300_800; // 2019-01-01
    let mut written = 0usize;
    let numbers: Vec<usize> = (args.first..args.first + args.articles).collect();
    for wave in numbers.chunks(WAVE) {
        // The working text of each article of the wave (its status line changes).
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for (step, (action, from, to, _, name)) in STEPS.iter().enumerate().take(args.steps) {
            for (i, &n) in wave.iter().enumerate() {
                let k = n * STEPS.len() + step;
                let date = start
                    .checked_add_days(Days::new((k / 20) as u64))
                    .ok_or("date out of range")?;
                if step == 0 {
                    texts.push(article_text(n, date).into_bytes());
                }
                let bytes = with_status(&texts[i], to).ok_or("no front matter")?;
                texts[i] = bytes.clone();
                let path = format!("content/{}/bai-viet-{n:05}.md", SECTIONS[n % args.sections]);
                let blob = repo.blob(&bytes)?;
                let parent_commit = repo.find_commit(parent)?;
                let mut update = git2::build::TreeUpdateBuilder::new();
                update.upsert(path.as_str(), blob, FileMode::Blob);
                let tree = repo.find_tree(update.create_updated(&repo, &parent_commit.tree()?)?)?;
                let trailers = Trailers {
                    date: Some(date),
                    steps: vec![StepTrailer {
                        article: path.clone(),
                        transition: Some(format!("{from} -> {to}")),
                        blob: Some(blob.to_string()),
                        ..StepTrailer::default()
                    }],
                    ..Trailers::default()
                };
                let message = trailers.to_message(&format!("stp: {action} {path}"));
                let when = Time::new(base_time + k as i64 * 600, 420);
                let author = Signature::new(name, "bbt@stp.binhphuoc.gov.vn", &when)?;
                let buffer = repo.commit_create_buffer(
                    &author,
                    &author,
                    &message,
                    &tree,
                    &[&parent_commit],
                )?;
                let content = std::str::from_utf8(&buffer)?;
                let signature = signers[step].sign(content.as_bytes())?;
                parent = repo.commit_signed(content, &signature, None)?;
                written += 1;
            }
        }
        if written % 5000 < WAVE * STEPS.len() {
            eprintln!("{written} commits");
        }
    }
    repo.reference(&branch, parent, true, "gen_ledger")?;
    println!("{written} signed commits; HEAD {}", short(parent));
    Ok(())
}

fn short(oid: Oid) -> String {
    oid.to_string()[..10].to_string()
}
