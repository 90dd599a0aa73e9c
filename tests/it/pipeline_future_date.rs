//! A stated date in the future: signing refuses `STP_DATE` after tomorrow (Vietnam time),
//! and a commit signed by hand stating 2099 is not a valid step, is listed by `stp audit`,
//! and does not move the ledger clock, so delegations keep working.

use crate::kit::repo::{Env, vietnam_today};
use chrono::Duration;

#[test]
fn stp_date_after_tomorrow_is_refused_when_signing() {
    let env = Env::board();
    let article = env.draft("mai-kia", "M.");
    let head = env.git(&["rev-parse", "HEAD"]);
    let key = env.key("contributor");
    let submit = |date: &str| {
        env.stp_env(
            &["submit", &article, "--key", key.to_str().unwrap()],
            &[("STP_DATE", date)],
        )
    };
    for date in [
        "2099-12-31".to_string(),
        (vietnam_today() + Duration::days(2)).to_string(),
    ] {
        let out = submit(&date);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(&format!("STP_DATE states {date}")), "{err}");
        assert!(err.contains("tomorrow"), "{err}");
        assert_eq!(env.git(&["rev-parse", "HEAD"]), head, "nothing committed");
    }
    // Tomorrow is within the tolerance.
    let tomorrow = (vietnam_today() + Duration::days(1)).to_string();
    let out = submit(&tomorrow);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(env.log(&article).contains("submit"));
}

#[test]
fn a_step_stating_2099_is_not_valid_and_does_not_stop_delegations() {
    let env = Env::board();
    env.add_person("deputy", &["editor"]);
    let today = vietnam_today();
    env.delegate(
        "approver",
        "deputy",
        "approver",
        &(today - Duration::days(1)).to_string(),
        &(today + Duration::days(1)).to_string(),
    );
    let article = env.draft("uy-quyen", "U.");
    env.step("contributor", "submit", &article);
    env.step("editor", "review", &article);
    env.step("verifier", "verify", &article);

    // The lowest role signs, by hand with git, a submission stating 2099.
    let other = env.draft("nam-2099", "N.");
    env.set_status(&other, "submitted");
    let message = format!(
        "submit\n\nStp-Date: 2099-12-31\nStp-Article: {other}\nStp-Transition: draft -> submitted\nStp-Blob: {}\n",
        env.blob(&other)
    );
    let forged = env.forge(Some("contributor"), &message, &[]);

    // Built with the cache first, then audited without: both see the same.
    env.ok(&["build"]);
    let issue = env.audit_issue(&forged);
    assert_eq!(issue["subject"], other.as_str());
    let why = issue["why"].as_str().unwrap();
    assert!(why.contains("2099-12-31"), "{why}");
    assert!(why.contains("does not move the ledger clock"), "{why}");
    assert!(env.log(&other).contains("2099-12-31"));

    // The deputy still acts for the approver today: the clock did not jump to 2099.
    env.step("deputy", "approve", &article);
    let log = env.log(&article);
    assert!(log.contains("for approver by delegation"), "{log}");
}
