//! `stp serve [--port N]`: a preview server on 127.0.0.1 that rebuilds on change; with
//! `--public`, the public site as `stp build` makes it from signed history, served as it is
//! (no preview banner, no rebuilds: the public site changes only with a signed step).

use std::path::PathBuf;

use std::sync::Arc;

use clap::Args;
use stp_i18n::t;

use crate::cli::error::{CliError, CliResult};
use crate::cli::repo::find_root;
use crate::serve::{Report, Reporter};

use super::build::build_public;
use super::signing::TrustArgs;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port on 127.0.0.1 (0: any free port; the line printed names the one bound).
    #[arg(long, default_value_t = 1313)]
    pub port: u16,
    /// Build the public site from signed history (as `stp build` does, into public/ or
    /// --out) and serve that, instead of a preview of the working tree.
    #[arg(long)]
    pub public: bool,
    /// With --public: the output folder (default: public/).
    #[arg(long, value_name = "DIR", requires = "public")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub fn run(repo: Option<PathBuf>, args: ServeArgs) -> CliResult {
    let root = find_root(repo)?;
    if args.public {
        let out = args.out.unwrap_or_else(|| root.join("public"));
        build_public(&root, &out, &args.trust, false, false, false)?;
        return crate::serve::serve_static(&out, args.port, reporter()).map_err(CliError::from);
    }
    let out = std::env::temp_dir().join(format!("stp-serve-{}", std::process::id()));
    let options = crate::cli::surroundings::render();
    crate::serve::serve(&root, &out, args.port, &options, reporter()).map_err(CliError::from)
}

/// The preview server's reports in the run's language: its lines on stdout, a failed
/// rebuild on stderr as any error is (`lỗi: …`, the content layer's refusals in words).
pub fn reporter() -> Reporter {
    Arc::new(|report: Report| match report {
        Report::Built { articles, ms } => {
            println!(
                "{}",
                t!("serve-built", articles = articles, ms = ms.to_string())
            )
        }
        Report::Serving { root, port } => println!(
            "{}",
            t!(
                "serve-serving",
                root = root.display().to_string(),
                port = port.to_string()
            )
        ),
        Report::ServingStatic { dir, port } => println!(
            "{}",
            t!(
                "serve-serving-static",
                dir = dir.display().to_string(),
                port = port.to_string()
            )
        ),
        Report::Rebuilt { changes, ms, files } => {
            let ms = stp_i18n::Arg::decimal(ms, 1);
            println!(
                "{}",
                match files {
                    Some(files) => t!(
                        "serve-rebuilt-files",
                        changes = changes,
                        ms = ms,
                        files = files
                    ),
                    None => t!("serve-rebuilt-whole", changes = changes, ms = ms),
                }
            )
        }
        Report::SearchUpdated { ms, files } => println!(
            "{}",
            t!(
                "serve-search-updated",
                ms = stp_i18n::Arg::decimal(ms, 1),
                files = files
            )
        ),
        Report::Failed(e) => {
            for line in crate::cli::error::render_error(e).lines() {
                eprintln!("{line}");
            }
        }
    })
}
