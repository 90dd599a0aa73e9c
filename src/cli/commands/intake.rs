//! `stp intake FILE... [--section S]`: the secretary takes in submissions (Điều 11.1):
//! `.eml` messages, Maildir folders, `.docx`/`.odt` documents and pictures become article
//! bundles in state `submitted`. Each submission is written whole or not at all.

use std::path::PathBuf;

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{Progress, info, print_json};
use crate::cli::repo::find_root;
use crate::content::{Sender, SiteConfig};
use crate::intake;
use crate::ledger::{Ledger, Signer};

use super::signing::{SignedArgs, TrustArgs};

#[derive(Debug, Args)]
pub struct IntakeArgs {
    /// `.eml` messages, Maildir folders, or documents (`.docx`, `.odt`) with their
    /// pictures (jpg, gif, bmp, png) and files (the signed PDF). Each message is one
    /// submission; loose files together are one.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The section to put the articles in (see site.toml). Without it, a document that
    /// reads as a legal document and comes with a PDF goes to the legal-document section.
    #[arg(long, value_name = "S")]
    pub section: Option<String>,
    #[command(flatten)]
    pub sender: SenderArgs,
    #[command(flatten)]
    pub sign: SignedArgs,
}

/// The sender's details (Điều 9.1.b) when the submission does not carry them: a document
/// received on paper, by hand or through a messaging app. They come before what the
/// document says, and the article's record notes that the secretary stated them.
#[derive(Debug, Args)]
pub struct SenderArgs {
    /// The sender's full name (also the article's author).
    #[arg(long, value_name = "NAME")]
    pub sender_name: Option<String>,
    /// The sender's organisation or unit.
    #[arg(long, value_name = "UNIT")]
    pub sender_unit: Option<String>,
    /// The sender's title, if any.
    #[arg(long, value_name = "TITLE")]
    pub sender_title: Option<String>,
    /// The sender's phone number.
    #[arg(long, value_name = "PHONE")]
    pub sender_phone: Option<String>,
    /// The sender's e-mail address.
    #[arg(long, value_name = "EMAIL")]
    pub sender_email: Option<String>,
    /// The sender's postal address.
    #[arg(long, value_name = "ADDRESS")]
    pub sender_address: Option<String>,
}

impl SenderArgs {
    /// The details given, each trimmed; an e-mail address without `@` is refused.
    fn stated(&self) -> CliResult<Sender> {
        let given = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let email = given(&self.sender_email);
        if let Some(e) = email.as_deref().filter(|e| !e.contains('@')) {
            return Err(CliError::usage(t!("intake-bad-email", email = e))
                .hint(t!("intake-bad-email-hint")));
        }
        Ok(Sender {
            organisation: given(&self.sender_unit),
            name: given(&self.sender_name),
            title: given(&self.sender_title),
            email,
            phone: given(&self.sender_phone),
            address: given(&self.sender_address),
        })
    }
}

pub fn run(repo: Option<PathBuf>, args: IntakeArgs) -> CliResult {
    let root = find_root(repo)?;
    let config = SiteConfig::load(&root.join("site.toml"))?;
    let inputs = intake::inputs(&args.files).map_err(|e| CliError::failed(e.to_string()))?;
    let stated = args.sender.stated()?;
    let signer = intake_signer(&root, &args)?;
    let now = chrono::Utc::now()
        .with_timezone(&crate::content::date::vietnam())
        .to_rfc3339();
    let (mut written_json, mut refused_json) = (Vec::new(), Vec::new());
    let progress = Progress::start(t!("intake-progress"), args.sign.json);
    for (n, input) in inputs.iter().enumerate() {
        progress.step(n + 1, inputs.len(), &input_name(input));
        let written = intake::assemble_from(input, &config, args.section.as_deref(), &now, &stated)
            .and_then(|s| intake::write(&root, &config, &s).map(|path| (path, s)));
        match written {
            Ok((path, s)) => {
                let commit = match &signer {
                    Some(signer) => match sign_submission(&root, signer, &args.sign.trust, &path) {
                        Ok(commit) => Some(commit),
                        Err(e) => {
                            eprintln!(
                                "{}",
                                t!(
                                    "intake-refused",
                                    what = format!("{}: {}", path.display(), e.message)
                                )
                            );
                            refused_json.push(serde_json::json!({
                                "file": path, "line": null, "why": e.message,
                            }));
                            continue;
                        }
                    },
                    None => {
                        info(format_args!(
                            "{}: {}",
                            t!("note-label"),
                            t!("intake-unsigned", article = path.display().to_string())
                        ));
                        None
                    }
                };
                if !args.sign.json {
                    println!("{}", path.display());
                }
                let flags: Vec<&String> = s.front.intake.iter().flat_map(|i| &i.flags).collect();
                for flag in &flags {
                    eprintln!(
                        "{}",
                        t!(
                            "intake-flag",
                            article = path.display().to_string(),
                            flag = flag.as_str()
                        )
                    );
                }
                written_json.push(serde_json::json!({
                    "article": path, "commit": commit, "flags": flags,
                }));
            }
            Err(e) => {
                eprintln!("{}", t!("intake-refused", what = e.to_string()));
                refused_json.push(serde_json::json!({
                    "file": e.file, "line": e.line, "why": e.message,
                }));
            }
        }
    }
    drop(progress);
    let refused = refused_json.len();
    if args.sign.json {
        print_json(&serde_json::json!({
            "articles": written_json,
            "refused": refused_json,
        }));
    }
    if refused > 0 {
        return Err(CliError::failed(t!(
            "intake-refused-count",
            refused = refused,
            total = inputs.len()
        ))
        .hint(t!("intake-refused-hint")));
    }
    Ok(())
}

/// What the progress line names for a submission: its message or first file.
fn input_name(input: &intake::Input) -> String {
    let path = match input {
        intake::Input::Mail(p) => Some(p),
        intake::Input::Files(files) => files.first(),
    };
    path.and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The secretary's key when the site has a signed history (then every submission is
/// signed: a `submit` step, which the secretary's role includes, Điều 11.1); `None` on a
/// site with no trusted admin yet.
fn intake_signer(root: &std::path::Path, args: &IntakeArgs) -> CliResult<Option<Signer>> {
    if !crate::ledger::repo::has_history(root) {
        return Ok(None);
    }
    let ledger: Ledger = args.sign.trust.load(root)?;
    if ledger.trusted.is_none() {
        return Ok(None);
    }
    args.sign.key.signer(root).map(Some).map_err(|e| {
        CliError::failed(t!("intake-needs-key", why = e.message.as_str()))
            .hint(t!("intake-needs-key-hint"))
    })
}

/// Commits the new bundle as a signed `submit` and returns the commit; on a refusal
/// removes the bundle, so nothing is left half-done.
fn sign_submission(
    root: &std::path::Path,
    signer: &Signer,
    trust: &TrustArgs,
    article: &std::path::Path,
) -> CliResult<String> {
    let article = article.to_string_lossy().replace('\\', "/");
    let outcome = crate::ledger::submit_new_bundle(root, signer, &article, &trust.options())?;
    info(format_args!(
        "{}",
        t!(
            "intake-signed",
            article = &article,
            person = &outcome.person,
            commit = &outcome.commit[..12.min(outcome.commit.len())]
        )
    ));
    Ok(outcome.commit)
}
