//! Finding the site repository a command works on.

use std::path::{Path, PathBuf};

use stp_i18n::t;

use super::error::{CliError, CliResult};
use super::output::detail;

/// The folder given with `-C`, or the nearest folder at or above the current one that
/// holds `site.toml` (named on stderr with `-v`).
pub fn find_root(given: Option<PathBuf>) -> CliResult<PathBuf> {
    let root = locate(given)?;
    detail(format_args!(
        "{}",
        t!("site-repository", path = root.display().to_string())
    ));
    Ok(root)
}

fn locate(given: Option<PathBuf>) -> CliResult<PathBuf> {
    if let Some(dir) = given {
        if dir.join("site.toml").is_file() {
            return Ok(dir);
        }
        return Err(
            CliError::failed(t!("no-site-toml-in", path = dir.display().to_string()))
                .hint(t!("no-site-toml-in-hint")),
        );
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
                return Err(CliError::failed(t!(
                    "no-site-toml-above",
                    path = cwd.display().to_string()
                ))
                .hint(t!("no-site-toml-above-hint")));
            }
        }
    }
}
