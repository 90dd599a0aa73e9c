//! Reading what is on the public site for one article, and where HEAD stands, for readers
//! that show rather than build: the desk's diff of a revision against the live version,
//! and its cache of the board, which it reads again only when HEAD moves.

use std::path::Path;

use git2::{ObjectType, Oid};

use super::error::{LedgerError, LedgerResult};
use super::objects::Objects;
use super::repo::{head_id, open};
use super::state::LiveVersion;

/// The text of the version of an article on the public site (the blob its valid
/// `publish` step signed), read with its id checked.
pub fn live_text(root: &Path, live: &LiveVersion) -> LedgerResult<Vec<u8>> {
    let repo = open(root)?;
    let oid = Oid::from_str(&live.blob).map_err(LedgerError::git("a live version's id"))?;
    let objects = Objects::new(&repo).map_err(LedgerError::git("cannot open the objects"))?;
    objects.read(oid, ObjectType::Blob).map_err(|e| {
        LedgerError::refused(format!(
            "the live version {} cannot be read: {e}",
            live.blob
        ))
    })
}

/// The commit HEAD points at, as hex; `None` before the first commit.
pub fn head_hex(root: &Path) -> LedgerResult<Option<String>> {
    let repo = open(root)?;
    Ok(head_id(&repo)?.map(|oid| oid.to_string()))
}
