//! What a build takes from the machine rather than from the site: the moment it is built
//! (which decides whether a draft's consultation is still open, and which published
//! articles with a `publish_at` are online yet), whether to print the time of each stage,
//! and whether to write precompressed variants (`--compress`, which a site may also ask for
//! in `site.toml`). The command line reads them (the clock, or `SOURCE_DATE_EPOCH` for a
//! reproducible build; `STP_TIMINGS`; its flags) and hands them down; nothing in the
//! renderer reads the environment or the clock itself.

use chrono::{NaiveDate, NaiveDateTime};

/// How to build.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// The moment of the build, Vietnam local time.
    pub now: NaiveDateTime,
    /// Print how long each stage of a build took to stderr (for scripts/bench).
    pub timings: bool,
    /// Write precompressed variants beside the text files (`stp build --compress`; a site
    /// asks for them with `compress = true` in `site.toml`).
    pub compress: bool,
    /// Hold the articles' bodies compressed while building (`Some(true)`), plain
    /// (`Some(false)`), or decide by the size of the site (`None`: compressed past
    /// `stp_content::PACK_ABOVE` bytes of articles read). From `STP_PACK_BODIES`. The output
    /// is the same either way; only memory and time differ.
    pub pack_bodies: Option<bool>,
}

impl RenderOptions {
    /// A build at `now` (Vietnam local time), printing nothing.
    pub fn at(now: NaiveDateTime) -> RenderOptions {
        RenderOptions {
            now,
            timings: false,
            compress: false,
            pack_bodies: None,
        }
    }

    /// The day of the build.
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }
}

impl Default for RenderOptions {
    /// A build now by this machine's clock (the command line states the moment itself).
    fn default() -> RenderOptions {
        RenderOptions::at(
            chrono::Utc::now()
                .with_timezone(&stp_content::date::vietnam())
                .naive_local(),
        )
    }
}
