//! Reaching a shared repository that is not a folder on this machine (`ssh://`,
//! `user@host:path`, `https://`) for `stp sync`: through the `git` program, so that the
//! user's own ssh keys, `~/.ssh/config` and credential helpers apply as they do for
//! `git pull`. Fetched objects go through git's index-pack, which checks each one's id with
//! SHA-1DC. The send is a compare-and-swap done by the remote itself: `git push
//! --force-with-lease=<branch>:<what was fetched>` sends the expected old value with the
//! update, and the remote's receive-pack moves the branch only if it still holds it.

use std::path::Path;
use std::process::Command;

use git2::Oid;

use super::error::{LedgerError, LedgerResult};
use super::next::Next;

/// Whether `url` names a folder on this machine (a path or `file://`), which stp reaches
/// directly; otherwise (`host:path`, `ssh://`, `https://`) it goes through `git`.
pub fn is_local(url: &str) -> bool {
    if url.starts_with("file://") {
        return true;
    }
    if url.contains("://") {
        return false;
    }
    // git's rule for the scp-like form: a colon before any slash means `host:path`.
    match (url.find(':'), url.find('/')) {
        (Some(colon), Some(slash)) => slash < colon,
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// Fetches the remote's `branch` into `tracking`.
pub fn fetch(
    root: &Path,
    remote: &str,
    url: &str,
    branch: &str,
    tracking: &str,
) -> LedgerResult<()> {
    let spec = format!("+refs/heads/{branch}:{tracking}");
    let out = git(root, &["fetch", "--quiet", "--no-tags", remote, &spec])?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("couldn't find remote ref") {
        // The shared repository is empty (or has no such branch): nothing to receive.
        return Ok(());
    }
    Err(unreachable(url, "fetch from", &stderr))
}

/// Sends `tip` to the remote's `branch`, if the branch still holds `expected` there.
pub fn push(
    root: &Path,
    remote: &str,
    url: &str,
    branch: &str,
    tip: Oid,
    expected: Option<Oid>,
) -> LedgerResult<()> {
    let lease = format!(
        "--force-with-lease=refs/heads/{branch}:{}",
        expected.map(|o| o.to_string()).unwrap_or_default()
    );
    let spec = format!("{tip}:refs/heads/{branch}");
    let out = git(
        root,
        &["push", "--quiet", "--porcelain", &lease, remote, &spec],
    )?;
    if out.status.success() {
        return Ok(());
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    if stdout.contains("[rejected]") || stdout.contains("stale info") {
        return Err(LedgerError::refused_with(
            format!(
                "{url} received other commits while stp was syncing; yours were not sent, and nothing was lost"
            ),
            Next::SyncAgain,
        ));
    }
    let why = format!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    Err(unreachable(url, "send to", &why))
}

fn git(root: &Path, args: &[&str]) -> LedgerResult<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|e| {
            LedgerError::refused_with(
                format!("cannot run git to reach the shared repository: {e}"),
                "install git (`apt-get install git`); stp uses it for ssh and https remotes",
            )
        })
}

fn unreachable(url: &str, what: &str, output: &str) -> LedgerError {
    let why = output
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or("git gave no reason");
    LedgerError::refused_with(
        format!("cannot {what} {url}: {why}"),
        "check the address (`git remote -v`) and that `git fetch` reaches it with your ssh key or credentials",
    )
}

#[cfg(test)]
mod tests {
    use super::is_local;

    #[test]
    fn paths_are_local_and_hosts_are_not() {
        for url in [
            "/srv/site.git",
            "../shared.git",
            "file:///srv/site.git",
            "shared.git",
            "./a:b",
        ] {
            assert!(is_local(url), "{url}");
        }
        for url in [
            "ssh://git@may-chu/srv/site.git",
            "git@may-chu:site.git",
            "may-chu:/srv/site.git",
            "https://git.sotuphap.gov.vn/site.git",
        ] {
            assert!(!is_local(url), "{url}");
        }
    }
}
