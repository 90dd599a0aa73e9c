//! A step is planned, then committed, and the ledger it returns is read up to the new
//! commit without reading history again: the library's `perform_step_on`, on a real
//! repository with real keys. The state it returns must be exactly the state a fresh read
//! of the whole history gives, and a refused step must leave the repository untouched.

use stp::ledger::{Ledger, LedgerOptions, Signer, StepRequest, Surroundings, perform_step_on};
use stp::workflow::Action;

use crate::kit::repo::{Env, vietnam_today};

fn options() -> LedgerOptions {
    LedgerOptions {
        no_cache: true,
        surroundings: Surroundings::bare(vietnam_today()),
        ..LedgerOptions::default()
    }
}

fn request(action: Action, article: &str) -> StepRequest {
    StepRequest {
        action,
        articles: vec![article.to_string()],
        reason: None,
        ground: None,
    }
}

fn state_json(ledger: &Ledger) -> serde_json::Value {
    serde_json::to_value(&ledger.state).unwrap()
}

#[test]
fn steps_in_a_row_read_one_commit_each_and_match_a_fresh_read() {
    let env = Env::board();
    let article = env.draft("ke-hoach", "Kế hoạch.");
    let options = options();
    let key = |who: &str| Signer::load(&env.key(who), None).unwrap();
    let mut ledger = Ledger::load(&env.site, &options).unwrap();
    let commits = ledger.state.commits;
    for (who, action) in [
        ("contributor", Action::Submit),
        ("editor", Action::Review),
        ("verifier", Action::Verify),
    ] {
        let (outcome, next) =
            perform_step_on(ledger, &key(who), &request(action, &article), &options).unwrap();
        assert_eq!(outcome.steps.len(), 1, "{outcome:?}");
        // Only the new commit was read into the ledger it returns.
        assert_eq!(next.state.tip.as_deref(), Some(outcome.commit.as_str()));
        ledger = next;
    }
    assert_eq!(ledger.state.commits, commits + 3);
    assert_eq!(
        ledger.read_now,
        commits + 3,
        "the first read plus one per step"
    );
    let fresh = Ledger::load(&env.site, &options).unwrap();
    assert_eq!(state_json(&ledger), state_json(&fresh));
    assert_eq!(fresh.state.articles[&article].state.to_string(), "verified");
}

#[test]
fn a_refused_plan_writes_nothing() {
    let env = Env::board();
    let article = env.draft("tu-choi", "Bị từ chối.");
    let options = options();
    let head = env.git(&["rev-parse", "HEAD"]);
    let before = std::fs::read(env.site.join(&article)).unwrap();
    let ledger = Ledger::load(&env.site, &options).unwrap();
    // The editor cannot approve a draft: the plan refuses before anything is signed.
    let editor = Signer::load(&env.key("editor"), None).unwrap();
    let err = perform_step_on(
        ledger,
        &editor,
        &request(Action::Approve, &article),
        &options,
    )
    .err()
    .expect("an editor approving a draft is refused");
    assert!(err.to_string().contains(&article), "{err}");
    assert_eq!(env.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(std::fs::read(env.site.join(&article)).unwrap(), before);
    assert_eq!(env.git(&["status", "--porcelain"]), "");
}
