//! How far ahead of the calendar a stated date (`Stp-Date`) may be. A stated date is the
//! signer's word and the ledger clock only moves forward, so one signer stating 2099 would
//! end every delegation for everyone. Signing refuses a date after tomorrow (Vietnam
//! time), and reading treats a step dated after the reading machine's tomorrow as not
//! valid and never lets that date move the clock. See "Dates and delegations" in
//! docs/pipeline.md.

use chrono::{Days, NaiveDate};

use super::steps::today;

/// Days a stated date may run ahead of today in Vietnam: a step signed late in the
/// evening on a machine whose clock is a little ahead still counts.
pub const TOLERANCE_DAYS: u64 = 1;

/// The latest date a step may state, read on this machine now.
pub fn horizon() -> NaiveDate {
    let today = today();
    today
        .checked_add_days(Days::new(TOLERANCE_DAYS))
        .unwrap_or(today)
}

/// Why a step stating `date` is not valid yet, if it states a date after `horizon`.
pub fn too_late(date: Option<NaiveDate>, horizon: NaiveDate) -> Option<String> {
    let date = date.filter(|d| *d > horizon)?;
    Some(format!(
        "it states {date}, after {horizon} (tomorrow in Vietnam on the machine that read it): a step is dated the day it is taken, so this date does not count and does not move the ledger clock"
    ))
}
