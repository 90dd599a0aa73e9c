//! What the ledger takes from the machine and the person's session rather than from the
//! repository: today's date in Vietnam, the commit time git would write, the user's state folder (where the cache key lives), the home
//! folder (for `~/` in git's `user.signingkey`), the ssh-agent's socket, and whether to
//! print the time of each phase of a read. The command line reads all of them once
//! (`src/cli/surroundings.rs`) and hands them down in `LedgerOptions`; nothing in this
//! crate reads an environment variable or the clock itself.

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};

use super::horizon::TOLERANCE_DAYS;

/// The machine and session the ledger runs in.
#[derive(Debug, Clone)]
pub struct Surroundings {
    /// Today in Vietnam (UTC+7), as the command line read the clock.
    pub today: NaiveDate,
    /// The commit time to write (`GIT_COMMITTER_DATE`, as git reads it: `@SECONDS
    /// [+HHMM]` or RFC 3339); `None`: now.
    pub commit_time: Option<String>,
    /// The user's state folder (`$XDG_STATE_HOME`, else `~/.local/state`); without one
    /// there is no cache key, so no cache.
    pub state_dir: Option<PathBuf>,
    /// The user's home folder, for `~/` in git's `user.signingkey`.
    pub home: Option<PathBuf>,
    /// The ssh-agent's socket (`SSH_AUTH_SOCK`), for keys that sign through the agent.
    pub agent: Option<PathBuf>,
    /// Print the time of each phase of a ledger read to stderr (`STP_LEDGER_TIMINGS`).
    pub timings: bool,
}

impl Surroundings {
    /// Only `today`: no stated date, no cache, no agent, no home (tests and tools that
    /// want nothing of the user's session).
    pub fn bare(today: NaiveDate) -> Surroundings {
        Surroundings {
            today,
            commit_time: None,
            state_dir: None,
            home: None,
            agent: None,
            timings: false,
        }
    }

    /// The latest date a step may state: tomorrow in Vietnam (`horizon.rs`).
    pub fn horizon(&self) -> NaiveDate {
        self.today
            .checked_add_days(Days::new(TOLERANCE_DAYS))
            .unwrap_or(self.today)
    }

    /// `~/x` → the home folder's `x`, as git does for `user.signingkey`.
    pub fn expand_home(&self, value: &str) -> PathBuf {
        match (value.strip_prefix("~/"), self.home.as_deref()) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => PathBuf::from(value),
        }
    }

    /// The file of the cache key, if there is a place for it.
    pub fn cache_key_file(&self) -> Option<PathBuf> {
        self.state_dir
            .as_deref()
            .map(|dir| Path::new(dir).join("stp").join("cache.key"))
    }
}

/// Today in Vietnam by this machine's clock: what `LedgerOptions::default()` starts from
/// (the command line reads the clock itself and says so).
pub fn clock_today() -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&stp_content::date::vietnam())
        .date_naive()
}

impl Default for Surroundings {
    fn default() -> Surroundings {
        Surroundings::bare(clock_today())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn horizon_is_tomorrow_and_home_expands() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let mut s = Surroundings::bare(day);
        assert_eq!(s.horizon(), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        assert_eq!(s.expand_home("~/k"), PathBuf::from("~/k"));
        s.home = Some(PathBuf::from("/home/an"));
        assert_eq!(s.expand_home("~/k"), PathBuf::from("/home/an/k"));
        assert_eq!(s.expand_home("/abs/k"), PathBuf::from("/abs/k"));
        assert_eq!(s.cache_key_file(), None);
        s.state_dir = Some(PathBuf::from("/s"));
        assert_eq!(s.cache_key_file(), Some(PathBuf::from("/s/stp/cache.key")));
    }
}
