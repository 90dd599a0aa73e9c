//! The shared body of the step commands (`submit`, `review`, `verify`, `approve`, `return`,
//! `reject`, `withdraw`, `publish`): sign the step, or list the caller's queue.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{info, print_json};
use crate::cli::repo::find_root;
use crate::ledger::{Signer, StepOutcome, StepRequest, perform_step, queue, trusted_person};
use crate::workflow::{Action, Ground, State};

use super::signing::{SignedArgs, article_path, needed_reason};

/// Signs `action` on `articles`, printing one line per article moved (unless `--json`).
pub fn sign_step(
    root: &Path,
    action: Action,
    articles: &[PathBuf],
    reason: Option<String>,
    ground: Option<Ground>,
    sign: &SignedArgs,
) -> CliResult<Signed> {
    let signer = sign.key.signer(root)?;
    sign_step_as(root, &signer, action, articles, reason, ground, sign)
}

/// `sign_step` with a key already opened (so that a key with a passphrase is asked for
/// once when the command signs twice, as `stp publish` does to send).
pub fn sign_step_as(
    root: &Path,
    signer: &Signer,
    action: Action,
    articles: &[PathBuf],
    reason: Option<String>,
    ground: Option<Ground>,
    sign: &SignedArgs,
) -> CliResult<Signed> {
    let request = step_request(root, action, articles, reason, ground)?;
    let outcome = perform_step(root, signer, &request, &sign.trust.options())?;
    for note in &outcome.notes {
        info(format_args!("note: {note}"));
    }
    if !sign.json {
        for (path, from, to) in &outcome.steps {
            println!("{path}: {from} -> {to}");
        }
        println!(
            "signed by {} in commit {}",
            outcome.person,
            &outcome.commit[..12.min(outcome.commit.len())]
        );
    }
    Ok(Signed {
        action,
        fingerprint: signer.fingerprint.clone(),
        outcome,
    })
}

/// A step signed: what `--json` prints of it.
pub struct Signed {
    pub action: Action,
    pub fingerprint: String,
    pub outcome: StepOutcome,
}

impl Signed {
    /// Prints the step as JSON with `--json` (the lines for people are printed already).
    pub fn report(self, json: bool) {
        if json {
            print_json(&self.json());
        }
    }

    /// The fields of a step command's `--json` output.
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "action": self.action.to_string(),
            "commit": self.outcome.commit,
            "signer": { "id": self.outcome.person, "fingerprint": self.fingerprint },
            "steps": steps_json(&self.outcome.steps),
            "notes": self.outcome.notes,
        })
    }
}

/// The request for `action` on the articles the user named (paths as typed).
pub fn step_request(
    root: &Path,
    action: Action,
    articles: &[PathBuf],
    reason: Option<String>,
    ground: Option<Ground>,
) -> CliResult<StepRequest> {
    let articles = articles
        .iter()
        .map(|a| article_path(root, a))
        .collect::<CliResult<Vec<_>>>()?;
    Ok(StepRequest {
        action,
        articles,
        reason,
        ground,
    })
}

/// Steps `(article, from, to)` as the `steps` field of the `--json` outputs.
pub fn steps_json(steps: &[(String, State, State)]) -> Vec<serde_json::Value> {
    steps
        .iter()
        .map(
            |(article, from, to)| serde_json::json!({ "article": article, "from": from, "to": to }),
        )
        .collect()
}

/// Prints the articles waiting for `action` that the caller may sign.
pub fn list_queue(root: &Path, action: Action, sign: &SignedArgs) -> CliResult {
    let (key, trust) = (&sign.key, &sign.trust);
    let signer = key.signer(root).map_err(|e| {
        CliError::failed(format!(
            "`stp {action}` without an article lists your queue, which needs your key: {}",
            e.message
        ))
        .hint("give --key PATH, or name the article")
    })?;
    let ledger = trust.load(root)?;
    let (_, person) = trusted_person(&ledger, &signer)?;
    let items = queue(&ledger, person, action, &trust.options());
    let now = chrono::Utc::now().timestamp();
    let days = |since: i64| (now - since).max(0) / 86_400;
    if sign.json {
        let queue: Vec<serde_json::Value> = items
            .iter()
            .map(|(path, state, since)| {
                serde_json::json!({ "article": path, "state": state, "days": days(*since) })
            })
            .collect();
        print_json(&serde_json::json!({
            "action": action.to_string(),
            "person": person.id,
            "queue": queue,
        }));
        return Ok(());
    }
    if items.is_empty() {
        println!("nothing waits for {} to {action}", person.id);
        return Ok(());
    }
    for (path, state, since) in items {
        println!("{path}  {state}, {} days", days(since));
    }
    Ok(())
}

/// Arguments of `review`, `verify` and `approve`: articles, or none for the queue.
#[derive(Debug, Args)]
pub struct QueueStepArgs {
    /// The articles: the slug (x, section/x, x.en for the English version) or the path
    /// (content/…/x.md); none: list the articles waiting for you.
    pub articles: Vec<PathBuf>,
    #[command(flatten)]
    pub sign: SignedArgs,
}

/// Arguments of `return` and `withdraw`: articles and a reason.
#[derive(Debug, Args)]
pub struct ReasonStepArgs {
    /// The articles: the slug (x, section/x, x.en for the English version) or the path
    /// (content/…/x.md).
    #[arg(required = true)]
    pub articles: Vec<PathBuf>,
    /// Why, in words the sender and the log will read (needed).
    #[arg(long)]
    pub reason: Option<String>,
    #[command(flatten)]
    pub sign: SignedArgs,
}

/// Runs `review`, `verify` or `approve`.
pub fn run_queue_step(repo: Option<PathBuf>, action: Action, args: QueueStepArgs) -> CliResult {
    let root = find_root(repo)?;
    if args.articles.is_empty() {
        return list_queue(&root, action, &args.sign);
    }
    sign_step(&root, action, &args.articles, None, None, &args.sign)
        .map(|signed| signed.report(args.sign.json))
}

/// Runs `return` or `withdraw`.
pub fn run_reason_step(repo: Option<PathBuf>, action: Action, args: ReasonStepArgs) -> CliResult {
    let root = find_root(repo)?;
    sign_step(
        &root,
        action,
        &args.articles,
        Some(needed_reason(args.reason, action.as_str())?),
        None,
        &args.sign,
    )
    .map(|signed| signed.report(args.sign.json))
}
