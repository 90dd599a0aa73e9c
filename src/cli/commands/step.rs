//! The shared body of the step commands (`submit`, `review`, `verify`, `approve`, `return`,
//! `reject`, `withdraw`, `publish`): sign the step, or list the caller's queue.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::cli::error::{CliError, CliResult};
use crate::cli::repo::find_root;
use crate::ledger::{StepOutcome, StepRequest, perform_step, queue, trusted_person};
use crate::workflow::{Action, Ground};

use super::signing::{KeyArgs, TrustArgs, article_path};

/// Signs `action` on `articles`, printing one line per article moved.
pub fn sign_step(
    root: &Path,
    action: Action,
    articles: &[PathBuf],
    reason: Option<String>,
    ground: Option<Ground>,
    key: &KeyArgs,
    trust: &TrustArgs,
) -> CliResult<StepOutcome> {
    let signer = key.signer(root)?;
    let articles = articles
        .iter()
        .map(|a| article_path(root, a))
        .collect::<CliResult<Vec<_>>>()?;
    let request = StepRequest {
        action,
        articles,
        reason,
        ground,
    };
    let outcome = perform_step(root, &signer, &request, &trust.options())?;
    for note in &outcome.notes {
        eprintln!("note: {note}");
    }
    for (path, from, to) in &outcome.steps {
        println!("{path}: {from} -> {to}");
    }
    println!(
        "signed by {} in commit {}",
        outcome.person,
        &outcome.commit[..12.min(outcome.commit.len())]
    );
    Ok(outcome)
}

/// Prints the articles waiting for `action` that the caller may sign.
pub fn list_queue(root: &Path, action: Action, key: &KeyArgs, trust: &TrustArgs) -> CliResult {
    let signer = key.signer(root).map_err(|e| {
        CliError::failed(format!(
            "`stp {action}` without an article lists your queue, which needs your key: {}",
            e.message
        ))
        .hint("give --key PATH, or name the article")
    })?;
    let ledger = trust.load(root)?;
    let (_, person) = trusted_person(&ledger, &signer)?;
    let items = queue(
        &ledger,
        person,
        action,
        trust.options().stated_date.as_deref(),
    );
    if items.is_empty() {
        println!("nothing waits for {} to {action}", person.id);
        return Ok(());
    }
    let now = chrono::Utc::now().timestamp();
    for (path, state, since) in items {
        println!("{path}  {state}, {} days", (now - since).max(0) / 86_400);
    }
    Ok(())
}

/// Arguments of `review`, `verify` and `approve`: articles, or none for the queue.
#[derive(Debug, Args)]
pub struct QueueStepArgs {
    /// The articles (content/…/x.md); none: list the articles waiting for you.
    pub articles: Vec<PathBuf>,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub trust: TrustArgs,
}

/// Arguments of `return` and `withdraw`: articles and a reason.
#[derive(Debug, Args)]
pub struct ReasonStepArgs {
    /// The articles (content/…/x.md).
    #[arg(required = true)]
    pub articles: Vec<PathBuf>,
    /// Why, in words the sender and the log will read.
    #[arg(long, required = true)]
    pub reason: String,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub trust: TrustArgs,
}

/// Runs `review`, `verify` or `approve`.
pub fn run_queue_step(repo: Option<PathBuf>, action: Action, args: QueueStepArgs) -> CliResult {
    let root = find_root(repo)?;
    if args.articles.is_empty() {
        return list_queue(&root, action, &args.key, &args.trust);
    }
    sign_step(
        &root,
        action,
        &args.articles,
        None,
        None,
        &args.key,
        &args.trust,
    )
    .map(|_| ())
}

/// Runs `return` or `withdraw`.
pub fn run_reason_step(repo: Option<PathBuf>, action: Action, args: ReasonStepArgs) -> CliResult {
    let root = find_root(repo)?;
    sign_step(
        &root,
        action,
        &args.articles,
        Some(args.reason),
        None,
        &args.key,
        &args.trust,
    )
    .map(|_| ())
}
