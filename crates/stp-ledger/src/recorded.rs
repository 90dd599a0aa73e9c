//! What the reports read of history through the ledger: the recorded text of each article
//! the ledger knows (its published version, else its version in HEAD's commit) and the
//! position of each commit on HEAD's first-parent chain. Every object is read through the
//! checked object reader, with the same size limit as any other article version.

use std::collections::HashMap;
use std::path::Path;

use git2::Oid;
use stp_content::MAX_FILE_BYTES;

use super::error::{LedgerError, LedgerResult};
use super::history::Ledger;
use super::objects::{Mode, Objects, ReadError};
use super::repo::{head_id, open};

/// Each article of `ledger`'s state, in path order, with its recorded text: the version
/// its valid `publish` step made live, else its version in HEAD's commit; `None` when
/// neither can be read (missing, damaged or over the size limit).
pub fn recorded_versions(ledger: &Ledger) -> LedgerResult<Vec<(String, Option<Vec<u8>>)>> {
    let repo = open(&ledger.root)?;
    let objects =
        Objects::new(&repo).map_err(LedgerError::git("cannot read the object database"))?;
    let head_tree = match head_id(&repo)? {
        Some(head) => objects.commit(head).ok().map(|c| c.tree),
        None => None,
    };
    let read = |oid: Oid| objects.blob_within(oid, MAX_FILE_BYTES).ok()?.ok();
    let read_head = |path: &str| match objects.entry_at(head_tree?, path).ok()? {
        Some((Mode::File, oid)) => read(oid),
        _ => None,
    };
    Ok(ledger
        .state
        .articles
        .iter()
        .map(|(path, record)| {
            let bytes = match &record.live {
                Some(live) => Oid::from_str(&live.blob).ok().and_then(read),
                None => read_head(path),
            };
            (path.clone(), bytes)
        })
        .collect())
}

/// Each commit of the first-parent chain from HEAD of the repository at `root`, by id,
/// and its position, root first.
pub fn history_order(root: &Path) -> LedgerResult<HashMap<String, usize>> {
    let repo = open(root)?;
    let Some(head) = head_id(&repo)? else {
        return Ok(HashMap::new());
    };
    let (chain, _) = Objects::new(&repo)
        .map_err(ReadError::Missing)
        .and_then(|objects| objects.first_parents(head, None))
        .map_err(|e| LedgerError::git("cannot read the first-parent history")(e.into()))?;
    Ok(chain
        .into_iter()
        .enumerate()
        .map(|(i, c)| (c.to_string(), i))
        .collect())
}
