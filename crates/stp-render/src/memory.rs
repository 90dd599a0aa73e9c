//! Giving freed memory back to the system between the stages of a large build. glibc's
//! allocator keeps what a thread frees in that thread's arena, where other threads
//! cannot reuse it: the ledger's history, freed by the main thread before a public build,
//! and the articles' files, freed as they are parsed, would otherwise stay counted in the
//! process's memory while the build's worker threads ask the system for more.

/// Returns the free memory of every arena to the system (glibc's `malloc_trim`). The
/// `stp` binary allocates with jemalloc, which gives freed pages back on its own after a
/// second (`src/main.rs`); what glibc still holds there is the C libraries' (libgit2's,
/// while the ledger reads the history), and this trims that.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it has no
    // arguments to get wrong and cannot fail in a way that matters (its result says
    // whether anything was released).
    unsafe {
        libc::malloc_trim(0);
    }
}
