//! Everything stp takes from the environment and the clock, read here and nowhere below
//! the command line: today in Vietnam (or the day of `SOURCE_DATE_EPOCH` for a
//! reproducible build), the date a signer states (`STP_DATE`), a fixed "now" for the
//! boards (`STP_NOW`), the commit time (`GIT_COMMITTER_DATE`), the user's state folder
//! (`XDG_STATE_HOME`, else `~/.local/state`: the cache key), the home folder, the
//! ssh-agent (`SSH_AUTH_SOCK`), the ssh command a deploy over ssh uses (`RSYNC_RSH`, as
//! rsync itself reads it), AWS's variables for a deploy to object storage
//! (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_REGION` or
//! `AWS_DEFAULT_REGION`, `AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL`), the mail server's
//! password for `stp notify` (`STP_SMTP_PASSWORD`, never kept in the repository), the
//! timing switches of the benchmarks (`STP_LEDGER_TIMINGS`, `STP_TIMINGS`), whether a
//! build holds the articles' bodies compressed (`STP_PACK_BODIES`: 1 or 0), the person's
//! config folder (`XDG_CONFIG_HOME`, else `~/.config`), a key's passphrase, asked on
//! the terminal, and the language of messages and help (`STP_LANG`, then the locale:
//! `LC_ALL`, `LC_MESSAGES`, `LANG`). The layers get them as values in their options.

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use stp_i18n::{Lang, UnknownLang};

use crate::ledger::{DATE_VAR, LedgerOptions, Surroundings};
use crate::render::RenderOptions;

/// A variable's value, unless unset or empty.
fn var(name: &str) -> Option<OsString> {
    std::env::var_os(name).filter(|v| !v.is_empty())
}

/// A variable's value as text, unless unset, empty or not UTF-8.
fn text(name: &str) -> Option<String> {
    var(name).and_then(|v| v.into_string().ok())
}

/// The ssh program and its arguments for a deploy over ssh: `RSYNC_RSH` split on spaces
/// (rsync's own variable, so one setting serves both), else `ssh`.
pub fn ssh_command() -> Vec<String> {
    let words: Vec<String> = text("RSYNC_RSH")
        .map(|v| v.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    if words.is_empty() {
        vec!["ssh".to_string()]
    } else {
        words
    }
}

/// How a deploy reaches object storage: AWS's standard variables, the endpoint of a
/// service other than AWS (`endpoint`, from `--endpoint`, else `AWS_ENDPOINT_URL_S3`, else
/// `AWS_ENDPOINT_URL`), and this machine's clock to date each signature. `Err` names the
/// variables missing for the credentials.
pub fn s3_access(endpoint: Option<String>) -> Result<crate::deploy::s3::S3Access, String> {
    let (Some(key_id), Some(secret)) = (text("AWS_ACCESS_KEY_ID"), text("AWS_SECRET_ACCESS_KEY"))
    else {
        return Err("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY".into());
    };
    Ok(crate::deploy::s3::S3Access {
        key_id,
        secret,
        session_token: text("AWS_SESSION_TOKEN"),
        region: text("AWS_REGION")
            .or_else(|| text("AWS_DEFAULT_REGION"))
            .unwrap_or_else(|| "us-east-1".into()),
        endpoint: endpoint
            .filter(|e| !e.is_empty())
            .or_else(|| text("AWS_ENDPOINT_URL_S3"))
            .or_else(|| text("AWS_ENDPOINT_URL")),
        clock: std::time::SystemTime::now,
    })
}

/// The environment variable that holds the mail server's password for `stp notify`.
pub const SMTP_PASSWORD_VAR: &str = "STP_SMTP_PASSWORD";

/// The mail server's password (`STP_SMTP_PASSWORD`), unless unset or empty.
pub fn smtp_password() -> Option<String> {
    text(SMTP_PASSWORD_VAR)
}

/// Today in Vietnam by this machine's clock.
pub fn today() -> NaiveDate {
    crate::ledger::clock_today()
}

/// What the ledger takes from the machine and the session.
pub fn ledger() -> Surroundings {
    let home = var("HOME").map(PathBuf::from);
    Surroundings {
        today: today(),
        commit_time: text("GIT_COMMITTER_DATE"),
        state_dir: var("XDG_STATE_HOME")
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".local/state"))),
        home,
        agent: var("SSH_AUTH_SOCK").map(PathBuf::from),
        timings: var("STP_LEDGER_TIMINGS").is_some(),
    }
}

/// The ledger's options: the pinned trust root (`--trust-root` or `STP_TRUST_ROOT`, else
/// the person's settings), the stated date and the surroundings.
pub fn ledger_options(trust_root: Option<String>) -> LedgerOptions {
    let trust_root = trust_root
        .filter(|s| !s.trim().is_empty())
        .or_else(|| super::settings::PersonSettings::current().trust_root);
    LedgerOptions {
        trust_root: trust_root.filter(|s| !s.trim().is_empty()),
        no_cache: false,
        stated_date: stated_date(),
        surroundings: ledger(),
    }
}

/// The date a signer states for a step when it is not today (`STP_DATE`, for entering
/// steps taken on paper on an earlier day): read here, checked by the ledger.
pub fn stated_date() -> Option<String> {
    std::env::var(DATE_VAR).ok()
}

/// The moment `stp status` and `stp report` count from when it is fixed (`STP_NOW`).
pub fn fixed_now() -> Option<String> {
    std::env::var(crate::report::status::NOW_VAR).ok()
}

/// Now, Vietnam local time: `STP_NOW` when it names a moment (tests, reports as of a
/// date), else the clock. For the desk, which asks on every reading of the board.
pub fn now_in_vietnam() -> chrono::NaiveDateTime {
    let clock = chrono::Utc::now();
    crate::report::status::now_in_vietnam(fixed_now().as_deref(), clock).unwrap_or_else(|_| {
        clock
            .with_timezone(&crate::content::date::vietnam())
            .naive_local()
    })
}

/// How to build: at the moment of `SOURCE_DATE_EPOCH` when set (a reproducible build),
/// else now; with stage timings when `STP_TIMINGS` is set; precompressed variants only as
/// the site's settings say (`stp build --compress` turns them on); bodies held compressed
/// as `STP_PACK_BODIES` says (1 always, 0 never), else past a size.
pub fn render() -> RenderOptions {
    let moment = text("SOURCE_DATE_EPOCH")
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        .unwrap_or_else(chrono::Utc::now);
    RenderOptions {
        now: moment
            .with_timezone(&crate::content::date::vietnam())
            .naive_local(),
        timings: var("STP_TIMINGS").is_some(),
        compress: false,
        pack_bodies: match text("STP_PACK_BODIES").as_deref().map(str::trim) {
            Some("1") => Some(true),
            Some("0") => Some(false),
            _ => None,
        },
    }
}

/// The person's home folder (`HOME`).
pub fn home() -> Option<PathBuf> {
    var("HOME").map(PathBuf::from)
}

/// Where the person's settings live: `XDG_CONFIG_HOME`, else `~/.config`.
pub fn config_dir() -> Option<PathBuf> {
    var("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".config")))
}

/// Asks the person at the terminal (`/dev/tty`, not stdin; nothing echoed) for a
/// passphrase; None when there is no terminal to ask on (a CI job, a script).
pub fn ask_passphrase(prompt: &str) -> Option<String> {
    rpassword::prompt_password(prompt).ok()
}

/// The language of the run: `flag` (`--lang`), else `STP_LANG`, else the locale
/// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`; `en_*` is English), else Vietnamese. A
/// flag or `STP_LANG` that names no language is refused.
pub fn language(flag: Option<&str>) -> Result<Lang, UnknownLang> {
    Lang::choose(
        flag,
        text("STP_LANG").as_deref(),
        locale().each_ref().map(|v| v.as_deref()),
    )
}

/// The language of the locale alone, for saying that `--lang` or `STP_LANG` is wrong.
pub fn locale_language() -> Lang {
    Lang::choose(None, None, locale().each_ref().map(|v| v.as_deref())).unwrap_or(Lang::Vi)
}

/// `LC_ALL`, `LC_MESSAGES` and `LANG`, in the order POSIX reads them.
fn locale() -> [Option<String>; 3] {
    ["LC_ALL", "LC_MESSAGES", "LANG"].map(text)
}
