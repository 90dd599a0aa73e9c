//! Doing our unsent commits again on top of the commits another clone sent first, for
//! `stp sync`. A signed commit cannot be moved without being signed again, so each of ours
//! is re-made on the new base and signed again with the user's own key — only when it
//! touches no article (and no trust data) that their new commits touched, its changes
//! apply cleanly, and it was signed by that same key (or not signed at all). Everything
//! else is *parked*: left out, and kept on a branch by the caller.

use std::collections::BTreeSet;
use std::path::Path;

use git2::{Commit, Oid, Repository};

use super::error::{LedgerError, LedgerResult};
use super::sign::Signer;
use super::trailers::Trailers;
use super::verify::SignatureCheck;

/// What a commit touches, for deciding whether two clones acted on the same thing: an
/// article (a bundle counts as its folder), `workflow/` as one unit, the site files
/// (`site.toml`, `themes/`, `static/`, and any site step) as one unit, or any other file.
pub fn touched(repo: &Repository, commit: &Commit<'_>) -> LedgerResult<BTreeSet<String>> {
    let tree = commit
        .tree()
        .map_err(LedgerError::git(format!("cannot read {}", commit.id())))?;
    let parent = match commit.parent(0) {
        Ok(p) => Some(
            p.tree()
                .map_err(LedgerError::git(format!("cannot read {}", p.id())))?,
        ),
        Err(_) => None,
    };
    let diff = repo
        .diff_tree_to_tree(parent.as_ref(), Some(&tree), None)
        .map_err(LedgerError::git(format!("cannot diff {}", commit.id())))?;
    let mut out = BTreeSet::new();
    for delta in diff.deltas() {
        for file in [delta.old_file(), delta.new_file()] {
            if let Some(path) = file.path().and_then(|p| p.to_str()) {
                out.insert(subject(path));
            }
        }
    }
    let message = String::from_utf8_lossy(commit.message_bytes()).into_owned();
    let trailers = Trailers::parse(&message);
    for step in trailers.steps {
        out.insert(subject(&step.article));
    }
    if trailers.site.is_some() {
        out.insert(SITE_FILES.into());
    }
    Ok(out)
}

/// The first line of a commit's message.
pub fn summary_of(commit: &Commit<'_>) -> String {
    String::from_utf8_lossy(commit.message_bytes())
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The unit a path belongs to (see [`touched`]).
fn subject(path: &str) -> String {
    if path.starts_with("workflow/") {
        return "workflow/".into();
    }
    if path == "site.toml" || path.starts_with("themes/") || path.starts_with("static/") {
        return SITE_FILES.into();
    }
    let p = Path::new(path);
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let in_bundle =
        path.starts_with("content/") && (name.starts_with("index.") || !name.ends_with(".md"));
    match p.parent().filter(|_| in_bundle) {
        Some(dir) => format!("{}/", dir.display()),
        None => path.to_string(),
    }
}

/// The unit of the site files.
const SITE_FILES: &str = "site files (site.toml, themes/, static/)";

/// One of our commits that was not done again, and why.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ParkedCommit {
    pub commit: String,
    pub summary: String,
    pub why: String,
}

/// The result of replaying our commits on their tip.
pub struct Replay {
    /// The new tip: their tip with our commits done again on top.
    pub tip: Oid,
    /// `(our commit, its new id)`.
    pub redone: Vec<(Oid, Oid)>,
    pub parked: Vec<ParkedCommit>,
}

/// Re-makes `ours` (oldest first, with the verdict on each one's signature in `checks`) on
/// top of `onto`. `blocked_by` names, for each unit their new commits touched, the commit
/// that touched it. `commit_time` is the committer time to write (`GIT_COMMITTER_DATE`).
pub fn replay(
    repo: &Repository,
    signer: Option<&Signer>,
    ours: &[Oid],
    checks: &[SignatureCheck],
    onto: Oid,
    blocked_by: &mut Vec<(String, String)>,
    commit_time: Option<&str>,
) -> LedgerResult<Replay> {
    let mut tip = onto;
    let mut redone = Vec::new();
    let mut parked = Vec::new();
    for (oid, check) in ours.iter().zip(checks) {
        let commit = repo
            .find_commit(*oid)
            .map_err(LedgerError::git(format!("cannot read commit {oid}")))?;
        let units = touched(repo, &commit)?;
        let summary = summary_of(&commit);
        let mut park = |why: String, blocked_by: &mut Vec<(String, String)>| {
            for unit in &units {
                blocked_by.push((unit.clone(), format!("your own parked commit `{summary}`")));
            }
            parked.push(ParkedCommit {
                commit: oid.to_string(),
                summary: summary.clone(),
                why,
            });
        };
        let clashes: Vec<String> = blocked_by
            .iter()
            .filter(|(unit, _)| units.contains(unit))
            .map(|(unit, by)| format!("{unit} was changed by {by}"))
            .collect();
        if !clashes.is_empty() {
            park(clashes.join("; "), blocked_by);
            continue;
        }
        if commit.parent_count() != 1 {
            park(
                "a merge commit cannot be done again; fast-forward instead".into(),
                blocked_by,
            );
            continue;
        }
        let sign_with = match (check.clone(), signer) {
            (SignatureCheck::Unsigned, _) => None,
            (SignatureCheck::Valid { fingerprint }, Some(s)) if s.fingerprint == fingerprint => {
                Some(s)
            }
            (SignatureCheck::Valid { fingerprint }, _) => {
                park(
                    format!(
                        "it is signed by {}'s key {fingerprint}, not yours: only they can sign it again (with `git cherry-pick` of it and `stp sync` with their key, or by signing the step again)",
                        commit.author().name().unwrap_or("someone")
                    ),
                    blocked_by,
                );
                continue;
            }
            (SignatureCheck::Invalid(why), _) => {
                park(format!("its signature is not valid ({why})"), blocked_by);
                continue;
            }
        };
        let base = repo
            .find_commit(tip)
            .map_err(LedgerError::git(format!("cannot read commit {tip}")))?;
        let mut index = repo
            .cherrypick_commit(&commit, &base, 0, None)
            .map_err(LedgerError::git(format!("cannot apply {oid} again")))?;
        if index.has_conflicts() {
            park(
                "its changes do not apply to the new files".into(),
                blocked_by,
            );
            continue;
        }
        let tree_id = index
            .write_tree_to(repo)
            .map_err(LedgerError::git("cannot write the tree"))?;
        let tree = repo
            .find_tree(tree_id)
            .map_err(LedgerError::git("cannot read the tree"))?;
        let author = commit.author();
        let committer = super::repo::identity(
            author.name().unwrap_or_default(),
            author.email().unwrap_or_default(),
            commit_time,
        )?;
        let message = String::from_utf8_lossy(commit.message_bytes()).into_owned();
        let new = match sign_with {
            Some(signer) => {
                let buffer = repo
                    .commit_create_buffer(&author, &committer, &message, &tree, &[&base])
                    .map_err(LedgerError::git("cannot prepare the commit"))?;
                let content = std::str::from_utf8(&buffer)
                    .map_err(|_| LedgerError::refused("the commit is not valid UTF-8"))?;
                let signature = signer.sign(content.as_bytes())?;
                repo.commit_signed(content, &signature, None)
                    .map_err(LedgerError::git("cannot write the signed commit"))?
            }
            None => repo
                .commit(None, &author, &committer, &message, &tree, &[&base])
                .map_err(LedgerError::git("cannot write the commit"))?,
        };
        redone.push((*oid, new));
        tip = new;
    }
    Ok(Replay {
        tip,
        redone,
        parked,
    })
}

#[cfg(test)]
mod tests {
    use super::{SITE_FILES, subject};

    #[test]
    fn a_bundle_is_one_unit_and_workflow_is_one_unit() {
        assert_eq!(subject("content/tin-tuc/a.md"), "content/tin-tuc/a.md");
        assert_eq!(
            subject("content/van-ban/qd/index.md"),
            "content/van-ban/qd/"
        );
        assert_eq!(
            subject("content/van-ban/qd/index.en.md"),
            "content/van-ban/qd/"
        );
        assert_eq!(subject("content/van-ban/qd/qd.pdf"), "content/van-ban/qd/");
        assert_eq!(subject("workflow/people.toml"), "workflow/");
        assert_eq!(subject("themes/default/templates/base.html"), SITE_FILES);
        assert_eq!(subject("static/logo.png"), SITE_FILES);
        assert_eq!(subject("site.toml"), SITE_FILES);
    }
}
