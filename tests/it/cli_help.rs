//! Every argument and subcommand of the command line says what it is for in `--help`: a
//! walk over the clap definitions (`Cli::command()`).

use clap::CommandFactory;

/// The arguments and subcommands under `cmd` (named `path`) that have no help text.
fn without_help(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if arg.is_hide_set() || id == "help" || id == "version" {
            continue;
        }
        if arg.get_help().is_none() && arg.get_long_help().is_none() {
            missing.push(format!("{path}: argument {id}"));
        }
    }
    for sub in cmd.get_subcommands() {
        let name = format!("{path} {}", sub.get_name());
        if sub.get_name() == "help" {
            continue;
        }
        if sub.get_about().is_none() && sub.get_long_about().is_none() {
            missing.push(format!("{name}: subcommand"));
        }
        without_help(sub, &name, missing);
    }
}

#[test]
fn every_argument_and_subcommand_has_help() {
    let mut cmd = stp::cli::Cli::command();
    cmd.build();
    let mut missing = Vec::new();
    without_help(&cmd, "stp", &mut missing);
    assert!(
        missing.is_empty(),
        "{} without help text:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
