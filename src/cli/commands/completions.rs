//! `stp completions SHELL`: the shell's completion script on stdout, generated from the
//! command line's own definitions (so it always knows every command and option), with
//! their descriptions in the run's language.

use clap::Args;
use clap_complete::Shell;

use crate::cli::error::CliResult;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    pub shell: Shell,
}

pub fn run(args: CompletionsArgs) -> CliResult {
    let mut cmd = crate::cli::help::command(stp_i18n::current());
    clap_complete::generate(args.shell, &mut cmd, "stp", &mut std::io::stdout());
    Ok(())
}
