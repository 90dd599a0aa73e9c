//! How long the precompressed variants take at each level, and how small they come out,
//! over the text files of a built site (those that get variants): the measurement behind
//! `compress::BROTLI_QUALITY` (docs/bench.md, "Precompressed variants"). Each level
//! compresses every file once, in parallel on all cores, as the build does.
//!
//!     cargo run --release -p stp-render --example compress_levels -- BUILT_SITE [LEVEL…]
//!
//! A level is `gz` (gzip at its best, what the build writes) or `brN` (brotli at quality
//! N); by default `gz br4 br5 br6 br8 br9 br10 br11`.

use rayon::prelude::*;
use stp_render::compress::{brotli, gets_variants, gzip};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: compress_levels BUILT_SITE [gz|brN]…");
        std::process::exit(2);
    };
    let mut levels: Vec<String> = args.collect();
    if levels.is_empty() {
        levels = ["gz", "br4", "br5", "br6", "br8", "br9", "br10", "br11"]
            .map(String::from)
            .to_vec();
    }
    let files: Vec<Vec<u8>> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(&dir)
                .ok()?
                .to_string_lossy()
                .into_owned();
            let body = std::fs::read(e.path()).ok()?;
            gets_variants(&rel, &body).then_some(body)
        })
        .collect();
    let plain: usize = files.iter().map(Vec::len).sum();
    println!(
        "{} files that get variants, {:.1} MiB, {} threads",
        files.len(),
        plain as f64 / 1_048_576.0,
        rayon::current_num_threads()
    );
    for level in &levels {
        let quality = match level.strip_prefix("br").map(str::parse::<i32>) {
            None if level == "gz" => None,
            Some(Ok(q)) if (0..=11).contains(&q) => Some(q),
            _ => {
                eprintln!("{level}: not gz or br0 … br11");
                std::process::exit(2);
            }
        };
        let started = std::time::Instant::now();
        let bytes: usize = files
            .par_iter()
            .map(|body| match quality {
                None => gzip(body).len(),
                Some(q) => brotli(body, q).len(),
            })
            .sum();
        println!(
            "{level:>5}: {:6.2} s, {:6.1} MiB, {:4.1} % of the files",
            started.elapsed().as_secs_f64(),
            bytes as f64 / 1_048_576.0,
            100.0 * bytes as f64 / plain as f64
        );
    }
}
