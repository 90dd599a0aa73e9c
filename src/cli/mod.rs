//! The command line: clap definitions, turning arguments into library calls, printing
//! results for people (or as JSON) and choosing the exit status. No business rules here.

mod commands;
mod error;
pub mod help;
mod hints;
mod output;
mod repo;
mod settings;
mod surroundings;
mod words;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{FromArgMatches, Parser, Subcommand};
use stp_i18n::t;

pub use error::{CliError, CliResult};
pub use repo::find_root;

/// The exit statuses, shown after `stp --help` (docs/cli.md has the same table).
const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  success
  1  the command ran and found something: audit found changes without authority, check
     found problems, status --overdue found overdue articles, sync kept clashing commits
  2  error or refusal: the command could not run, wrong input, a usage mistake, a refused
     step";

/// stp runs an agency's website as a git repository: articles move through the
/// regulation's steps as signed commits, and only what was validly published is built.
#[derive(Debug, Parser)]
#[command(
    name = "stp",
    version,
    about,
    max_term_width = 100,
    after_help = EXIT_STATUS_HELP
)]
pub struct Cli {
    /// The site repository (default: the current folder or the nearest one above it
    /// holding site.toml).
    #[arg(short = 'C', long = "repo", global = true, value_name = "DIR")]
    pub repo: Option<std::path::PathBuf>,

    /// Quiet: nothing on stderr but warnings and errors (no notes, no progress).
    #[arg(short = 'q', long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Verbose: also say on stderr which site repository is used and how long the
    /// command took.
    #[arg(short = 'v', long, global = true)]
    pub verbose: bool,

    /// The language of messages and help: vi (Vietnamese, the default) or en (English);
    /// default: $STP_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: en_* is English).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk the example site through every step with a demo board's keys, in a new
    /// temporary repository, and build its public site into ./public.
    Demo(commands::demo::DemoArgs),
    /// Build the public site from the live set (or the working tree with --preview).
    Build(commands::build::BuildArgs),
    /// Put the public build into a web server's folder: only what changed, swapped in
    /// whole, never a rollback.
    Deploy(commands::deploy::DeployArgs),
    /// The working calendar: days off of a year, and deadlines in working days or
    /// administrative hours.
    Calendar(commands::calendar::CalendarArgs),
    /// Check links, pictures, front matter and Vietnamese text; exit 1 with the list of
    /// problems.
    Check(commands::check::CheckArgs),
    /// Take in submissions (.eml, Maildir, .docx, .odt, pictures) as submitted articles.
    Intake(commands::intake::IntakeArgs),
    /// Write a new site repository.
    Init(commands::init::InitArgs),
    /// Write a new draft article and print its path.
    New(commands::new::NewArgs),
    /// The monthly report for the leadership meeting (Điều 18.5): HTML with charts,
    /// XLSX and CSV; or, without --month, the access statistics of --logs.
    Report(commands::report::ReportArgs),
    /// Serve a preview on 127.0.0.1 and rebuild what changes.
    Serve(commands::serve::ServeArgs),
    /// Send an article in for the board's three steps (Điều 15).
    Submit(commands::submit::SubmitArgs),
    /// Step 1: sign an article as compiled and edited; alone, list your queue.
    Review(commands::review::ReviewArgs),
    /// Step 2: sign an article as verified; alone, list your queue.
    Verify(commands::verify::VerifyArgs),
    /// Step 3: the final check; alone, list your queue.
    Approve(commands::approve::ApproveArgs),
    /// Send an article back to its sender with a reason (Điều 4.2).
    Return(commands::return_step::ReturnArgs),
    /// Refuse an article on a ground of Điều 12.3, with a reason.
    Reject(commands::reject::RejectArgs),
    /// Post every approved article in one signed commit, then build the public site.
    Publish(commands::publish::PublishArgs),
    /// Take a published article off the public site, with a reason.
    Withdraw(commands::withdraw::WithdrawArgs),
    /// Fetch the shared site's new commits and send yours; signatures stay valid.
    Sync(commands::sync::SyncArgs),
    /// The queues by state and role, with their age.
    Status(commands::status::StatusArgs),
    /// Tell the people who hold each waiting step by e-mail, once per hand-off (for a
    /// timer or a CI schedule; off unless workflow/workflow.toml has a signed [notify]).
    Notify(commands::notify::NotifyArgs),
    /// The board's desk in your browser: your queue, each article as readers will see it,
    /// its diff and signed trail, and the buttons for the steps your roles allow, signed
    /// with your own key (served on 127.0.0.1 only).
    Desk(commands::desk::DeskArgs),
    /// The signed trail of an article.
    Log(commands::log::LogArgs),
    /// Verify the whole history; list every change made without authority (exit 1 if any).
    Audit(commands::audit::AuditArgs),
    /// Admin: record a site's articles from before stp as published, in one signed commit.
    Adopt(commands::adopt::AdoptArgs),
    /// People, roles, keys and delegations (admin-signed).
    People(commands::people::PeopleArgs),
    /// Changes to the site files (site.toml, themes/, static/): propose, approve, return,
    /// diff.
    Site(commands::site::SiteArgs),
    /// Signing keys.
    Key(commands::key::KeyArgs),
    /// Your own settings, once per machine: makes your key if you have none, shows the
    /// public key for the admin, and keeps the key and the trust root so that no command
    /// needs --key again.
    Setup(commands::setup::SetupArgs),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish (e.g.
    /// `stp completions bash > /etc/bash_completion.d/stp`).
    Completions(commands::completions::CompletionsArgs),
    /// Write the manual pages, one per command, into a folder.
    Man(commands::man::ManArgs),
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = match surroundings::language(lang_flag(&args).as_deref()) {
        Ok(lang) => lang,
        Err(unknown) => {
            stp_i18n::set_current(surroundings::locale_language());
            let e =
                CliError::usage(t!("lang-unknown", tag = unknown.0)).hint(t!("lang-unknown-hint"));
            for line in e.lines() {
                eprintln!("{line}");
            }
            return ExitCode::from(e.code);
        }
    };
    stp_i18n::set_current(lang);
    let parsed = help::command(lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    if !matches!(cli.command, Command::Serve(_) | Command::Demo(_)) {
        quiet_broken_pipe();
    }
    output::set_verbosity(if cli.quiet {
        output::Verbosity::Quiet
    } else if cli.verbose {
        output::Verbosity::Verbose
    } else {
        output::Verbosity::Normal
    });
    let started = std::time::Instant::now();
    let result = run(cli);
    output::detail(format_args!(
        "{}",
        t!(
            "took-seconds",
            seconds = stp_i18n::Arg::decimal(started.elapsed().as_secs_f64(), 2)
        )
    ));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            for line in e.lines() {
                eprintln!("{line}");
            }
            ExitCode::from(e.code)
        }
    }
}

/// Runs one parsed command.
pub fn run(cli: Cli) -> CliResult {
    let repo = cli.repo;
    match cli.command {
        Command::Demo(args) => commands::demo::run(args),
        Command::Build(args) => commands::build::run(repo, args),
        Command::Deploy(args) => commands::deploy::run(repo, args),
        Command::Calendar(args) => commands::calendar::run(repo, args),
        Command::Check(args) => commands::check::run(repo, args),
        Command::Init(args) => commands::init::run(args),
        Command::Intake(args) => commands::intake::run(repo, args),
        Command::New(args) => commands::new::run(repo, args),
        Command::Report(args) => commands::report::run(repo, args),
        Command::Serve(args) => commands::serve::run(repo, args),
        Command::Submit(args) => commands::submit::run(repo, args),
        Command::Review(args) => commands::review::run(repo, args),
        Command::Verify(args) => commands::verify::run(repo, args),
        Command::Approve(args) => commands::approve::run(repo, args),
        Command::Return(args) => commands::return_step::run(repo, args),
        Command::Reject(args) => commands::reject::run(repo, args),
        Command::Publish(args) => commands::publish::run(repo, args),
        Command::Withdraw(args) => commands::withdraw::run(repo, args),
        Command::Sync(args) => commands::sync::run(repo, args),
        Command::Site(args) => commands::site::run(repo, args),
        Command::Status(args) => commands::status::run(repo, args),
        Command::Notify(args) => commands::notify::run(repo, args),
        Command::Desk(args) => commands::desk::run(repo, args),
        Command::Log(args) => commands::log::run(repo, args),
        Command::Audit(args) => commands::audit::run(repo, args),
        Command::Adopt(args) => commands::adopt::run(repo, args),
        Command::People(args) => commands::people::run(repo, args),
        Command::Key(args) => commands::key::run(args),
        Command::Setup(args) => commands::setup::run(args),
        Command::Completions(args) => commands::completions::run(args),
        Command::Man(args) => commands::man::run(args),
    }
}

/// The value of `--lang` among the raw arguments (`--lang en`, `--lang=en`), read before
/// clap parses them so that the help and clap's messages come in that language.
fn lang_flag(args: &[OsString]) -> Option<String> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return args.next().map(|v| v.into_owned());
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_string());
        }
    }
    None
}

/// The unit tests of the command line check its English words: the run's language is
/// English in their process (whichever test sets it first; none wants Vietnamese).
#[cfg(test)]
pub(crate) fn in_english_for_tests() {
    stp_i18n::set_current(stp_i18n::Lang::En);
}

/// `stp status | head` should end quietly when `head` stops reading, as other command-line
/// tools do: restore the default SIGPIPE action (Rust ignores it, which turns a closed pipe
/// into a panic in `println!`). Not for the servers, which must outlive a closed socket.
fn quiet_broken_pipe() {
    // SAFETY: called once at start-up, before any thread is spawned; setting a signal's
    // disposition to its default has no other effect on the program's state.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
