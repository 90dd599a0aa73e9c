//! `stp init DIR [--example]`: a new site repository with the default settings, the
//! workflow files and the theme; `--example` adds the Department's example articles.

use std::path::{Path, PathBuf};

use clap::Args;
use include_dir::{Dir, include_dir};

use crate::cli::error::{CliError, CliResult};

/// The example site bundled with stp (the product repository's own content).
pub static EXAMPLE_CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");
pub static WORKFLOW: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/workflow");
pub static THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");
pub const SITE_TOML: &str = include_str!("../../../site.toml");

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (it must not exist, or be empty).
    pub dir: PathBuf,
    /// Add the Department's example articles.
    #[arg(long)]
    pub example: bool,
}

pub fn run(args: InitArgs) -> CliResult {
    write_site(&args.dir, args.example)?;
    println!("created a site repository in {}", args.dir.display());
    println!(
        "next: cd {} && stp check && stp build --preview",
        args.dir.display()
    );
    Ok(())
}

/// Writes the site files into `dir` and makes it a git repository.
pub fn write_site(dir: &Path, example: bool) -> CliResult {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(
            CliError::failed(format!("{} exists and is not empty", dir.display()))
                .hint("give a new folder name"),
        );
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("site.toml"), SITE_TOML)?;
    std::fs::write(dir.join(".gitignore"), "public/\npreview/\n.stp/\n")?;
    extract(&WORKFLOW, &dir.join("workflow"))?;
    extract(&THEME, &dir.join("themes/default"))?;
    std::fs::create_dir_all(dir.join("static"))?;
    std::fs::create_dir_all(dir.join("content"))?;
    if example {
        extract(&EXAMPLE_CONTENT, &dir.join("content"))?;
    }
    git2::Repository::init(dir).map_err(|e| {
        CliError::failed(format!(
            "{}: cannot make a git repository: {e}",
            dir.display()
        ))
    })?;
    Ok(())
}

fn extract(embedded: &Dir<'_>, to: &Path) -> CliResult {
    std::fs::create_dir_all(to)?;
    embedded
        .extract(to)
        .map_err(|e| CliError::failed(format!("{}: {e}", to.display())))
}
