//! Changing the trust data: adding and removing people, delegating a role, and the first
//! admin. A change is always made on the last *trusted* version of `workflow/`, never on
//! unauthorised edits lying in history (they are listed, then overwritten) or in the
//! working tree (stp refuses until they are dropped), and it is signed by an admin of that
//! version — or, for the very first admin, by that admin's own key.

use std::collections::BTreeSet;
use std::path::Path;

use git2::{ObjectType, Oid, Repository};

use stp_workflow::{
    Delegation, PEOPLE_FILE, People, Person, Role, WORKFLOW_FILE, WorkflowConfig, is_valid_id,
    parse_public_key,
};

use super::error::{LedgerError, LedgerResult};
use super::history::{Ledger, LedgerOptions};
use super::horizon::stated_date;
use super::next::Next;
use super::objects::{Objects, ReadError};
use super::repo::{
    FileWrite, as_committed, blob_at, commit_signed, head_commit, identity, open, sync_worktree,
};
use super::sign::Signer;
use super::steps::author;
use super::trailers::Trailers;

/// A change to `workflow/people.toml`.
#[derive(Debug, Clone)]
pub enum PeopleChange {
    /// Add a person, or update the one with the same id, keeping the roles and details
    /// they hold that the change does not name (`People::merge`).
    Add(Person),
    Remove(String),
    Delegate(Delegation),
    /// Give a person one more role.
    Grant {
        id: String,
        role: Role,
    },
    /// Take one role from a person, keeping the rest.
    Revoke {
        id: String,
        role: Role,
    },
}

impl PeopleChange {
    fn describe(&self) -> String {
        match self {
            PeopleChange::Add(p) => format!(
                "people add {} ({})",
                p.id,
                p.roles
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            PeopleChange::Remove(id) => format!("people remove {id}"),
            PeopleChange::Grant { id, role } => format!("people grant {id} {role}"),
            PeopleChange::Revoke { id, role } => format!("people revoke {id} {role}"),
            PeopleChange::Delegate(d) => format!(
                "people delegate {} to {} as {} from {} until {}",
                d.from, d.to, d.role, d.start, d.until
            ),
        }
    }
}

/// What a trust change wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PeopleOutcome {
    pub commit: String,
    /// The files in HEAD's `workflow/` that held unauthorised edits, now set back.
    pub ignored_edits: Vec<String>,
    /// This change made the first trusted version.
    pub first_admin: bool,
    /// What changed for the person, one line each (`role granted: editor`).
    pub changes: Vec<String>,
}

/// Applies `change`, signed by `signer`, in the repository at `root`.
pub fn change_people(
    root: &Path,
    signer: &Signer,
    change: &PeopleChange,
    options: &LedgerOptions,
) -> LedgerResult<PeopleOutcome> {
    let ledger = Ledger::load(root, options)?;
    let repo = open(root)?;
    let head = head_commit(&repo)?.ok_or_else(|| {
        LedgerError::refused_with("the repository has no commit yet", Next::CommitSiteFirst)
    })?;
    let head_tree = head.tree().map_err(LedgerError::git("cannot read HEAD"))?;
    let head_files = workflow_files(&repo, head_tree.id())?;
    refuse_uncommitted_edits(root, &head_files)?;
    let (base_files, mut people, first_admin) = match ledger.trusted.as_deref() {
        Some(trusted) => {
            let admin = trusted
                .people
                .by_fingerprint(&signer.fingerprint)
                .filter(|p| p.has_role(Role::Admin));
            if admin.is_none() {
                return Err(LedgerError::refused_with(
                    format!(
                        "the key {} is not an admin's in the trusted {PEOPLE_FILE}",
                        signer.fingerprint
                    ),
                    "only an admin changes the trust data: ask one to run this command",
                ));
            }
            (
                tree_files(&repo, trusted.tree, "workflow")?,
                trusted.people.clone(),
                false,
            )
        }
        None => {
            first_admin_allowed(change, signer, options)?;
            let mut files = head_files.clone();
            files.retain(|(p, _)| p != PEOPLE_FILE);
            (files, People::default(), true)
        }
    };
    let changes = apply_change(&mut people, change)
        .map_err(|m| LedgerError::refused(format!("{PEOPLE_FILE}: {m}")))?;
    if changes.is_empty() {
        return Err(LedgerError::refused_with(
            format!("{PEOPLE_FILE}: {} changes nothing", change.describe()),
            Next::PeopleList,
        ));
    }
    if people.admins().next().is_none() {
        return Err(LedgerError::refused_with(
            format!("{PEOPLE_FILE} would be left without an admin"),
            "add another admin first",
        ));
    }
    let text = people.to_toml();
    People::parse(&text)?;
    let mut new_files: Vec<FileWrite> = base_files
        .into_iter()
        .filter(|(p, _)| p != PEOPLE_FILE)
        .map(|(path, bytes)| FileWrite { path, bytes })
        .collect();
    new_files.push(FileWrite {
        path: PEOPLE_FILE.to_string(),
        bytes: text.into_bytes(),
    });
    check_settings(&new_files)?;
    let kept: BTreeSet<&str> = new_files.iter().map(|f| f.path.as_str()).collect();
    let removals: Vec<String> = head_files
        .iter()
        .map(|(p, _)| p.clone())
        .filter(|p| !kept.contains(p.as_str()))
        .collect();
    let ignored_edits = if first_admin {
        Vec::new()
    } else {
        ignored_edits(&ledger, &head_files, &new_files, &removals)
    };
    let description = change.describe();
    let trailers = Trailers {
        date: Some(stated_date(options)?),
        trust: Some(description.clone()),
        ..Trailers::default()
    };
    let author = match people.by_fingerprint(&signer.fingerprint) {
        Some(person) => author(person, options)?,
        None => identity(
            "stp admin",
            "admin@stp.invalid",
            options.surroundings.commit_time.as_deref(),
        )?,
    };
    let commit = commit_signed(
        &repo,
        signer,
        &author,
        &head,
        &new_files,
        &removals,
        &trailers.to_message(&format!("stp: {description}")),
    )?;
    sync_worktree(&repo, root, &as_committed(new_files), &removals)?;
    let after = ledger.advance(commit, options)?;
    if after.state.trust.since.as_deref() != Some(commit.to_string().as_str()) {
        let why = after
            .state
            .issues
            .iter()
            .rev()
            .find(|i| i.commit == commit.to_string())
            .map(|i| i.why.clone())
            .unwrap_or_else(|| "it was not read as a trust change".into());
        return Err(LedgerError::refused(format!(
            "commit {commit} was written but is not trusted: {why}"
        )));
    }
    Ok(PeopleOutcome {
        commit: commit.to_string(),
        ignored_edits,
        first_admin,
        changes,
    })
}

/// The edits in HEAD's workflow/ files that the signed change leaves out: files that differ
/// from what is committed now, a people file that is not the trusted one, removed files.
fn ignored_edits(
    ledger: &Ledger,
    head_files: &[(String, Vec<u8>)],
    new_files: &[FileWrite],
    removals: &[String],
) -> Vec<String> {
    let mut changed: Vec<String> = head_files
        .iter()
        .filter(|(p, b)| {
            p != PEOPLE_FILE && !new_files.iter().any(|f| &f.path == p && &f.bytes == b)
        })
        .map(|(p, _)| p.clone())
        .collect();
    let trusted_people = ledger
        .trusted
        .as_deref()
        .map(|t| t.people.to_toml())
        .unwrap_or_default();
    let head_people = head_files.iter().find(|(p, _)| p == PEOPLE_FILE);
    if head_people.is_some_and(|(_, b)| {
        People::parse(&String::from_utf8_lossy(b))
            .map(|p| p.to_toml())
            .ok()
            != Some(trusted_people.clone())
    }) {
        changed.push(PEOPLE_FILE.to_string());
    }
    changed.extend(removals.iter().cloned());
    changed
}

/// Applies `change` to `people`; returns what changed, one line each.
fn apply_change(people: &mut People, change: &PeopleChange) -> Result<Vec<String>, String> {
    let said = |done: bool, line: String| if done { vec![line] } else { Vec::new() };
    Ok(match change {
        PeopleChange::Add(p) => people.merge(p.clone())?,
        PeopleChange::Remove(id) => vec![format!("removed: {}", people.remove(id)?.name)],
        PeopleChange::Delegate(d) => {
            people.delegate(d.clone())?;
            vec![change.describe()]
        }
        PeopleChange::Grant { id, role } => said(
            people.grant_role(id, *role)?,
            format!("role granted: {role}"),
        ),
        PeopleChange::Revoke { id, role } => said(
            people.revoke_role(id, *role)?,
            format!("role revoked: {role}"),
        ),
    })
}

/// Without a trusted admin, the only change is adding the first admin, signed with that
/// admin's own key (and matching the pinned trust root, when one is given).
fn first_admin_allowed(
    change: &PeopleChange,
    signer: &Signer,
    options: &LedgerOptions,
) -> LedgerResult<()> {
    let ok = matches!(change, PeopleChange::Add(p)
        if p.has_role(Role::Admin) && p.fingerprint == signer.fingerprint);
    if !ok {
        return Err(LedgerError::refused_with(
            "no admin has signed the trust data yet; the first change adds an admin, signed with that admin's own key",
            Next::AddYourselfAsFirstAdmin,
        ));
    }
    if let Some(pin) = options.trust_root.as_deref()
        && pin != signer.fingerprint
    {
        return Err(LedgerError::refused(format!(
            "the key {} is not the pinned trust root {pin}",
            signer.fingerprint
        )));
    }
    Ok(())
}

/// `(repository path, bytes)` of every file under `prefix` in `tree`, each checked
/// against its id.
fn tree_files(repo: &Repository, tree: Oid, prefix: &str) -> LedgerResult<Vec<(String, Vec<u8>)>> {
    let read = || -> Result<_, ReadError> {
        let objects = Objects::new(repo).map_err(ReadError::Missing)?;
        objects
            .files_under(tree)?
            .into_iter()
            .map(|(path, id)| {
                Ok((
                    format!("{prefix}/{path}"),
                    objects.read(id, ObjectType::Blob)?,
                ))
            })
            .collect()
    };
    read().map_err(|e| LedgerError::git(format!("cannot read {prefix}/"))(e.into()))
}

/// The files of `workflow/` in the root tree `tree`.
fn workflow_files(repo: &Repository, tree: Oid) -> LedgerResult<Vec<(String, Vec<u8>)>> {
    let folder = Objects::new(repo)
        .map_err(ReadError::Missing)
        .and_then(|objects| objects.subtree_at(tree, "workflow"))
        .map_err(|e| LedgerError::git("cannot read workflow/")(e.into()))?;
    match folder {
        Some(t) => tree_files(repo, t, "workflow"),
        None => Ok(Vec::new()),
    }
}

/// Refuses when `workflow/` in the working tree differs from HEAD: stp never folds
/// uncommitted trust edits into an admin's signed change.
fn refuse_uncommitted_edits(root: &Path, head_files: &[(String, Vec<u8>)]) -> LedgerResult<()> {
    let mut differing = Vec::new();
    for (path, bytes) in head_files {
        if std::fs::read(root.join(path)).ok().as_ref() != Some(bytes) {
            differing.push(path.clone());
        }
    }
    if let Ok(entries) = walkdir::WalkDir::new(root.join("workflow"))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
    {
        for e in entries.iter().filter(|e| e.file_type().is_file()) {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap_or(e.path())
                .to_string_lossy()
                .to_string();
            if !head_files.iter().any(|(p, _)| *p == rel) {
                differing.push(rel);
            }
        }
    }
    if differing.is_empty() {
        return Ok(());
    }
    Err(LedgerError::refused_with(
        format!(
            "uncommitted edits to the trust data: {}; stp makes an admin's change on the trusted version only",
            differing.join(", ")
        ),
        "drop them (`git checkout -- workflow/`) and run the command again",
    ))
}

/// The allowed-signers text for `git verify-commit` (gpg.ssh.allowedSignersFile): every
/// key that was ever trusted, so that every commit stp signed verifies. Each line is
/// exactly `principal namespaces="git" ssh-ed25519 BASE64`, rebuilt from the checked id
/// and key, never copied from `people.toml`: no comment, option or second line can reach
/// the file, whatever an admin signed.
pub fn export_allowed_signers(ledger: &Ledger) -> LedgerResult<String> {
    let repo = open(&ledger.root)?;
    let mut seen = BTreeSet::new();
    let mut out = String::from("# written by `stp people export-allowed-signers`\n");
    for tree in &ledger.state.trusted_history {
        let Ok(trusted) = git2::Oid::from_str(tree)
            .map_err(|e| e.to_string())
            .and_then(|oid| super::trust::parse_trust_tree(&repo, oid))
        else {
            continue;
        };
        for p in &trusted.people.persons {
            if seen.insert((p.id.clone(), p.fingerprint.clone())) {
                out.push_str(&allowed_signer_line(p)?);
            }
        }
    }
    Ok(out)
}

/// One line of the allowed-signers file for `person`.
fn allowed_signer_line(person: &Person) -> LedgerResult<String> {
    let refuse = |why: String| {
        LedgerError::refused_with(
            format!("{PEOPLE_FILE}: {why}; the allowed-signers file is not written"),
            Next::CorrectPerson,
        )
    };
    if !is_valid_id(&person.id) {
        return Err(refuse(format!(
            "person id `{}` is not lowercase letters, digits and dashes",
            person.id
        )));
    }
    let key = parse_public_key(&person.key)
        .map_err(|e| refuse(format!("the key of `{}` {e}", person.id)))?;
    Ok(format!("{} namespaces=\"git\" {}\n", person.id, key.bare))
}

/// The first commit of a new site: everything in the working tree, signed by the first
/// admin, whose `workflow/people.toml` names them.
pub fn initial_commit(
    root: &Path,
    signer: &Signer,
    name: &str,
    email: &str,
    options: &LedgerOptions,
) -> LedgerResult<String> {
    let repo = open(root)?;
    let mut index = repo
        .index()
        .map_err(LedgerError::git("cannot open the index"))?;
    index
        .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
        .map_err(LedgerError::git("cannot stage the new site"))?;
    index
        .write()
        .map_err(LedgerError::git("cannot write the index"))?;
    let tree_id = index
        .write_tree()
        .map_err(LedgerError::git("cannot write the tree"))?;
    let tree = repo
        .find_tree(tree_id)
        .map_err(LedgerError::git("cannot read the tree"))?;
    if blob_at(&repo, tree.id(), PEOPLE_FILE).is_none() {
        return Err(LedgerError::refused(format!("{PEOPLE_FILE} is missing")));
    }
    let author = identity(name, email, options.surroundings.commit_time.as_deref())?;
    let trailers = Trailers {
        date: Some(stated_date(options)?),
        trust: Some("first admin".into()),
        ..Trailers::default()
    };
    let message = trailers.to_message("stp: new site, signed by its first admin");
    let buffer = repo
        .commit_create_buffer(&author, &author, &message, &tree, &[])
        .map_err(LedgerError::git("cannot prepare the commit"))?;
    let content = String::from_utf8_lossy(&buffer).into_owned();
    let signature = signer.sign(content.as_bytes())?;
    let oid = repo
        .commit_signed(&content, &signature, None)
        .map_err(LedgerError::git("cannot write the signed commit"))?;
    let branch = repo
        .find_reference("HEAD")
        .ok()
        .and_then(|h| h.symbolic_target().ok().flatten().map(str::to_string))
        .unwrap_or_else(|| "refs/heads/main".to_string());
    repo.reference(&branch, oid, false, "stp init")
        .map_err(LedgerError::git(format!("cannot create {branch}")))?;
    Ok(oid.to_string())
}

/// The trust data is read as a whole (`trust::parse_trust_tree`): a change whose
/// `workflow.toml` is missing or does not parse would be written and then not trusted.
/// Refuse it before anything is written.
fn check_settings(files: &[FileWrite]) -> LedgerResult<()> {
    let Some(settings) = files.iter().find(|f| f.path == WORKFLOW_FILE) else {
        return Err(LedgerError::refused_with(
            format!("{WORKFLOW_FILE} is missing, and the trust data needs it"),
            Next::CopyWorkflowSettings,
        ));
    };
    WorkflowConfig::parse(&String::from_utf8_lossy(&settings.bytes)).map_err(|e| {
        LedgerError::refused_with(e.to_string(), format!("fix {WORKFLOW_FILE} first"))
    })?;
    Ok(())
}
