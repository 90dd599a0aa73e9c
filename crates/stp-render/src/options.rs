//! What a build takes from the machine rather than from the site: the day it is built
//! (which decides, for example, whether a draft's consultation is still open) and whether
//! to print the time of each stage. The command line reads them (the clock, or
//! `SOURCE_DATE_EPOCH` for a reproducible build; `STP_TIMINGS`) and hands them down;
//! nothing in the renderer reads the environment or the clock itself.

use chrono::NaiveDate;

/// How to build.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// The day of the build, in Vietnam.
    pub today: NaiveDate,
    /// Print how long each stage of a build took to stderr (for scripts/bench).
    pub timings: bool,
}

impl RenderOptions {
    /// A build on `today`, printing nothing.
    pub fn on(today: NaiveDate) -> RenderOptions {
        RenderOptions {
            today,
            timings: false,
        }
    }
}

impl Default for RenderOptions {
    /// A build today by this machine's clock (the command line states the day itself).
    fn default() -> RenderOptions {
        RenderOptions::on(
            chrono::Utc::now()
                .with_timezone(&stp_content::date::vietnam())
                .date_naive(),
        )
    }
}
