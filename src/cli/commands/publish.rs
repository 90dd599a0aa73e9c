//! `stp publish [--to DIR]`: the secretary posts every approved article in one signed
//! commit (Điều 15.3), then builds the public site from the live set.

use std::path::PathBuf;

use clap::Args;

use crate::cli::error::CliResult;
use crate::cli::output::print_json;
use crate::cli::repo::find_root;
use crate::workflow::Action;

use super::build::build_public;
use super::signing::SignedArgs;
use super::step::sign_step;

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// Where to build the public site (default: public/).
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
    #[command(flatten)]
    pub sign: SignedArgs,
}

pub fn run(repo: Option<PathBuf>, args: PublishArgs) -> CliResult {
    let root = find_root(repo)?;
    let signed = sign_step(&root, Action::Publish, &[], None, None, &args.sign)?;
    let out = args.to.unwrap_or_else(|| root.join("public"));
    let built = build_public(&root, &out, &args.sign.trust, args.sign.json, false)?;
    if args.sign.json {
        let mut value = signed.json();
        value["build"] = built;
        print_json(&value);
    }
    Ok(())
}
