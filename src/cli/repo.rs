//! Finding the site repository a command works on.

use std::path::{Path, PathBuf};

use super::error::{CliError, CliResult};
use super::output::detail;

/// The folder given with `-C`, or the nearest folder at or above the current one that
/// holds `site.toml` (named on stderr with `-v`).
pub fn find_root(given: Option<PathBuf>) -> CliResult<PathBuf> {
    let root = locate(given)?;
    detail(format_args!("site repository: {}", root.display()));
    Ok(root)
}

fn locate(given: Option<PathBuf>) -> CliResult<PathBuf> {
    if let Some(dir) = given {
        if dir.join("site.toml").is_file() {
            return Ok(dir);
        }
        return Err(CliError::failed(format!(
            "{} has no site.toml, so it is not a site repository",
            dir.display()
        ))
        .hint("create one with `stp init DIR`, or point -C at the site's folder"));
    }
    let cwd = std::env::current_dir()?;
    let mut dir: &Path = &cwd;
    loop {
        if dir.join("site.toml").is_file() {
            return Ok(dir.to_path_buf());
        }
        match dir.parent() {
            Some(p) => dir = p,
            None => {
                return Err(CliError::failed(format!(
                    "no site.toml in {} or any folder above it",
                    cwd.display()
                ))
                .hint("run stp inside a site repository, or create one with `stp init DIR`"));
            }
        }
    }
}
