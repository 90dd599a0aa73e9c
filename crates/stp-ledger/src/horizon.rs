//! How far ahead of the calendar a stated date (`Stp-Date`) may be. A stated date is the
//! signer's word and the ledger clock only moves forward, so one signer stating 2099 would
//! end every delegation for everyone. Signing refuses a date after tomorrow (Vietnam
//! time), and reading treats a step dated after the reading machine's tomorrow as not
//! valid and never lets that date move the clock. See "Dates and delegations" in
//! docs/pipeline.md.

use chrono::NaiveDate;

use super::error::{LedgerError, LedgerResult};
use super::history::LedgerOptions;

/// Days a stated date may run ahead of today in Vietnam: a step signed late in the
/// evening on a machine whose clock is a little ahead still counts.
pub const TOLERANCE_DAYS: u64 = 1;

/// Why a step stating `date` is not valid yet, if it states a date after `horizon`.
pub fn too_late(date: Option<NaiveDate>, horizon: NaiveDate) -> Option<String> {
    let date = date.filter(|d| *d > horizon)?;
    Some(format!(
        "it states {date}, after {horizon} (tomorrow in Vietnam on the machine that read it): a step is dated the day it is taken, so this date does not count and does not move the ledger clock"
    ))
}

/// The environment variable that states another date than today in `Stp-Date` (for
/// entering steps taken on paper on an earlier day, and for tests). The command line
/// reads it into `LedgerOptions::stated_date`.
pub const DATE_VAR: &str = "STP_DATE";

/// What a commit states in `Stp-Date`: the options' stated date (YYYY-MM-DD, from
/// `STP_DATE`) when given, else today in Vietnam. Like any stated date it is the signer's
/// word: the ledger never lets it move a delegation window back, and reports never let
/// dates go back. A date after tomorrow (Vietnam time) is refused: the ledger would not
/// count the step.
pub fn stated_date(options: &LedgerOptions) -> LedgerResult<NaiveDate> {
    let today = options.surroundings.today;
    let date = match options.stated_date.as_deref() {
        Some(text) if !text.trim().is_empty() => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| {
                LedgerError::refused_with(
                    format!("{DATE_VAR}=`{text}` is not a date"),
                    format!("write it as YYYY-MM-DD, e.g. {DATE_VAR}=2026-03-02, or unset it"),
                )
            })?,
        _ => return Ok(today),
    };
    let latest = options.surroundings.horizon();
    if date > latest {
        return Err(LedgerError::refused_with(
            format!(
                "{DATE_VAR} states {date}, after {latest} (tomorrow in Vietnam): a step is dated the day it is taken or earlier"
            ),
            format!("state today's date ({today}) or an earlier one, or unset {DATE_VAR}"),
        ));
    }
    Ok(date)
}
