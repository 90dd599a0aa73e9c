//! `stp completions SHELL`: the shell's completion script on stdout, generated from the
//! command line's own definitions (so it always knows every command and option).

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;
use crate::cli::error::CliResult;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    pub shell: Shell,
}

pub fn run(args: CompletionsArgs) -> CliResult {
    let mut cmd = Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "stp", &mut std::io::stdout());
    Ok(())
}
