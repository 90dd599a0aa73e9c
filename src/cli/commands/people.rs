//! `stp people add|grant|revoke|remove|delegate|list|export-allowed-signers`: the trust
//! data, changed only by admin-signed commits made on its last trusted version. `add` on
//! a person already there keeps the roles and details it does not name, and every change
//! prints what it changed.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_json, warning};
use crate::cli::repo::find_root;
use crate::ledger::{PeopleChange, Signer, change_people, export_allowed_signers};
use crate::workflow::{Delegation, Person, Role, parse_public_key};

use super::signing::TrustArgs;

#[derive(Debug, Args)]
pub struct PeopleArgs {
    #[command(subcommand)]
    pub command: PeopleCommand,
}

/// The admin's signing key (`--key` names the person's public key here).
#[derive(Debug, Clone, Args)]
pub struct AdminKeyArgs {
    /// The admin's key that signs the change; default: $STP_KEY, else git's
    /// user.signingkey.
    #[arg(long = "signing-key", env = "STP_KEY", value_name = "PATH")]
    pub signing_key: Option<PathBuf>,
    /// Print what was committed as JSON (one object; see docs/cli.md).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PeopleCommand {
    /// Add a person; for one already there, update the name and key, add the roles given
    /// (their other roles stay) and replace the unit, title and e-mail only when given.
    Add {
        /// A short id for the person, as steps and the log name them: lower-case letters,
        /// digits and hyphens, e.g. nguyen-van-an.
        id: String,
        /// The person's full name, as the log and the reports show it.
        #[arg(long)]
        name: String,
        /// contributor, editor, verifier, approver, secretary or admin (repeatable).
        #[arg(long = "role", required = true)]
        roles: Vec<Role>,
        /// The person's OpenSSH ed25519 public key: a .pub file, or the key text.
        #[arg(long = "key", value_name = "PUB")]
        key: String,
        /// The person's unit (phòng, đơn vị), e.g. "Văn phòng Sở": the monthly report
        /// counts articles per unit.
        #[arg(long)]
        unit: Option<String>,
        /// The person's job title (chức vụ), e.g. "Chánh Văn phòng".
        #[arg(long)]
        title: Option<String>,
        /// The person's e-mail address.
        #[arg(long)]
        email: Option<String>,
        #[command(flatten)]
        admin: AdminKeyArgs,
        #[command(flatten)]
        trust: TrustArgs,
    },
    /// Remove a person: their later signatures grant nothing, their earlier ones stay valid.
    Remove {
        /// The id of the person to remove (see `stp people list`).
        id: String,
        #[command(flatten)]
        admin: AdminKeyArgs,
        #[command(flatten)]
        trust: TrustArgs,
    },
    /// Give a person one more role; their other roles stay.
    Grant(OneRoleArgs),
    /// Take one role from a person; their other roles stay.
    Revoke(OneRoleArgs),
    /// Let TO act in FROM's ROLE between two dates, both included (Điều 19.2).
    Delegate {
        /// The id of the person who delegates (holds ROLE).
        from_id: String,
        /// The id of the person who acts for them.
        to_id: String,
        /// The role delegated: contributor, editor, verifier, approver, secretary or admin.
        #[arg(long)]
        role: Role,
        /// The first day of the delegation: YYYY-MM-DD or DD/MM/YYYY.
        #[arg(long = "from", value_name = "DATE", value_parser = parse_day)]
        start: NaiveDate,
        /// The last day of the delegation (included): YYYY-MM-DD or DD/MM/YYYY.
        #[arg(long = "until", value_name = "DATE", value_parser = parse_day)]
        until: NaiveDate,
        #[command(flatten)]
        admin: AdminKeyArgs,
        #[command(flatten)]
        trust: TrustArgs,
    },
    /// List the trusted people and their roles.
    List {
        /// Print the people and the delegations as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        trust: TrustArgs,
    },
    /// Write the allowed-signers file for `git verify-commit` (gpg.ssh.allowedSignersFile).
    ExportAllowedSigners {
        /// The file to write, e.g. .stp/allowed_signers (then `git config
        /// gpg.ssh.allowedSignersFile .stp/allowed_signers`).
        file: PathBuf,
        #[command(flatten)]
        trust: TrustArgs,
    },
}

/// One person and one role, for `grant` and `revoke`.
#[derive(Debug, Args)]
pub struct OneRoleArgs {
    /// The person's id in workflow/people.toml.
    pub id: String,
    /// contributor, editor, verifier, approver, secretary or admin.
    pub role: Role,
    #[command(flatten)]
    pub admin: AdminKeyArgs,
    #[command(flatten)]
    pub trust: TrustArgs,
}

/// A day written as YYYY-MM-DD or as DD/MM/YYYY (the way Vietnamese documents date).
fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .map_err(|_| {
            format!("`{text}` is not a date: write it as YYYY-MM-DD or DD/MM/YYYY, e.g. 2026-12-21 or 21/12/2026")
        })
}

/// Reads a public key given as a file or as the key text.
pub fn read_public_key(given: &str) -> CliResult<(String, String)> {
    let text = if std::path::Path::new(given).is_file() {
        std::fs::read_to_string(given).map_err(|e| CliError::failed(format!("{given}: {e}")))?
    } else {
        given.to_string()
    };
    let line = parse_public_key(&text)
        .map_err(|e| CliError::failed(format!("{given} {e}")).hint(t!("people-bad-key-hint")))?;
    Ok((line.text, line.fingerprint))
}

/// The fields of `stp people list --json`: the trusted people and delegations (none
/// while no admin has signed the trust data).
fn people_json(people: Option<&crate::workflow::People>) -> serde_json::Value {
    let persons: Vec<serde_json::Value> = people
        .map(|p| p.persons.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|p| {
            let roles: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
            serde_json::json!({
                "id": p.id,
                "name": p.name,
                "roles": roles,
                "fingerprint": p.fingerprint,
                "unit": p.unit,
                "title": p.title,
                "email": p.email,
            })
        })
        .collect();
    let delegations: Vec<serde_json::Value> = people
        .map(|p| p.delegations.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|d| {
            serde_json::json!({
                "from": d.from,
                "to": d.to,
                "role": d.role.as_str(),
                "start": d.start.to_string(),
                "until": d.until.to_string(),
            })
        })
        .collect();
    serde_json::json!({
        "trusted": people.is_some(),
        "people": persons,
        "delegations": delegations,
    })
}

fn signer(root: &std::path::Path, admin: &AdminKeyArgs) -> CliResult<Signer> {
    Ok(super::signing::resolve_signer(
        admin.signing_key.as_deref(),
        root,
    )?)
}

fn apply(
    root: &std::path::Path,
    admin: &AdminKeyArgs,
    trust: &TrustArgs,
    change: PeopleChange,
) -> CliResult {
    let signer = signer(root, admin)?;
    let outcome = change_people(root, &signer, &change, &trust.options())?;
    for file in &outcome.ignored_edits {
        warning(&t!("people-ignored-edits", file = file.as_str()));
    }
    if admin.json {
        print_json(&serde_json::json!({
            "commit": outcome.commit,
            "signer": { "fingerprint": signer.fingerprint },
            "first_admin": outcome.first_admin,
            "ignored_edits": outcome.ignored_edits,
            "changes": outcome.changes,
        }));
        return Ok(());
    }
    if outcome.first_admin {
        println!(
            "{}",
            t!("people-first-admin", fingerprint = &signer.fingerprint)
        );
    }
    for line in &outcome.changes {
        println!("{line}");
    }
    println!(
        "{}",
        t!(
            "people-signed",
            commit = &outcome.commit[..12.min(outcome.commit.len())]
        )
    );
    Ok(())
}

pub fn run(repo: Option<PathBuf>, args: PeopleArgs) -> CliResult {
    let root = find_root(repo)?;
    match args.command {
        PeopleCommand::Add {
            id,
            name,
            roles,
            key,
            unit,
            title,
            email,
            admin,
            trust,
        } => {
            let (key, fingerprint) = read_public_key(&key)?;
            let mut roles = roles;
            roles.sort();
            roles.dedup();
            let person = Person {
                id,
                name,
                roles,
                key,
                fingerprint,
                unit,
                title,
                email,
            };
            apply(&root, &admin, &trust, PeopleChange::Add(person))
        }
        PeopleCommand::Grant(a) => {
            let change = PeopleChange::Grant {
                id: a.id,
                role: a.role,
            };
            apply(&root, &a.admin, &a.trust, change)
        }
        PeopleCommand::Revoke(a) => {
            let change = PeopleChange::Revoke {
                id: a.id,
                role: a.role,
            };
            apply(&root, &a.admin, &a.trust, change)
        }
        PeopleCommand::Remove { id, admin, trust } => {
            apply(&root, &admin, &trust, PeopleChange::Remove(id))
        }
        PeopleCommand::Delegate {
            from_id,
            to_id,
            role,
            start,
            until,
            admin,
            trust,
        } => apply(
            &root,
            &admin,
            &trust,
            PeopleChange::Delegate(Delegation {
                from: from_id,
                to: to_id,
                role,
                start,
                until,
            }),
        ),
        PeopleCommand::List { json, trust } => {
            let ledger = trust.load(&root)?;
            if json {
                print_json(&people_json(ledger.trusted.as_deref().map(|t| &t.people)));
                return Ok(());
            }
            let Some(trusted) = ledger.trusted.as_deref() else {
                println!("{}", t!("people-no-trust-data"));
                return Ok(());
            };
            for p in &trusted.people.persons {
                let roles: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
                println!(
                    "{}  {}  [{}]  {}",
                    p.id,
                    p.name,
                    roles.join(", "),
                    p.fingerprint
                );
            }
            for d in &trusted.people.delegations {
                println!(
                    "{}",
                    t!(
                        "people-delegation",
                        to = &d.to,
                        role = crate::cli::words::role(d.role),
                        from = &d.from,
                        start = d.start.to_string(),
                        until = d.until.to_string()
                    )
                );
            }
            Ok(())
        }
        PeopleCommand::ExportAllowedSigners { file, trust } => {
            let ledger = trust.load(&root)?;
            let text = export_allowed_signers(&ledger)?;
            let failed = |e: std::io::Error| CliError::failed(format!("{}: {e}", file.display()));
            if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(failed)?;
            }
            std::fs::write(&file, text).map_err(failed)?;
            println!("{}", t!("init-wrote", file = file.display().to_string()));
            Ok(())
        }
    }
}
