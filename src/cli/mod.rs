//! The command line: clap definitions, turning arguments into library calls, printing
//! results for people (or as JSON) and choosing the exit status. No business rules here.

mod commands;
mod error;
mod repo;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use error::{CliError, CliResult};
pub use repo::find_root;

/// stp runs an agency's website as a git repository: articles move through the
/// regulation's steps as signed commits, and only what was validly published is built.
#[derive(Debug, Parser)]
#[command(name = "stp", version, about, max_term_width = 100)]
pub struct Cli {
    /// The site repository (default: the current folder or the nearest one above it
    /// holding site.toml).
    #[arg(short = 'C', long = "repo", global = true, value_name = "DIR")]
    pub repo: Option<std::path::PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the public site from the live set (or the working tree with --preview).
    Build(commands::build::BuildArgs),
    /// Check links, pictures, front matter and Vietnamese text; exit 1 with the list.
    Check(commands::check::CheckArgs),
    /// Take in submissions (.eml, Maildir, .docx, .odt, pictures) as submitted articles.
    Intake(commands::intake::IntakeArgs),
    /// Write a new site repository.
    Init(commands::init::InitArgs),
    /// Write a new draft article and print its path.
    New(commands::new::NewArgs),
    /// Serve a preview on 127.0.0.1 and rebuild what changes.
    Serve(commands::serve::ServeArgs),
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message);
            if let Some(hint) = &e.hint {
                eprintln!("hint: {hint}");
            }
            ExitCode::from(e.code)
        }
    }
}

/// Runs one parsed command.
pub fn run(cli: Cli) -> CliResult {
    let repo = cli.repo;
    match cli.command {
        Command::Build(args) => commands::build::run(repo, args),
        Command::Check(args) => commands::check::run(repo, args),
        Command::Init(args) => commands::init::run(args),
        Command::Intake(args) => commands::intake::run(repo, args),
        Command::New(args) => commands::new::run(repo, args),
        Command::Serve(args) => commands::serve::run(repo, args),
    }
}
