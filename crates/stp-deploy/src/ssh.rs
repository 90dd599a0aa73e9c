//! Deploying to a folder on another machine over ssh, through the system's `ssh` and
//! `rsync`, so the person's own ssh setup (keys, agent, `~/.ssh/config`, known hosts)
//! applies, as `stp sync` does with git. rsync compares every file by its checksum
//! (`--checksum`), never by timestamps; the changed files are sent into hidden temporary
//! names and renamed into place together at the end (`--delay-updates`), and the files the
//! build no longer has are deleted after that (`--delete-after`): a transfer that breaks
//! off part-way renames nothing, so the old site keeps serving.

use std::path::Path;
use std::process::{Command, Output};

use super::changes::{Changes, digests};
use super::error::DeployError;
use super::target::{Deployed, RECORD};

/// A folder on a host, and the ssh command that reaches it.
#[derive(Debug, Clone)]
pub struct Remote {
    /// `[user@]host`, as ssh takes it.
    pub host: String,
    pub port: Option<u16>,
    /// The folder there (the web server's document root).
    pub path: String,
    /// The ssh program and its arguments (`["ssh"]`, or what `RSYNC_RSH` says).
    pub ssh: Vec<String>,
}

const HOLDS_RECORD: &str = "stp-deploy: record";
const HOLDS_OTHERS: &str = "stp-deploy: others";
const HOLDS_NOTHING: &str = "stp-deploy: nothing";

impl Remote {
    fn name(&self) -> String {
        format!("{}:{}", self.host, self.path)
    }

    fn ssh_command(&self) -> Command {
        let mut cmd = Command::new(&self.ssh[0]);
        cmd.args(&self.ssh[1..]);
        if let Some(port) = self.port {
            cmd.arg("-p").arg(port.to_string());
        }
        cmd
    }

    /// The folder, quoted for the remote shell (a `'` is refused when the target is read).
    fn quoted(&self) -> String {
        format!("'{}'", self.path)
    }

    /// What the folder holds: the build record of the last deploy, other files, or
    /// nothing (it may not exist yet).
    pub fn deployed(&self) -> Result<Deployed, DeployError> {
        let p = self.quoted();
        let script = format!(
            "if [ -f {p}/{RECORD} ]; then echo '{HOLDS_RECORD}'; cat {p}/{RECORD}; \
             elif [ -d {p} ] && [ -n \"$(ls -A {p})\" ]; then echo '{HOLDS_OTHERS}'; \
             else echo '{HOLDS_NOTHING}'; fi"
        );
        let out = self.run(
            self.ssh_command().arg("--").arg(&self.host).arg(script),
            "ssh",
        )?;
        let text = String::from_utf8_lossy(&out.stdout);
        let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
        match first.trim() {
            HOLDS_RECORD => Ok(Deployed::Record(rest.to_string())),
            HOLDS_OTHERS => Ok(Deployed::Foreign),
            HOLDS_NOTHING => Ok(Deployed::Nothing),
            _ => Err(DeployError::Remote {
                target: self.name(),
                what: format!(
                    "answered something stp did not expect (is its shell a POSIX shell?): {}",
                    first.trim()
                ),
            }),
        }
    }

    fn run(&self, cmd: &mut Command, program: &str) -> Result<Output, DeployError> {
        let out = cmd.output().map_err(|e| DeployError::Remote {
            target: self.name(),
            what: format!("`{program}` could not be started ({e}); is it installed?"),
        })?;
        if !out.status.success() {
            let said = String::from_utf8_lossy(&out.stderr);
            return Err(DeployError::Remote {
                target: self.name(),
                what: format!(
                    "`{program}` failed ({}): {}",
                    out.status,
                    said.trim().lines().last().unwrap_or("no message")
                ),
            });
        }
        Ok(out)
    }
}

/// Deploys `build` to the remote folder (made if missing); with `dry_run`, only says
/// what would change.
pub fn to_ssh(build: &Path, remote: &Remote, dry_run: bool) -> Result<Changes, DeployError> {
    let files = digests(build)?;
    let mut shell = remote.ssh.join(" ");
    if let Some(port) = remote.port {
        shell.push_str(&format!(" -p {port}"));
    }
    let mut rsync = Command::new("rsync");
    rsync
        .args([
            "--recursive",
            "--checksum",
            "--delay-updates",
            "--delete-after",
            "--mkpath",
            "--perms",
            "--chmod=D755,F644",
            "--itemize-changes",
            "--8-bit-output",
            "--timeout=120",
            "-e",
        ])
        .arg(shell);
    if dry_run {
        rsync.arg("--dry-run");
    }
    let mut from = build.as_os_str().to_owned();
    from.push("/");
    rsync.arg("--").arg(from).arg(format!(
        "{}:{}/",
        remote.host,
        remote.path.trim_end_matches('/')
    ));
    let out = remote.run(&mut rsync, "rsync")?;
    let mut changes = itemized(&String::from_utf8_lossy(&out.stdout));
    changes.unchanged = files.len().saturating_sub(changes.uploaded.len());
    Ok(changes)
}

/// The files rsync's `--itemize-changes` lines say it sent (`<f…`) and deleted
/// (`*deleting`); folders are not counted.
fn itemized(text: &str) -> Changes {
    let mut changes = Changes::default();
    for line in text.lines() {
        if let Some(path) = line.strip_prefix("*deleting") {
            let path = path.trim_start();
            if !path.ends_with('/') {
                changes.deleted.push(path.to_string());
            }
        } else if line.starts_with("<f")
            && let Some((_, path)) = line.split_once(' ')
        {
            changes.uploaded.push(path.to_string());
        }
    }
    changes.uploaded.sort();
    changes.deleted.sort();
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rsyncs_itemized_lines_give_the_files_sent_and_deleted() {
        let text = "cd+++++++++ tin-tuc/\n<f+++++++++ tin-tuc/b/index.html\n\
                    <fc.p...... index.html\n.f...p..... same.html\n*deleting   tin-tuc/a/\n\
                    *deleting   tin-tuc/a/index.html\n<f+++++++++ tên có dấu.html\n";
        let changes = itemized(text);
        assert_eq!(
            changes.uploaded,
            ["index.html", "tin-tuc/b/index.html", "tên có dấu.html"]
        );
        assert_eq!(changes.deleted, ["tin-tuc/a/index.html"]);
    }
}
