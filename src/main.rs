//! The `stp` binary: everything lives in the library; this only hands over the arguments,
//! and picks the memory allocator.

/// jemalloc rather than the C library's allocator: a build makes and frees millions of
/// small strings and values from two threads at once, where glibc's malloc took about
/// 8 % of a build's CPU. In alternating runs of the public build of 100,000 articles,
/// with the settings below, 13.3–14.5 s and 900–907 MiB at peak against glibc's
/// 14.2–15.9 s and 915–932 MiB (docs/bench.md).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, read before `main` (a C string): freed pages are given back to
/// the system after a second rather than ten, so a large build's peak stays under its
/// budget.
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static JEMALLOC_SETTINGS: &[u8; 37] = b"dirty_decay_ms:1000,muzzy_decay_ms:0\0";

fn main() -> std::process::ExitCode {
    stp::cli::main()
}
