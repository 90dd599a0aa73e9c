//! The help of `stp` and of every command in the run's language: the clap definitions
//! (`Cli::command()`, whose doc comments are the English text) walked at run time, each
//! command's `about`, `long_about` and `after_help` and each argument's `help` and
//! `long_help` replaced by the message of the same place in the language's file, and
//! clap's own words (the usage, argument, option and command headings, `-h`, `-V`, the
//! `help` command) with them. The manual pages and completion scripts are made from the
//! same localised definitions.
//!
//! Message ids follow the command path and the argument id: `help-approve-about`,
//! `help-approve-long-about`, `help-people-grant-arg-role` (and `-long` for the long
//! help), `help-stp-after` for the text after a command's help; an argument whose text
//! is the same wherever it appears has one shared message, `help-arg-key`.

use clap::{Arg, ArgAction, Command, CommandFactory};
use stp_i18n::{Lang, has, tr};

use super::Cli;

/// The whole command line's definitions, in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = localise(Cli::command(), "stp", lang, true);
    // clap adds its `help` command when building; its words come after.
    cmd.build();
    help_command(cmd, lang)
}

/// The message `id` in `lang`, if the file has it.
fn message(lang: Lang, id: &str) -> Option<String> {
    has(lang, id).then(|| tr(lang, id, &[]))
}

/// The id of a command's place: `stp` for the root, else the path below it joined with
/// `-` (`people-grant`).
pub fn place(path: &str) -> String {
    path.strip_prefix("stp ")
        .map_or_else(|| path.to_string(), |p| p.replace(' ', "-"))
}

/// The id of an argument below a place: its clap id with `-` for `_`.
pub fn arg_place(arg: &str) -> String {
    arg.replace('_', "-")
}

/// `cmd` (at `path`, `stp approve`) and its subcommands in `lang`.
fn localise(mut cmd: Command, path: &str, lang: Lang, root: bool) -> Command {
    let id = place(path);
    let text = |suffix: &str| message(lang, &format!("help-{id}-{suffix}"));
    if let Some(about) = text("about") {
        cmd = cmd.about(about);
    }
    // A long text of its own, else the short one (never the English long text).
    cmd = match text("long-about") {
        Some(long) => cmd.long_about(long),
        None => cmd.long_about(None::<&'static str>),
    };
    if let Some(after) = text("after") {
        cmd = cmd.after_help(after);
    }
    let usage = tr(lang, "help-heading-usage", &[]);
    let (arguments, options) = (
        tr(lang, "help-heading-arguments", &[]),
        tr(lang, "help-heading-options", &[]),
    );
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(tr(lang, "help-heading-commands", &[]))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(tr(lang, "help-flag-help", &[])),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr(lang, "help-flag-version", &[])),
        );
    }
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (arg, positional) in args {
        let arg_id = arg_place(&arg);
        let own = format!("help-{id}-arg-{arg_id}");
        let shared = format!("help-arg-{arg_id}");
        let chosen = if has(lang, &own) { own } else { shared };
        let help = message(lang, &chosen);
        let long = message(lang, &format!("{chosen}-long"));
        let heading = if positional { &arguments } else { &options };
        cmd = cmd.mut_arg(&arg, |a| {
            let a = match help {
                Some(help) => a.help(help),
                None => a,
            };
            let a = match long {
                Some(long) => a.long_help(long),
                None => a.long_help(None::<&'static str>),
            };
            if a.get_help_heading().is_none() {
                a.help_heading(heading.clone())
            } else {
                a
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        let sub_path = format!("{path} {sub}");
        cmd = cmd.mut_subcommand(&sub, |s| localise(s, &sub_path, lang, false));
    }
    cmd
}

/// The `help` command clap adds to each command with subcommands, in `lang`.
fn help_command(mut cmd: Command, lang: Lang) -> Command {
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |s| {
            if s.get_name() == "help" {
                s.about(tr(lang, "help-help-command", &[]))
            } else {
                help_command(s, lang)
            }
        });
    }
    cmd
}
