//! Adopting a site's articles from before stp (`stp adopt`): one commit, signed by an
//! admin, that records each article the ledger has never seen as published, as it stands
//! in the working tree with its bundle files. Each article is named by an `Stp-Adopt`
//! trailer with its `Stp-Blob`; `validity.rs` accepts it only from an admin of the trusted
//! people data and only for an article without a signed history.

use std::path::Path;

use git2::{ObjectType, Oid};

use stp_content::{SiteConfig, WorkingTree, parse_article};
use stp_workflow::{Role, State};

use super::article_text::with_status;
use super::error::{LedgerError, LedgerResult};
use super::history::{Ledger, LedgerOptions};
use super::next::Next;
use super::repo::{
    FileWrite, as_committed, commit_signed, head_commit, is_bundle_article, open, sync_worktree,
};
use super::sign::Signer;
use super::step_plan::bundle_changes;
use super::steps::{author, confirm, trusted_person};
use super::trailers::{StepTrailer, Trailers};

/// Which articles to adopt.
#[derive(Debug, Clone)]
pub enum AdoptSelection {
    /// These repository paths; one with a signed history is refused.
    Articles(Vec<String>),
    /// Every article in `content/` without a signed history; the others are skipped.
    All,
}

/// What an adoption wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AdoptOutcome {
    pub commit: String,
    pub person: String,
    pub adopted: Vec<String>,
    /// With `All`: the articles left alone because they have a signed history.
    pub skipped: Vec<String>,
}

/// Adopts the selected articles in the repository at `root`, signed by `signer`.
pub fn adopt(
    root: &Path,
    signer: &Signer,
    selection: &AdoptSelection,
    options: &LedgerOptions,
) -> LedgerResult<AdoptOutcome> {
    let ledger = Ledger::load(root, options)?;
    let (_, person) = trusted_person(&ledger, signer)?;
    if !person.has_role(Role::Admin) {
        return Err(LedgerError::refused_with(
            format!(
                "`{}` is not an admin: only an admin adopts the articles of a site from before stp",
                person.id
            ),
            Next::AdminAdopts,
        ));
    }
    let config = SiteConfig::load(&root.join("site.toml"))
        .map_err(|e| LedgerError::refused(e.to_string()))?;
    let history = |path: &str| {
        ledger
            .state
            .articles
            .get(path)
            .filter(|r| r.has_history())
            .map(|r| r.state)
    };
    let (articles, skipped) = match selection {
        AdoptSelection::All => {
            let all = WorkingTree::new(root, config.max_attachment_bytes)
                .article_paths()
                .map_err(|e| LedgerError::refused(e.to_string()))?;
            let all: Vec<String> = all
                .iter()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .collect();
            all.into_iter().partition(|p| history(p).is_none())
        }
        AdoptSelection::Articles(list) => {
            for path in list {
                if let Some(state) = history(path) {
                    return Err(LedgerError::refused_with(
                        format!(
                            "{path} already has a signed history (it is {state}): adopt is only for articles stp has never seen; nothing was adopted"
                        ),
                        Next::LogOrRevise {
                            article: path.clone(),
                        },
                    ));
                }
            }
            let mut list = list.clone();
            list.sort();
            list.dedup();
            (list, Vec::new())
        }
    };
    if articles.is_empty() {
        return Err(LedgerError::refused_with(
            "nothing to adopt: every article in content/ already has a signed history",
            Next::Status,
        ));
    }
    let repo = open(root)?;
    let head = head_commit(&repo)?.ok_or_else(|| {
        LedgerError::refused("the repository has no commit yet, so no admin is trusted")
    })?;
    let head_tree = head.tree().map_err(LedgerError::git("cannot read HEAD"))?;
    let mut writes = Vec::new();
    let mut removals = Vec::new();
    let mut trailers = Trailers {
        date: Some(options.surroundings.today),
        ..Trailers::default()
    };
    for path in &articles {
        let source = std::fs::read(root.join(path)).map_err(|_| {
            LedgerError::refused(format!("{path} does not exist in the working tree"))
        })?;
        parse_article(Path::new(path), &source, &config).map_err(|e| {
            LedgerError::refused_with(e.to_string(), Next::FixArticle { adopted: true })
        })?;
        let bytes = with_status(&source, State::Published.as_str()).ok_or_else(|| {
            LedgerError::refused(format!("{path} has no front matter between --- lines"))
        })?;
        let blob = Oid::hash_object(ObjectType::Blob, &bytes)
            .map_err(LedgerError::git("cannot hash the article"))?;
        if is_bundle_article(path) {
            bundle_changes(root, &repo, &head_tree, path, &mut writes, &mut removals)?;
        }
        writes.push(FileWrite {
            path: path.clone(),
            bytes,
        });
        trailers.steps.push(StepTrailer {
            article: path.clone(),
            blob: Some(blob.to_string()),
            adopt: true,
            ..StepTrailer::default()
        });
    }
    // A bundle with an English version lists its files once.
    writes.sort_by(|a, b| a.path.cmp(&b.path));
    writes.dedup_by(|a, b| a.path == b.path);
    removals.sort();
    removals.dedup();
    let summary = match articles.as_slice() {
        [one] => format!("stp: adopt {one} from before stp"),
        many => format!("stp: adopt {} articles from before stp", many.len()),
    };
    let commit = commit_signed(
        &repo,
        signer,
        &author(person, options)?,
        &head,
        &writes,
        &removals,
        &trailers.to_message(&summary),
    )?;
    sync_worktree(&repo, root, &as_committed(writes), &removals)?;
    let steps: Vec<(String, State, State)> = articles
        .iter()
        .map(|a| (a.clone(), State::Draft, State::Published))
        .collect();
    let person = person.id.clone();
    confirm(&ledger.advance(commit, options)?, commit, &steps)?;
    Ok(AdoptOutcome {
        commit: commit.to_string(),
        person,
        adopted: articles,
        skipped,
    })
}
